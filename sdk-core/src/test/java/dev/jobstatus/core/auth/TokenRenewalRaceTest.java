package dev.jobstatus.core.auth;

import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.internal.timing.Deadlines;
import dev.jobstatus.core.internal.transport.ApiRequest;
import dev.jobstatus.core.internal.transport.BodyReader;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Callers that wait for someone else's token renewal, in this process or another, wait no longer than their own
 * deadline and end at once when interrupted; and one that gives up takes nothing over: the renewer's token is
 * published, and no second sign-in follows. Driven by latches and a {@link ManualTimeSource}, never by the clock.
 */
class TokenRenewalRaceTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ManualTimeSource time = new ManualTimeSource();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final TokenStore store = TokenStore.inMemory();

    /** The first fetch blocks until {@link #release} once it has told {@link #fetching}; every fetch counts. */
    private final AtomicInteger fetches = new AtomicInteger();

    private final CountDownLatch fetching = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<@Nullable Duration> fetchTimeLeft = new AtomicReference<>();
    private final TokenFetcher slowFirstFetch = previous -> {
        int n = fetches.incrementAndGet();
        if (n == 1) {
            fetchTimeLeft.set(Deadlines.enclosingRemaining());
            fetching.countDown();
            await(release);
        }
        return new AccessToken("token-" + n, time.now().plus(Duration.ofHours(1)), "refresh-" + n);
    };

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    private CachingTokenProvider provider(TimeSource clock) {
        return CachingTokenProvider.builder(slowFirstFetch)
                .timeSource(clock)
                .store(store)
                .build();
    }

    /** Starts a renewal by {@code renewer} on another thread, and returns once its fetch has begun. */
    private Future<AuthHeaders> renewalUnderway(CachingTokenProvider renewer) throws InterruptedException {
        Future<AuthHeaders> renewal = pool.submit(renewer::headers);
        assertThat(fetching.await(30, TimeUnit.SECONDS)).isTrue();
        return renewal;
    }

    /** Makes a call through {@code credentials} that must end within {@code timeout}. */
    private void call(CredentialProvider credentials, Duration timeout) {
        HttpTransport transport = HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .timeSource(time)
                .credentials(credentials)
                .build();
        transport.execute(
                ApiRequest.get().path("things").build(), BodyReader.json(Map.class), RequestOptions.timeout(timeout));
    }

    @Test
    void aCallerWaitingForAnotherProcesssRenewalEndsAtItsDeadlineAndTakesNothingOver() throws Exception {
        Future<AuthHeaders> renewal = renewalUnderway(provider(time));
        CachingTokenProvider otherProcess = provider(time);
        StoredToken lease = store.read();

        // Its waits advance the manual clock until its deadline: 1 s, or 90 s (beyond the 30 s lease of old).
        for (Duration timeout : new Duration[] {Duration.ofSeconds(1), Duration.ofSeconds(90)}) {
            Future<?> waiter = pool.submit(() -> call(otherProcess, timeout));

            assertThat(failure(waiter))
                    .isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining("acme")
                    .hasMessageContaining("within its " + timeout.toMillis() + " ms deadline");
            assertThat(store.read()).as("the renewer's lease, untouched").isEqualTo(lease);
        }

        release.countDown();
        assertThat(renewal.get(30, TimeUnit.SECONDS)).isEqualTo(AuthHeaders.of("Authorization", "Bearer token-1"));
        assertThat(store.read())
                .isEqualTo(
                        StoredToken.of(new AccessToken("token-1", time.now().plus(Duration.ofHours(1)), "refresh-1")));
        server.enqueue(json(200, "{}"));
        call(otherProcess, Duration.ofSeconds(1));
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
        assertThat(fetches).as("sign-ins").hasValue(1);
    }

    @Test
    void aCallWhose401WaitsForAnotherProcesssRenewalPastItsDeadlineIsATimeoutNotAnAuthenticationFailure()
            throws Exception {
        store.replace(
                null, StoredToken.of(new AccessToken("token-0", time.now().plus(Duration.ofHours(1)), "refresh-0")));
        CachingTokenProvider renewer = provider(time);
        AuthHeaders rejected = renewer.headers();
        Future<Boolean> renewal = pool.submit(() -> renewer.refresh(rejected));
        assertThat(fetching.await(30, TimeUnit.SECONDS)).isTrue();
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(401).build());

        Future<?> waiter = pool.submit(() -> call(provider(time), Duration.ofSeconds(1)));

        assertThat(failure(waiter))
                .isInstanceOf(RequestTimeoutException.class)
                .hasMessageContaining("within its 1000 ms deadline");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-0");
        release.countDown();
        assertThat(renewal.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(store.read().token().token()).isEqualTo("token-1");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aCallerInterruptedWhileWaitingForAnotherProcesssRenewalEndsAtOnceAndTakesNothingOver() throws Exception {
        Future<AuthHeaders> renewal = renewalUnderway(provider(time));
        WaiterTime waiterTime = new WaiterTime(time);
        CachingTokenProvider otherProcess = provider(waiterTime);
        StoredToken lease = store.read();
        AtomicBoolean flagKept = new AtomicBoolean();
        AtomicReference<Thread> waiterThread = new AtomicReference<>();
        Future<AuthHeaders> waiter = pool.submit(() -> {
            waiterThread.set(Thread.currentThread());
            try {
                return otherProcess.headers();
            } finally {
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        assertThat(waiterTime.sleeping.await(30, TimeUnit.SECONDS)).isTrue();

        waiterThread.get().interrupt();

        assertThat(failure(waiter)).isInstanceOf(InterruptedOperationException.class);
        assertThat(flagKept).isTrue();
        assertThat(store.read()).isEqualTo(lease);
        release.countDown();
        assertThat(renewal.get(30, TimeUnit.SECONDS)).isEqualTo(AuthHeaders.of("Authorization", "Bearer token-1"));
        assertThat(store.read().token().token()).isEqualTo("token-1");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aThreadWaitingForThisProcesssRenewalEndsAtItsDeadline() throws Exception {
        CachingTokenProvider shared = provider(time);
        Future<AuthHeaders> renewal = renewalUnderway(shared);

        Future<?> waiter = pool.submit(() -> call(shared, Duration.ofMillis(500)));

        assertThat(failure(waiter))
                .isInstanceOf(RequestTimeoutException.class)
                .hasMessageContaining("within its 500 ms deadline");
        release.countDown();
        assertThat(renewal.get(30, TimeUnit.SECONDS)).isEqualTo(AuthHeaders.of("Authorization", "Bearer token-1"));
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aThreadInterruptedWhileWaitingForThisProcesssRenewalEndsAtOnce() throws Exception {
        CachingTokenProvider shared = provider(time);
        Future<AuthHeaders> renewal = renewalUnderway(shared);
        AtomicBoolean flagKept = new AtomicBoolean();
        AtomicReference<Thread> waiterThread = new AtomicReference<>();
        CountDownLatch asking = new CountDownLatch(1);
        Future<AuthHeaders> waiter = pool.submit(() -> {
            waiterThread.set(Thread.currentThread());
            asking.countDown();
            try {
                return shared.headers();
            } finally {
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        assertThat(asking.await(30, TimeUnit.SECONDS)).isTrue();

        // Whether it is already waiting for the lock or about to, the interrupt must end its wait.
        waiterThread.get().interrupt();

        assertThat(failure(waiter)).isInstanceOf(InterruptedOperationException.class);
        assertThat(flagKept).isTrue();
        release.countDown();
        assertThat(renewal.get(30, TimeUnit.SECONDS)).isEqualTo(AuthHeaders.of("Authorization", "Bearer token-1"));
        assertThat(fetches).hasValue(1);
    }

    @Test
    void theLeaseCoversTheWholeFetchAndTheFetchEndsWithinIt() throws Exception {
        Instant startedAt = time.now();

        Future<AuthHeaders> renewal = renewalUnderway(provider(time));

        Duration budget = RetryPolicy.defaults().timeout();
        assertThat(store.read().renewalEnds()).isAfterOrEqualTo(startedAt.plus(budget));
        assertThat(fetchTimeLeft.get())
                .as("the fetch's time left, on the stopped clock")
                .isEqualTo(budget);
        release.countDown();
        renewal.get(30, TimeUnit.SECONDS);
    }

    /** Returns what {@code future} failed with, waiting at most 30 s for it. */
    private static Throwable failure(Future<?> future) throws InterruptedException {
        try {
            future.get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, but it succeeded");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("still running after 30 s", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The clock of a waiter: it tells the test when it first sleeps, then sleeps until interrupted. */
    private static final class WaiterTime implements TimeSource {
        private final ManualTimeSource clock;
        final CountDownLatch sleeping = new CountDownLatch(1);

        WaiterTime(ManualTimeSource clock) {
            this.clock = clock;
        }

        @Override
        public Instant now() {
            return clock.now();
        }

        @Override
        public long nanoTime() {
            return clock.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            sleeping.countDown();
            new CountDownLatch(1).await();
        }
    }
}
