package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.core.internal.transport.TestTransports.THING;
import static dev.jobstatus.core.internal.transport.TestTransports.getThing;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * OkHttp's connect, read, write and call timeouts, with the same meaning on the blocking and the asynchronous path,
 * and an interrupt that ends a blocking call on plain sockets (the SDK's own client's, or one the caller passed in).
 * No test measures time: each timeout is the only thing that can end its call before the test's safety net.
 */
class TimeoutTest {
    private static final RetryPolicy ONE_RETRY = RetryPolicy.builder()
            .maxRetries(1)
            .initialBackoff(Duration.ofMillis(10))
            .fullJitter(false)
            .build();

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void anInterruptCancelsACallOnTheCallersOwnClient() throws Exception {
        OkHttpClient callers =
                new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(5)).build();
        try (SilentServer silent = new SilentServer();
                HttpTransport transport = HttpTransport.builder("acme")
                        .baseUrl(silent.url("/v1/"))
                        .httpClient(callers)
                        .callTimeout(Duration.ZERO)
                        .build()) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flagKept = new AtomicReference<>();
            Thread calling = new Thread(() -> {
                thrown.set(catchThrowable(() -> transport.execute(getThing("1"), THING)));
                flagKept.set(Thread.currentThread().isInterrupted());
            });
            calling.start();
            assertThat(silent.awaitAccepted(30_000)).isTrue();
            calling.interrupt();
            calling.join(30_000);

            assertThat(thrown.get())
                    .isInstanceOf(InterruptedOperationException.class)
                    .hasMessage("interrupted while calling the acme API");
            assertThat(flagKept.get()).isTrue();
            assertThat(silent.awaitClientClose(30_000))
                    .as("the request in flight was cancelled")
                    .isTrue();
        }
    }

    @Test
    void aThreadInterruptedBeforeTheCallSendsNothing() {
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\"}").build());
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\"}").build());
        try (HttpTransport transport =
                HttpTransport.builder("acme").baseUrl(server.url("/v1/")).build()) {
            // A pooled connection: opening a new one would notice the interrupt on its own.
            transport.execute(getThing("1"), THING);
            Thread.currentThread().interrupt();
            Throwable thrown;
            try {
                thrown = catchThrowable(() -> transport.execute(getThing("1"), THING));
            } finally {
                assertThat(Thread.interrupted())
                        .as("the interrupt flag is kept")
                        .isTrue();
            }

            assertThat(thrown).isInstanceOf(InterruptedOperationException.class);
            assertThat(server.getRequestCount()).isOne();
            // Not interrupted, the same transport works.
            assertThat(transport.execute(getThing("1"), THING).value().id()).isEqualTo("1");
        }
    }

    @Test
    void anAttemptThatOutlivesTheCallTimeoutIsRetriedThenEndsAsATimeout() throws Exception {
        try (SilentServer silent = new SilentServer();
                HttpTransport transport = HttpTransport.builder("acme")
                        .baseUrl(silent.url("/v1/"))
                        .callTimeout(Duration.ofMillis(300))
                        .readTimeout(Duration.ofMinutes(5))
                        .retryPolicy(ONE_RETRY)
                        .build()) {
            Throwable thrown = catchThrowable(() -> transport.execute(getThing("1"), THING));

            assertThat(thrown)
                    .isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining(
                            "acme API did not answer GET /v1/things/1 in time (InterruptedIOException: timeout, attempts 2)");
            assertThat(((RequestTimeoutException) thrown).attempts()).isEqualTo(2);
            assertThat(silent.accepted()).isEqualTo(2);
        }
    }

    @Test
    void aBodyThatStallsEndsAsAReadTimeoutAndIsRetried() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(stalledBody());
        }
        try (HttpTransport transport = HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .readTimeout(Duration.ofMillis(200))
                .callTimeout(Duration.ZERO)
                .retryPolicy(ONE_RETRY)
                .build()) {
            Throwable thrown = catchThrowable(() -> transport.execute(getThing("1"), THING));

            assertThat(thrown)
                    .isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining("acme API did not answer GET /v1/things/1 in time (SocketTimeoutException");
            assertThat(((RequestTimeoutException) thrown).attempts()).isEqualTo(2);
        }
    }

    @Test
    void anAsynchronousCallHasTheSameReadTimeout() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(stalledBody());
        }
        try (HttpTransport transport = HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .readTimeout(Duration.ofMillis(200))
                .callTimeout(Duration.ZERO)
                .retryPolicy(ONE_RETRY)
                .build()) {
            Throwable thrown = catchThrowable(
                    () -> transport.executeAsync(getThing("1"), THING).get(30, TimeUnit.SECONDS));

            assertThat(thrown)
                    .cause()
                    .isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining("acme API did not answer GET /v1/things/1 in time (SocketTimeoutException");
            assertThat(((RequestTimeoutException) thrown.getCause()).attempts()).isEqualTo(2);
        }
    }

    @Test
    void aCallersInterceptorSeesTheConfiguredTimeoutsOnBothPaths() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        OkHttpClient callers = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    seen.add(chain.readTimeoutMillis());
                    seen.add(chain.writeTimeoutMillis());
                    return chain.proceed(chain.request());
                })
                .build();
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\"}").build());
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"2\"}").build());
        try (HttpTransport transport = HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .httpClient(callers)
                .readTimeout(Duration.ofMillis(1_234))
                .writeTimeout(Duration.ofMillis(2_345))
                .build()) {
            transport.execute(getThing("1"), THING);
            transport.executeAsync(getThing("2"), THING).get(30, TimeUnit.SECONDS);
        }

        assertThat(seen).containsExactly(1_234, 2_345, 1_234, 2_345);
    }

    @Test
    void aRequestTheServerDoesNotReadEndsAsAWriteTimeout() throws Exception {
        try (ServerSocket deaf = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                HttpTransport transport = HttpTransport.builder("acme")
                        .baseUrl(okhttp3.HttpUrl.get("http://"
                                + deaf.getInetAddress().getHostAddress() + ":" + deaf.getLocalPort() + "/v1/"))
                        .writeTimeout(Duration.ofMillis(300))
                        .readTimeout(Duration.ofMinutes(5))
                        .callTimeout(Duration.ZERO)
                        .retryPolicy(RetryPolicy.none())
                        .build()) {
            // Accepted and never read: the client's writes stop once the socket buffers on both sides are full.
            List<Socket> held = new CopyOnWriteArrayList<>();
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
            ApiRequest upload = ApiRequest.post()
                    .path("things")
                    .jsonBody(Map.of("blob", "x".repeat(64 << 20)))
                    .build();

            Throwable thrown = catchThrowable(() -> transport.execute(upload, THING));

            assertThat(thrown)
                    .isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining("acme API did not answer POST /v1/things in time (SocketTimeoutException");
        }
    }

    /** Headers at once, then a body that never comes. */
    private static MockResponse stalledBody() {
        return new MockResponse.Builder()
                .body("{\"id\":\"1\"}")
                .onResponseBody(SocketEffect.Stall.INSTANCE)
                .build();
    }
}
