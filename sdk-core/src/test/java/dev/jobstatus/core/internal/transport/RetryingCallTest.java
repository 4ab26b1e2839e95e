package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.core.internal.transport.TestTransports.THING;
import static dev.jobstatus.core.internal.transport.TestTransports.getThing;
import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.ConnectionException;
import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.exception.RateLimitException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.exception.ServerException;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryingCallTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ManualTimeSource time = new ManualTimeSource();

    private HttpTransport transport() {
        return TestTransports.builder(server, time).build();
    }

    private static final ApiRequest POST =
            ApiRequest.post().path("things").jsonBody(Map.of("a", 1)).build();

    @ParameterizedTest(name = "GET answered {0} is retried")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void retriableStatusOnGetIsRetriedThenSucceeds(int status) {
        server.enqueue(new MockResponse.Builder().code(status).build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        var response = transport().execute(getThing("1"), THING);

        assertThat(response.value().id()).isEqualTo("1");
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @ParameterizedTest(name = "POST answered {0} is retried")
    @ValueSource(ints = {408, 429, 502, 503, 504})
    void retriableStatusOnPostIsRetried(int status) {
        server.enqueue(new MockResponse.Builder().code(status).build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        assertThat(transport().execute(POST, THING).attempts()).isEqualTo(2);
    }

    @Test
    void http500OnPostIsNotRetried() {
        server.enqueue(new MockResponse.Builder().code(500).build());

        ServerException e =
                catchThrowableOfType(ServerException.class, () -> transport().execute(POST, THING));

        assertThat(e.attempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "HTTP {0} is never retried")
    @ValueSource(ints = {400, 401, 403, 404, 409, 410, 422, 501})
    void otherErrorsAreNeverRetried(int status) {
        server.enqueue(new MockResponse.Builder().code(status).build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        ApiException e =
                catchThrowableOfType(ApiException.class, () -> transport().execute(getThing("1"), THING));

        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void backoffDoublesUpToTheRetryBudgetThenFails() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(503)
                    .setHeader("X-Request-Id", "r" + i)
                    .build());
        }

        ServerException e =
                catchThrowableOfType(ServerException.class, () -> transport().execute(getThing("1"), THING));

        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e.requestId()).isEqualTo("r3");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void backoffIsCappedAtMaxBackoff() {
        RetryPolicy policy = RetryPolicy.builder()
                .fullJitter(false)
                .maxRetries(5)
                .initialBackoff(Duration.ofSeconds(10))
                .maxBackoff(Duration.ofSeconds(25))
                .timeout(Duration.ofHours(1))
                .build();
        assertThat(List.of(1, 2, 3, 4).stream()
                        .map(n -> policy.delayBefore(n, null, () -> 0.5))
                        .toList())
                .containsExactly(
                        Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(25), Duration.ofSeconds(25));
    }

    @Test
    void fullJitterStaysWithinTheBackoff() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.delayBefore(3, null, () -> 0.0)).isEqualTo(Duration.ZERO);
        assertThat(policy.delayBefore(3, null, () -> 0.25)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayBefore(3, null, () -> 0.999)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterInSecondsIsHonouredWhenLongerThanBackoff() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "7")
                .build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        transport().execute(getThing("1"), THING);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterShorterThanBackoffLeavesTheBackoff() {
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .setHeader("Retry-After", "0")
                .build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        var response = transport().execute(getThing("1"), THING);

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retryAfterAsHttpDateIsMeasuredFromTheClock() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                time.now().plusSeconds(12).atOffset(ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .setHeader("Retry-After", date)
                .build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        transport().execute(getThing("1"), THING);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void retryAfterLongerThanMaxDelayEndsTheCallAtOnceWithTheDelay() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "3600")
                .build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        RateLimitException e =
                catchThrowableOfType(RateLimitException.class, () -> transport().execute(getThing("1"), THING));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retryAfterUpToMaxDelayIsWaitedFor() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "60")
                .build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        transport().execute(getThing("1"), THING);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void overallDeadlineStopsRetriesWhoseWaitWouldPassIt() {
        HttpTransport transport = TestTransports.builder(server, time)
                .retryPolicy(RetryPolicy.builder()
                        .fullJitter(false)
                        .maxRetries(10)
                        .initialBackoff(Duration.ofSeconds(2))
                        .timeout(Duration.ofSeconds(5))
                        .build())
                .build();
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder().code(503).build());
        }

        ServerException e = catchThrowableOfType(ServerException.class, () -> transport.execute(getThing("1"), THING));

        // 2 s wait fits in 5 s; the next 4 s wait would end at 6 s, past the deadline.
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void throttleDeclaredByProviderIsRetriedAndEndsAsRateLimit() {
        HttpTransport transport = TestTransports.builder(server, time)
                .retryPolicy(
                        RetryPolicy.builder().fullJitter(false).maxRetries(1).build())
                .throttleDetector(
                        (status, reason, headers, body) -> status == 409 && headers.get("Retry-After") != null)
                .build();
        server.enqueue(new MockResponse.Builder()
                .code(409)
                .setHeader("Retry-After", "1")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(409)
                .setHeader("Retry-After", "2")
                .build());

        RateLimitException e =
                catchThrowableOfType(RateLimitException.class, () -> transport.execute(getThing("1"), THING));

        assertThat(e.statusCode()).isEqualTo(409);
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void theReasonPhraseReachesTheThrottleDetectorAndIsTheMessageOfAnEmptyBody() {
        HttpTransport transport = TestTransports.builder(server, time)
                .retryPolicy(
                        RetryPolicy.builder().fullJitter(false).maxRetries(1).build())
                .throttleDetector((status, reason, headers, body) -> reason.startsWith("Slow down"))
                .build();
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder()
                    .status("HTTP/1.1 409 Slow down, please")
                    .setHeader("Content-Length", "0")
                    .build());
        }

        RateLimitException e =
                catchThrowableOfType(RateLimitException.class, () -> transport.execute(getThing("1"), THING));

        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e.errorMessage()).contains("Slow down, please");
        assertThat(e.getMessage()).contains("HTTP 409 for GET /v1/things/1: Slow down, please");
    }

    @Test
    void aBoilerplateReasonPhraseIsNotAMessage() {
        server.enqueue(
                new MockResponse.Builder().status("HTTP/1.1 404 Not Found").build());

        ApiException e =
                catchThrowableOfType(ApiException.class, () -> transport().execute(getThing("1"), THING));

        assertThat(e.errorMessage()).isNull();
    }

    @Test
    void connectionDroppedBeforeResponseIsRetriedForGet() {
        server.enqueue(new MockResponse.Builder()
                .onRequestStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        var response = transport().execute(getThing("1"), THING);

        assertThat(response.attempts()).isEqualTo(2);
    }

    @Test
    void connectionDroppedMidBodyIsRetriedForGet() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{\"id\":\"" + "1".repeat(200) + "\"}")
                .onResponseBody(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        assertThat(transport().execute(getThing("1"), THING).attempts()).isEqualTo(2);
    }

    @Test
    void connectionFailureOnPostIsNotRetried() {
        server.enqueue(new MockResponse.Builder()
                .onRequestStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        ConnectionException e = catchThrowableOfType(
                ConnectionException.class, () -> transport().execute(POST, THING));

        assertThat(e.provider()).isEqualTo("acme");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getMessage()).contains("acme API connection failed on POST /v1/things");
    }

    @Test
    void postOnAPooledConnectionTheServerHadClosedIsResentAtOnce() throws Exception {
        try (StaleConnectionServer stale = new StaleConnectionServer("{\"id\":\"7\"}")) {
            HttpTransport transport = HttpTransport.builder("acme")
                    .baseUrl(stale.url("/v1/"))
                    .timeSource(time)
                    .retryPolicy(TestTransports.EXACT)
                    .build();
            transport.execute(getThing("1"), THING);

            var response = transport.execute(POST, THING);

            assertThat(response.value().id()).isEqualTo("7");
            assertThat(response.attempts()).isEqualTo(2);
            assertThat(time.sleeps()).isEmpty();
            assertThat(stale.answered()).containsExactly("GET /v1/things/1 HTTP/1.1", "POST /v1/things HTTP/1.1");
        }
    }

    @Test
    void postThatFindsNoServerIsRetriedLikeAnyRequest() throws Exception {
        HttpUrl nobody;
        try (MockWebServer closed = new MockWebServer()) {
            closed.start();
            nobody = closed.url("/v1/");
        }
        HttpTransport transport = HttpTransport.builder("acme")
                .baseUrl(nobody)
                .timeSource(time)
                .retryPolicy(TestTransports.EXACT)
                .build();

        ConnectionException e = catchThrowableOfType(ConnectionException.class, () -> transport.execute(POST, THING));

        assertThat(e.attempts()).isEqualTo(4);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void postWhoseFreshConnectionDropsAfterTheRequestIsNotResent() {
        // The server read the request on a new connection: it may have acted on it, so it is never sent twice.
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        ConnectionException e = catchThrowableOfType(
                ConnectionException.class, () -> transport().execute(POST, THING));

        assertThat(e.attempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void connectionFailuresBeyondTheBudgetEndAsConnectionException() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder()
                    .onRequestStart(new SocketEffect.CloseSocket())
                    .build());
        }

        ConnectionException e = catchThrowableOfType(
                ConnectionException.class, () -> transport().execute(getThing("1"), THING));

        assertThat(e.attempts()).isEqualTo(4);
    }

    @Test
    void readTimeoutIsRetriedThenReportedAsTimeout() {
        HttpTransport transport = TestTransports.builder(server, time)
                .readTimeout(Duration.ofMillis(200))
                .retryPolicy(
                        RetryPolicy.builder().fullJitter(false).maxRetries(1).build())
                .build();
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{}")
                .headersDelay(2, java.util.concurrent.TimeUnit.SECONDS)
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{}")
                .headersDelay(2, java.util.concurrent.TimeUnit.SECONDS)
                .build());

        RequestTimeoutException e =
                catchThrowableOfType(RequestTimeoutException.class, () -> transport.execute(getThing("1"), THING));

        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e.getMessage()).contains("did not answer GET /v1/things/1 in time");
    }

    @Test
    void interruptDuringBackoffStopsAndKeepsTheFlag() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        HttpTransport transport = TestTransports.builder(server, time)
                .timeSource(new TimeSource() {
                    @Override
                    public java.time.Instant now() {
                        return time.now();
                    }

                    @Override
                    public long nanoTime() {
                        return time.nanoTime();
                    }

                    @Override
                    public void sleep(Duration duration) throws InterruptedException {
                        throw new InterruptedException();
                    }
                })
                .build();

        try {
            InterruptedOperationException e = catchThrowableOfType(
                    InterruptedOperationException.class, () -> transport.execute(getThing("1"), THING));
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
