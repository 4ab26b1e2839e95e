package dev.jobstatus.core.internal;

import static dev.jobstatus.core.internal.TestTransports.THING;
import static dev.jobstatus.core.internal.TestTransports.getThing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.retry.RetryPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The watch of blocking calls: an interrupt ends a call on plain sockets (the SDK's own client's, or one the caller
 * passed in), and an attempt that outlives its whole-call timeout, or whose response stops coming for the read timeout,
 * or whose request is not written within the write timeout, is cancelled and ends as a timeout.
 */
class CallWatchTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void anInterruptCancelsACallOnTheCallersOwnClient() throws Exception {
        OkHttpClient callers = new OkHttpClient();
        try (SilentServer silent = new SilentServer();
             HttpTransport transport = HttpTransport.builder("acme").baseUrl(silent.url("/v1/")).httpClient(callers).build()) {
            // The client's read timeout is 10 s; the watch polls every 50 ms.
            assertInterruptEndsACall(transport, silent);
        }
    }

    @Test
    void aWatchThatWentToSleepWakesForTheNextCall() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\"}").build());
        try (HttpTransport quick = HttpTransport.builder("acme").baseUrl(server.url("/v1/")).build()) {
            quick.execute(getThing("1"), THING);
        }
        // A second without calls: the watch thread stops polling and sleeps.
        Thread.sleep(CallWatch.POLL_MILLIS * 30);

        try (SilentServer silent = new SilentServer(); HttpTransport transport = HttpTransport.builder("acme").baseUrl(silent.url("/v1/")).build()) {
            assertInterruptEndsACall(transport, silent);
        }
    }

    private static void assertInterruptEndsACall(HttpTransport transport, SilentServer silent) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        Thread calling = new Thread(() -> {
            thrown.set(catchThrowable(() -> transport.execute(getThing("1"), THING)));
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        calling.start();
        while (silent.accepted() == 0) {
            Thread.sleep(10);
        }
        long start = System.nanoTime();
        calling.interrupt();
        calling.join(5_000);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(thrown.get()).isInstanceOf(InterruptedOperationException.class)
                .hasMessage("interrupted while calling the acme API");
        assertThat(flagKept.get()).isTrue();
        assertThat(silent.awaitClientClose(500)).isTrue();
    }

    @Test
    void aThreadInterruptedBeforeTheCallSendsNothing() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\"}").build());
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\"}").build());
        try (HttpTransport transport = HttpTransport.builder("acme").baseUrl(server.url("/v1/")).build()) {
            // A pooled connection: opening a new one would notice the interrupt on its own.
            transport.execute(getThing("1"), THING);
            Thread.currentThread().interrupt();
            Throwable thrown;
            try {
                thrown = catchThrowable(() -> transport.execute(getThing("1"), THING));
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt flag is kept").isTrue();
            }

            assertThat(thrown).isInstanceOf(InterruptedOperationException.class);
            assertThat(server.getRequestCount()).isOne();
            // Not interrupted, the same transport works.
            assertThat(transport.execute(getThing("1"), THING).value().id()).isEqualTo("1");
        }
    }

    @Test
    void callsThatEndAreNoLongerWatched() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\"}").build());
        server.enqueue(new MockResponse.Builder().code(404).body("{}").build());
        try (HttpTransport transport = HttpTransport.builder("acme").baseUrl(server.url("/v1/")).build()) {
            transport.execute(getThing("1"), THING);
            catchThrowable(() -> transport.execute(getThing("2"), THING));
        }

        assertThat(CallWatch.watched()).isZero();
    }

    @Test
    void anAttemptThatOutlivesTheCallTimeoutIsRetriedThenEndsAsATimeout() throws Exception {
        try (SilentServer silent = new SilentServer();
             HttpTransport transport = HttpTransport.builder("acme").baseUrl(silent.url("/v1/")).callTimeout(Duration.ofMillis(300))
                     .readTimeout(Duration.ofSeconds(20))
                     .retryPolicy(RetryPolicy.builder().maxRetries(1).initialBackoff(Duration.ofMillis(10)).fullJitter(false).build())
                     .build()) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> transport.execute(getThing("1"), THING));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(thrown).isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining("acme API did not answer GET /v1/things/1 in time (InterruptedIOException: timeout, attempts 2)");
            assertThat(((RequestTimeoutException) thrown).attempts()).isEqualTo(2);
            assertThat(silent.accepted()).isEqualTo(2);
            // Two attempts of 300 ms each, not the 20 s read timeout.
            assertThat(took).isBetween(Duration.ofMillis(600), Duration.ofSeconds(5));
        }
    }

    @Test
    void theWatchWakesForATimeoutNearerThanItsNextPoll() throws Exception {
        long timeout = 30;
        try (SilentServer silent = new SilentServer();
             HttpTransport transport = HttpTransport.builder("acme").baseUrl(silent.url("/v1/")).callTimeout(Duration.ofMillis(timeout))
                     .retryPolicy(RetryPolicy.none()).build()) {
            long[] late = new long[21];
            for (int i = 0; i < late.length; i++) {
                long start = System.nanoTime();
                assertThat(catchThrowable(() -> transport.execute(getThing("1"), THING))).isInstanceOf(RequestTimeoutException.class);
                late[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) - timeout;
            }
            Arrays.sort(late);

            // Waiting for the next poll instead would end them 25 ms late in the median (0 to 50 ms).
            assertThat(late[0]).isNotNegative();
            assertThat(late[late.length / 2]).as("median ms past the timeout, of %s", Arrays.toString(late)).isLessThan(12);
        }
    }

    @Test
    void aBodyThatStallsEndsAsAReadTimeoutAndIsRetried() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\"}").bodyDelay(5, TimeUnit.SECONDS).build());
        }
        try (HttpTransport transport = HttpTransport.builder("acme").baseUrl(server.url("/v1/")).readTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.builder().maxRetries(1).initialBackoff(Duration.ofMillis(10)).fullJitter(false).build())
                .build()) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> transport.execute(getThing("1"), THING));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(thrown).isInstanceOf(RequestTimeoutException.class).hasMessageContaining(
                    "acme API did not answer GET /v1/things/1 in time (SocketTimeoutException: no response bytes within the read timeout of 200 ms");
            assertThat(((RequestTimeoutException) thrown).attempts()).isEqualTo(2);
            // Two attempts of 200 ms each (the watch looks every 50 ms), not the 5 s the body waits.
            assertThat(took).isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
        }
    }

    @Test
    void aBodyThatKeepsComingIsNotLateHoweverLongItTakes() {
        String body = "{\"id\":\"1\",\"padding\":\"" + "x".repeat(2_000) + "\"}";
        // 200 bytes every 100 ms: about a second in all, five times the read timeout, never 300 ms without a byte.
        server.enqueue(new MockResponse.Builder().body(body).throttleBody(200, 100, TimeUnit.MILLISECONDS).build());
        try (HttpTransport transport = HttpTransport.builder("acme").baseUrl(server.url("/v1/")).readTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.none()).build()) {
            long start = System.nanoTime();

            assertThat(transport.execute(getThing("1"), THING).value().id()).isEqualTo("1");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(600));
        }
    }

    @Test
    void aRequestTheServerDoesNotReadEndsAsAWriteTimeout() throws Exception {
        try (ServerSocket deaf = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             HttpTransport transport = HttpTransport.builder("acme")
                     .baseUrl(okhttp3.HttpUrl.get("http://" + deaf.getInetAddress().getHostAddress() + ":" + deaf.getLocalPort() + "/v1/"))
                     .writeTimeout(Duration.ofMillis(300)).readTimeout(Duration.ofSeconds(20)).retryPolicy(RetryPolicy.none()).build()) {
            // Accepted and never read: the client's writes stop once the socket buffers on both sides are full.
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(deaf.accept());
                    }
                } catch (IOException closed) {
                    // the test ended
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ApiRequest upload = ApiRequest.post().path("things").jsonBody(Map.of("blob", "x".repeat(64 << 20))).build();

            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> transport.execute(upload, THING));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(thrown).isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining("request not written within the write timeout of 300 ms");
            assertThat(took).isBetween(Duration.ofMillis(300), Duration.ofSeconds(10));
        }
    }

    @Test
    void anAsynchronousCallKeepsOkHttpsReadTimeout() {
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\"}").bodyDelay(5, TimeUnit.SECONDS).build());
        try (HttpTransport transport = HttpTransport.builder("acme").baseUrl(server.url("/v1/")).readTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.none()).build()) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> transport.executeAsync(getThing("1"), THING).join());

            // Not watched (no thread of the caller's waits on it): OkHttp's own read timeout ends it.
            assertThat(thrown).hasCauseInstanceOf(RequestTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
