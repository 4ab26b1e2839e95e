package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.core.internal.transport.TestTransports.THING;
import static dev.jobstatus.core.internal.transport.TestTransports.getThing;
import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Each attempt takes one rate-limit permit before it is sent: a blocking one once its connection is open, right before
 * its request is written (a slow connect cannot make it late after its permit); an asynchronous one on the
 * transport's scheduler before it is enqueued, never on an OkHttp dispatcher thread. A permit that cannot be had before
 * the deadline fails the call at once, unsent.
 */
class PacingTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    /** What happened, in order: the limiter's reservations and the exchanges' steps. */
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void aBlockingAttemptTakesItsPermitOnceConnectedBeforeItsRequestIsWritten() {
        server.enqueue(json(200, Map.of("id", "a")));
        server.enqueue(json(200, Map.of("id", "b")));
        try (HttpTransport transport =
                transport(new Recording(Duration.ZERO, false), recordingClient(new OkHttpClient.Builder()))) {
            transport.execute(getThing("a"), THING);
            transport.execute(getThing("b"), THING);
        }

        assertThat(events).containsExactly("connection", "permit", "request", "connection", "permit", "request");
    }

    @Test
    void withASharedLimiterARequestStillLateAfterItsPermitTakesOneFreshPermit() {
        server.enqueue(json(200, Map.of("id", "a")));
        server.enqueue(json(200, Map.of("id", "b")));
        try (HttpTransport transport = HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .rateLimiter(new Recording(Duration.ofMillis(5), true))
                .httpClient(recordingClient(new OkHttpClient.Builder()))
                .timeSource(new OversleepingTime(Duration.ofMillis(50)))
                .build()) {
            transport.execute(getThing("a"), THING);
        }
        try (HttpTransport transport = HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .rateLimiter(new Recording(Duration.ofMillis(5), false))
                .httpClient(recordingClient(new OkHttpClient.Builder()))
                .timeSource(new OversleepingTime(Duration.ofMillis(50)))
                .build()) {
            transport.execute(getThing("b"), THING);
        }

        assertThat(events)
                .containsExactly(
                        "connection",
                        "permit",
                        "permit",
                        "request",
                        // An in-process limiter's late request goes as it is: every request of the quota is this
                        // process's.
                        "connection",
                        "permit",
                        "request");
    }

    @Test
    void overHttp2ThePermitIsTakenBeforeTheHeadersAreSent() {
        server.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
        server.enqueue(json(200, Map.of("id", "a")));
        OkHttpClient.Builder h2 = new OkHttpClient.Builder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
        try (HttpTransport transport = transport(new Recording(Duration.ZERO, false), recordingClient(h2))) {
            transport.execute(getThing("a"), THING);
        }

        assertThat(events).containsExactly("connection", "permit", "request");
    }

    @Test
    void aPermitBeyondTheDeadlineFailsABlockingCallAtOnceUnsent() {
        try (HttpTransport transport = transport(new Recording(null, false), null)) {
            Throwable thrown = catchThrowable(() -> transport.execute(getThing("a"), THING));

            assertThat(thrown)
                    .isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining("the client-side rate limit allows no acme request for GET /v1/things/a");
            assertThat(((RequestTimeoutException) thrown).attempts()).isOne();
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aPermitBeyondTheDeadlineFailsAnAsyncCallAtOnceUnsent() {
        try (HttpTransport transport = transport(new Recording(null, false), null)) {
            Throwable thrown = catchThrowable(
                    () -> transport.executeAsync(getThing("a"), THING).get(30, TimeUnit.SECONDS));

            assertThat(thrown)
                    .cause()
                    .isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining("the client-side rate limit allows no acme request");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anAsyncCallWaitsForItsPermitsOnTheSchedulerNeverOnADispatcherThread() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(json(200, Map.of("id", "a")));
        List<String> threads = new CopyOnWriteArrayList<>();
        RateLimiter limiter = maxWait -> {
            threads.add(Thread.currentThread().getName());
            return Duration.ofMillis(1);
        };
        RetryPolicy noBackoff = RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(1))
                .fullJitter(false)
                .build();
        try (HttpTransport transport = HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .rateLimiter(limiter)
                .retryPolicy(noBackoff)
                .build()) {
            assertThat(transport
                            .executeAsync(getThing("a"), THING)
                            .get(30, TimeUnit.SECONDS)
                            .attempts())
                    .isEqualTo(2);
        }

        // The first on the caller's thread, the retry's on the scheduler: none where OkHttp runs calls.
        assertThat(threads).hasSize(2);
        assertThat(threads.get(0)).isEqualTo(Thread.currentThread().getName());
        assertThat(threads.get(1)).startsWith("jobstatus-acme-scheduler");
    }

    @Test
    void closingTheTransportEndsABlockingWaitForAPermit() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        HttpTransport transport = HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .rateLimiter(aMinuteAway(waiting))
                .build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread calling = new Thread(() -> thrown.set(catchThrowable(() -> transport.execute(getThing("a"), THING))));
        calling.start();
        assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
        transport.close();
        calling.join(30_000);

        assertThat(thrown.get()).isInstanceOf(ClientClosedException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anInterruptEndsABlockingWaitForAPermit() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        try (HttpTransport transport = HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .rateLimiter(aMinuteAway(waiting))
                .build()) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flagKept = new AtomicReference<>();
            Thread calling = new Thread(() -> {
                thrown.set(catchThrowable(() -> transport.execute(getThing("a"), THING)));
                flagKept.set(Thread.currentThread().isInterrupted());
            });
            calling.start();
            assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
            calling.interrupt();
            calling.join(30_000);

            assertThat(thrown.get()).isInstanceOf(InterruptedOperationException.class);
            assertThat(flagKept.get()).isTrue();
        }
        assertThat(server.getRequestCount()).isZero();
    }

    /** A limiter whose permits are a minute away; counts {@code waiting} down when asked. */
    private static RateLimiter aMinuteAway(CountDownLatch waiting) {
        return maxWait -> {
            waiting.countDown();
            return Duration.ofMinutes(1);
        };
    }

    private HttpTransport transport(RateLimiter limiter, @Nullable OkHttpClient client) {
        HttpTransport.Builder builder =
                HttpTransport.builder("acme").baseUrl(server.url("/v1/")).rateLimiter(limiter);
        return (client == null ? builder : builder.httpClient(client)).build();
    }

    /** A client whose every call records when it has its connection and when it starts writing its request. */
    private OkHttpClient recordingClient(OkHttpClient.Builder builder) {
        return builder.eventListener(new EventListener() {
                    @Override
                    public void connectionAcquired(Call call, Connection connection) {
                        events.add("connection");
                    }

                    @Override
                    public void requestHeadersStart(Call call) {
                        events.add("request");
                    }
                })
                .build();
    }

    /** A manual clock whose sleeps wake {@code late} after they were due: a thread descheduled on a busy machine. */
    private static final class OversleepingTime implements TimeSource {
        private final ManualTimeSource time = new ManualTimeSource();
        private final Duration late;

        OversleepingTime(Duration late) {
            this.late = late;
        }

        @Override
        public Instant now() {
            return time.now();
        }

        @Override
        public long nanoTime() {
            return time.nanoTime();
        }

        @Override
        public void sleep(Duration duration) {
            time.advance(duration.plus(late));
        }
    }

    /** A limiter that records each reservation and grants it after {@code wait}, or refuses when {@code null}. */
    private final class Recording implements RateLimiter {
        private final @Nullable Duration wait;
        private final boolean shared;

        Recording(@Nullable Duration wait, boolean shared) {
            this.wait = wait;
            this.shared = shared;
        }

        @Override
        public @Nullable Duration tryReserve(Duration maxWait) {
            events.add("permit");
            return wait;
        }

        @Override
        public boolean shared() {
            return shared;
        }
    }
}
