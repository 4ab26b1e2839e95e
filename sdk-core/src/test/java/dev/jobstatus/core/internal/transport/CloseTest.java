package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.core.internal.transport.TestTransports.THING;
import static dev.jobstatus.core.internal.transport.TestTransports.getThing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.auth.AccessToken;
import dev.jobstatus.core.auth.CachingTokenProvider;
import dev.jobstatus.core.auth.StoredToken;
import dev.jobstatus.core.auth.TokenFetcher;
import dev.jobstatus.core.auth.TokenStore;
import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What close() does to calls in progress: each ends with a {@link ClientClosedException}, at once, whatever it waits
 * for. Waits are ten minutes long and the safety net 30 s, so no clock decides: a call that ends did so because of
 * the close.
 */
class CloseTest {
    private static final Duration LONG = Duration.ofMinutes(10);
    /** One retry, ten minutes after the first failure, within an hour's budget. */
    private static final RetryPolicy SLOW_RETRY = RetryPolicy.builder()
            .fullJitter(false)
            .maxRetries(1)
            .initialBackoff(LONG)
            .maxBackoff(LONG)
            .maxDelay(LONG)
            .timeout(Duration.ofHours(1))
            .build();

    /** Retries at once, for the attempts in flight. */
    private static final RetryPolicy FAST_RETRY = RetryPolicy.builder()
            .fullJitter(false)
            .initialBackoff(Duration.ofMillis(1))
            .build();

    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Lets a request the server holds go. */
    private final CountDownLatch release = new CountDownLatch(1);
    /** Counted down when the server holds a request. */
    private final CountDownLatch held = new CountDownLatch(1);
    /** Counted down when a retry is scheduled. */
    private final CountDownLatch retryScheduled = new CountDownLatch(1);

    private final ClientListener listener = (provider, operation, jobId, parent) -> new ClientListener.Operation() {
        @Override
        public void retryScheduled(Duration delay, String cause) {
            retryScheduled.countDown();
        }
    };

    @AfterEach
    void releaseTheServer() {
        release.countDown();
    }

    private HttpTransport.Builder builder() {
        return HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .timeSource(TimeSource.system())
                .retryPolicy(SLOW_RETRY)
                .listener(listener);
    }

    /** Answers 503, then holds every request until released. */
    private void failOnceThenHold() {
        server.setDispatcher(new Dispatcher() {
            private int requests;

            @Override
            public synchronized MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (requests++ == 0) {
                    return new MockResponse.Builder().code(503).build();
                }
                held.countDown();
                release.await(30, TimeUnit.SECONDS);
                return new MockResponse.Builder()
                        .code(200)
                        .body("{\"id\":\"1\"}")
                        .build();
            }
        });
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        ExecutionException failed = org.assertj.core.api.Assertions.catchThrowableOfType(
                ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
        assertThat(failed)
                .as("the future completed exceptionally within the safety net")
                .isNotNull();
        return failed.getCause();
    }

    @Test
    void anAsyncCallWaitingForItsRetryEndsWithTheClosedException() throws Exception {
        failOnceThenHold();
        HttpTransport transport = builder().build();
        CompletableFuture<ApiResponse<TestTransports.Thing>> call = transport.executeAsync(getThing("1"), THING);
        assertThat(retryScheduled.await(30, TimeUnit.SECONDS)).isTrue();

        transport.close();

        assertThat(failureOf(call)).isInstanceOfSatisfying(ClientClosedException.class, e -> {
            assertThat(e).hasMessage("the acme client was closed before GET /v1/things/1 ended (attempts 1)");
            assertThat(e.provider()).isEqualTo("acme");
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theRetryTimerOnTheCallersSchedulerIsCancelledAndTheSchedulerLeftRunning() throws Exception {
        failOnceThenHold();
        CountDownLatch timerSet = new CountDownLatch(1);
        CountDownLatch timerCancelled = new CountDownLatch(1);
        ScheduledThreadPoolExecutor callers = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                ScheduledFuture<?> timer = new CancelSignalling(super.schedule(command, delay, unit), timerCancelled);
                timerSet.countDown();
                return timer;
            }
        };
        callers.setRemoveOnCancelPolicy(true);
        try {
            HttpTransport transport = builder().scheduler(callers).build();
            CompletableFuture<ApiResponse<TestTransports.Thing>> call = transport.executeAsync(getThing("1"), THING);
            assertThat(timerSet.await(30, TimeUnit.SECONDS)).isTrue();

            transport.close();

            assertThat(failureOf(call)).isInstanceOf(ClientClosedException.class);
            // Cancelled by close(), or by the call itself if close() came before it had kept its timer.
            assertThat(timerCancelled.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(callers.getQueue()).as("the retry's timer").isEmpty();
            assertThat(callers.isShutdown()).isFalse();
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anAsyncAttemptInFlightIsCancelled() throws Exception {
        failOnceThenHold();
        HttpTransport transport = builder().retryPolicy(FAST_RETRY).build();
        CompletableFuture<ApiResponse<TestTransports.Thing>> call = transport.executeAsync(getThing("1"), THING);
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        transport.close();

        assertThat(failureOf(call)).isInstanceOf(ClientClosedException.class);
    }

    @Test
    void aBlockingCallWaitingForItsRetryThrowsTheClosedException() throws Exception {
        failOnceThenHold();
        HttpTransport transport = builder().build();
        CompletableFuture<ApiResponse<TestTransports.Thing>> call =
                blocking(() -> transport.execute(getThing("1"), THING));
        assertThat(retryScheduled.await(30, TimeUnit.SECONDS)).isTrue();

        transport.close();

        assertThat(failureOf(call))
                .isInstanceOf(ClientClosedException.class)
                .hasMessage("the acme client was closed before GET /v1/things/1 ended (attempts 1)");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBlockingAttemptInFlightIsCancelledEvenOnTheCallersOkHttpClient() throws Exception {
        failOnceThenHold();
        OkHttpClient callers = new OkHttpClient();
        try {
            HttpTransport transport =
                    builder().httpClient(callers).retryPolicy(FAST_RETRY).build();
            CompletableFuture<ApiResponse<TestTransports.Thing>> call =
                    blocking(() -> transport.execute(getThing("1"), THING));
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

            transport.close();

            assertThat(failureOf(call))
                    .isInstanceOf(ClientClosedException.class)
                    .hasMessage("the acme client was closed before GET /v1/things/1 ended (attempts 2)")
                    .hasCauseInstanceOf(dev.jobstatus.core.exception.ConnectionException.class);
            assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();
        } finally {
            callers.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void aCallOnAClosedTransportFailsWithTheClosedException() {
        HttpTransport transport = builder().build();
        transport.close();

        assertThatThrownBy(() -> transport.execute(getThing("1"), THING))
                .isInstanceOf(ClientClosedException.class)
                .hasMessage("the acme client is closed");
        assertThatThrownBy(() -> transport.executeAsync(getThing("1"), THING))
                .isInstanceOf(ClientClosedException.class)
                .hasMessage("the acme client is closed");
    }

    /** A timer that says when it is cancelled. */
    private record CancelSignalling(ScheduledFuture<?> timer, CountDownLatch cancelled)
            implements ScheduledFuture<Object> {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean done = timer.cancel(mayInterruptIfRunning);
            cancelled.countDown();
            return done;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return timer.getDelay(unit);
        }

        @Override
        public int compareTo(java.util.concurrent.Delayed other) {
            return timer.compareTo(other);
        }

        @Override
        public boolean isCancelled() {
            return timer.isCancelled();
        }

        @Override
        public boolean isDone() {
            return timer.isDone();
        }

        @Override
        public Object get() throws InterruptedException, ExecutionException {
            return timer.get();
        }

        @Override
        public Object get(long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
            return timer.get(timeout, unit);
        }
    }

    /** Runs a blocking call on a thread of its own. */
    private static <T> CompletableFuture<T> blocking(java.util.function.Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        result.complete(call.get());
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                },
                "blocking-caller");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    @Test
    void closeEndsABlockingCallWaitingForAnotherClientsRenewal() throws Exception {
        TokenStore shared = TokenStore.inMemory();
        CountDownLatch fetching = new CountDownLatch(1);
        // A's renewal holds the lease until the test ends; B, of the same account, waits for its result.
        TokenFetcher stuck = previous -> {
            fetching.countDown();
            await(release);
            return new AccessToken("token-a", null, null);
        };
        CountDownLatch bWaits = new CountDownLatch(2);
        TokenStore watched = new TokenStore() {
            @Override
            public @Nullable StoredToken read() {
                StoredToken held = shared.read();
                if (held != null && held.renewalEnds() != null) {
                    bWaits.countDown();
                }
                return held;
            }

            @Override
            public boolean replace(@Nullable StoredToken expected, StoredToken replacement) {
                return shared.replace(expected, replacement);
            }
        };
        server.enqueue(dev.jobstatus.testkit.Responses.json(200, "{\"id\":\"1\"}"));
        HttpTransport a = builder()
                .credentials(CachingTokenProvider.builder(stuck).store(shared).build())
                .build();
        HttpTransport b = builder()
                .credentials(CachingTokenProvider.builder(stuck).store(watched).build())
                .build();
        CompletableFuture<ApiResponse<TestTransports.Thing>> renewing = a.executeAsync(getThing("1"), THING);
        assertThat(fetching.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Object> waiting = new CompletableFuture<>();
        Thread caller = new Thread(
                () -> {
                    try {
                        waiting.complete(b.execute(getThing("1"), THING));
                    } catch (RuntimeException e) {
                        waiting.completeExceptionally(e);
                    }
                },
                "b-caller");
        caller.setDaemon(true);
        caller.start();
        assertThat(bWaits.await(30, TimeUnit.SECONDS))
                .as("B waits for A's renewal")
                .isTrue();

        b.close();

        assertThatThrownBy(() -> waiting.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(ClientClosedException.class);
        a.close();
        assertThat(renewing).isCompletedExceptionally();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
