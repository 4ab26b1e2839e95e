package dev.jobstatus.reliability;

import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.exception.BadRequestException;
import dev.jobstatus.core.exception.ConflictException;
import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.exception.NotFoundException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.exception.ServerException;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.JobView;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every provider against every fault, over real HTTP on loopback. Each case asserts either the correct result
 * (after retries where those are safe) or exactly the typed exception expected - nothing else may be thrown -
 * and that no secret reached the exception or any log record at any level.
 */
class FaultMatrixTest {
    private static final String HTML =
            "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";

    enum Call {
        GET,
        WAIT,
        TOKEN_GET
    }

    /**
     * One row of the matrix.
     *
     * @param name what the server does
     * @param script the server's responses, in order
     * @param call what the client does
     * @param maxBytes the client's body cap
     * @param failure the exact exception expected, or {@code null} for success
     * @param check further assertions on the result or the exception
     */
    record Case(
            String name,
            List<MockResponse> script,
            Call call,
            long maxBytes,
            Class<? extends Throwable> failure,
            Consumer<Object> check) {
        static Case ok(String name, List<MockResponse> script, Consumer<Object> check) {
            return new Case(name, script, Call.GET, 1 << 20, null, check);
        }

        static Case fails(
                String name, List<MockResponse> script, Class<? extends Throwable> failure, Consumer<Object> check) {
            return new Case(name, script, Call.GET, 1 << 20, failure, check);
        }

        Case as(Call call) {
            return new Case(name, script, call, maxBytes, failure, check);
        }

        Case cappedAt(long bytes) {
            return new Case(name, script, call, bytes, failure, check);
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (ProviderUnderTest provider :
                List.of(ProviderUnderTest.NEXUDUS, ProviderUnderTest.WIX, ProviderUnderTest.ASANA)) {
            List<Case> cases = cases(provider);
            for (int i = 0; i < cases.size(); i++) {
                String display = String.format(
                        "%s %02d/%d: %s",
                        provider.name(), i + 1, cases.size(), cases.get(i).name());
                all.add(Arguments.of(provider, Named.of(display, cases.get(i))));
            }
        }
        return all.stream();
    }

    static List<Case> cases(ProviderUnderTest p) {
        MockResponse ok = json(200, p.job(p.succeeded()));
        MockResponse running = json(200, p.job(p.running()));
        Consumer<Object> succeeded =
                result -> assertThat(((JobView) result).state()).isEqualTo(JobState.SUCCEEDED);
        Function<Integer, Consumer<Object>> attempts =
                n -> e -> assertThat(((dev.jobstatus.core.exception.JobStatusException) e).attempts())
                        .isEqualTo(n);
        List<Case> cases = new ArrayList<>(List.of(
                Case.ok("a plain success", List.of(ok), succeeded),
                Case.ok(
                        "429 with Retry-After: 2, then success",
                        List.of(
                                new MockResponse.Builder()
                                        .code(429)
                                        .setHeader("Retry-After", "2")
                                        .build(),
                                ok),
                        succeeded),
                Case.ok(
                        "429 with an HTTP-date Retry-After, then success",
                        List.of(
                                new MockResponse.Builder()
                                        .code(429)
                                        .setHeader("Retry-After", "Thu, 01 Jan 2026 00:00:05 GMT")
                                        .build(),
                                ok),
                        succeeded),
                Case.ok(
                        "429 without Retry-After, then success",
                        List.of(new MockResponse.Builder().code(429).build(), ok),
                        succeeded),
                p.throttlesWith409()
                        ? Case.ok("409 throttle with Retry-After, then success", List.of(throttle409(), ok), succeeded)
                        : Case.fails(
                                "409 with Retry-After is a conflict here, not retried",
                                List.of(throttle409(), ok),
                                ConflictException.class,
                                attempts.apply(1)),
                Case.ok(
                        "500, then success",
                        List.of(new MockResponse.Builder().code(500).build(), ok),
                        succeeded),
                Case.ok(
                        "502, then success",
                        List.of(new MockResponse.Builder().code(502).build(), ok),
                        succeeded),
                Case.ok(
                        "503, then success",
                        List.of(new MockResponse.Builder().code(503).build(), ok),
                        succeeded),
                Case.ok(
                        "504, then success",
                        List.of(new MockResponse.Builder().code(504).build(), ok),
                        succeeded),
                Case.fails(
                        "503 beyond the retry budget",
                        Collections.nCopies(
                                5, new MockResponse.Builder().code(503).build()),
                        ServerException.class,
                        attempts.apply(4)),
                Case.ok(
                        "connection reset before the response, then success",
                        List.of(
                                new MockResponse.Builder()
                                        .onResponseStart(new SocketEffect.CloseSocket())
                                        .build(),
                                ok),
                        succeeded),
                Case.ok(
                        "connection dropped mid-body, then success",
                        List.of(
                                new MockResponse.Builder(json(200, padded(p.job(p.succeeded()))))
                                        .onResponseBody(new SocketEffect.CloseSocket())
                                        .build(),
                                ok),
                        succeeded),
                Case.ok("read timeout, then success", List.of(delayed(ok), ok), succeeded),
                Case.fails(
                        "read timeouts beyond the retry budget",
                        Collections.nCopies(4, delayed(ok)),
                        RequestTimeoutException.class,
                        attempts.apply(4)),
                Case.fails(
                        "truncated JSON",
                        List.of(json(200, p.job(p.succeeded()).substring(0, 20))),
                        MalformedResponseException.class,
                        e -> assertThat((Throwable) e).hasMessageContaining("end-of-input")),
                Case.fails(
                        "HTML error page with 200",
                        List.of(new MockResponse.Builder()
                                .code(200)
                                .setHeader("Content-Type", "text/html")
                                .body(HTML)
                                .build()),
                        MalformedResponseException.class,
                        e -> assertThat((Throwable) e).hasMessageContaining("HTML page")),
                Case.fails(
                        "HTML error page with 502, beyond the retry budget",
                        Collections.nCopies(
                                4,
                                new MockResponse.Builder()
                                        .code(502)
                                        .setHeader("Content-Type", "text/html")
                                        .body(HTML)
                                        .build()),
                        ServerException.class,
                        e -> assertThat(((ApiException) e).bodyExcerpt()).contains("502 Bad Gateway")),
                Case.fails(
                        "empty 200 body",
                        List.of(new MockResponse.Builder().code(200).build()),
                        MalformedResponseException.class,
                        e -> assertThat((Throwable) e).hasMessageContaining("empty")),
                Case.fails(
                        "a null body",
                        List.of(json(200, "null")),
                        MalformedResponseException.class,
                        e -> assertThat((Throwable) e).hasMessageContaining("null")),
                Case.fails(
                        "a JSON array where an object is expected",
                        List.of(json(200, "[" + p.job(p.succeeded()) + "]")),
                        MalformedResponseException.class,
                        e -> assertThat((Throwable) e).hasMessageContaining("Cannot deserialize")),
                Case.fails(
                        "a value of the wrong type",
                        List.of(json(200, p.wrongType())),
                        MalformedResponseException.class,
                        e -> assertThat((Throwable) e).hasMessageContaining("Cannot deserialize")),
                Case.ok(
                        "an unknown status value",
                        List.of(json(200, p.job("SOMETHING_NEW"))),
                        result -> assertThat(((JobView) result).state()).isEqualTo(JobState.UNKNOWN)),
                Case.ok("unknown fields at every level", List.of(json(200, p.unknownFieldsEverywhere())), succeeded),
                Case.ok(
                        "missing optional fields",
                        List.of(json(200, p.missingOptionalFields())),
                        result -> assertThat(((JobView) result).state()).isEqualTo(JobState.UNKNOWN)),
                Case.fails(
                        "an error body that is not JSON",
                        List.of(new MockResponse.Builder()
                                .code(400)
                                .setHeader("Content-Type", "text/plain")
                                .body("Bad request: the id is malformed\nat line 1")
                                .build()),
                        BadRequestException.class,
                        e -> assertThat(((ApiException) e).errorMessage())
                                .contains("Bad request: the id is malformed")),
                Case.fails(
                                "a 2xx body over the size cap",
                                List.of(json(200, padded(p.job(p.succeeded())))),
                                MalformedResponseException.class,
                                e -> assertThat((Throwable) e).hasMessageContaining("larger than the 1024-byte cap"))
                        .cappedAt(1024),
                Case.ok("a gzip-encoded response", List.of(gzip(p.job(p.succeeded()))), succeeded),
                Case.fails(
                                "a 401 whose credential renewal also fails",
                                p.failingRefreshAfter401(),
                                AuthenticationException.class,
                                e -> assertThat(((ApiException) e).statusCode()).isEqualTo(401))
                        .as(Call.TOKEN_GET),
                Case.fails(
                                "a 404 during a wait",
                                List.of(running, json(404, "{\"message\":\"gone\"}")),
                                NotFoundException.class,
                                e -> {})
                        .as(Call.WAIT),
                Case.fails(
                                "a job that never becomes terminal",
                                Collections.nCopies(20, running),
                                JobWaitTimeoutException.class,
                                e -> assertThat(((JobWaitTimeoutException) e).lastJob(JobView.class))
                                        .extracting(JobView::state)
                                        .isEqualTo(JobState.RUNNING))
                        .as(Call.WAIT)));
        return cases;
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("matrix")
    void faultMatrix(ProviderUnderTest provider, Case c) throws Exception {
        List<String> logged = new ArrayList<>();
        Logger sdk = Logger.getLogger("dev.jobstatus");
        Level previous = sdk.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getMessage() + " " + r.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        sdk.setLevel(Level.ALL);
        sdk.addHandler(capture);
        try (MockWebServer server = NoDelayServerSockets.apply(new MockWebServer())) {
            c.script().forEach(server::enqueue);
            server.start();
            ProviderUnderTest.Setup setup = new ProviderUnderTest.Setup(
                    server.url("/"),
                    new ManualTimeSource(),
                    c.maxBytes(),
                    Duration.ofSeconds(1),
                    c.call() == Call.TOKEN_GET);
            Object result = null;
            Throwable thrown = null;
            try {
                result = c.call() == Call.WAIT ? provider.await(setup) : provider.get(setup);
            } catch (Throwable t) {
                thrown = t;
            }
            if (c.failure() == null) {
                if (thrown != null) {
                    fail("expected success but got " + thrown, thrown);
                }
                c.check().accept(result);
            } else {
                assertThat(thrown).as("the exception").isExactlyInstanceOf(c.failure());
                assertThat(((dev.jobstatus.core.exception.JobStatusException) thrown).provider())
                        .isEqualTo(provider.name());
                c.check().accept(thrown);
                for (Throwable t = thrown; t != null; t = t.getCause()) {
                    assertThat(t.toString() + " " + t.getMessage()).doesNotContain(provider.secrets());
                }
            }
            // The SDK never asks for more than the case scripted, and no secret ever travels in a URL.
            assertThat(server.getRequestCount()).isLessThanOrEqualTo(c.script().size());
            for (int i = server.getRequestCount(); i > 0; i--) {
                assertThat(server.takeRequest(1, TimeUnit.SECONDS).getRequestLine())
                        .doesNotContain(provider.secrets());
            }
        } finally {
            sdk.removeHandler(capture);
            sdk.setLevel(previous);
        }
        assertThat(String.join("\n", logged)).doesNotContain(provider.secrets());
    }

    private static MockResponse throttle409() {
        return new MockResponse.Builder()
                .code(409)
                .setHeader("Retry-After", "1")
                .body("You must wait before accessing this url again.")
                .build();
    }

    private static MockResponse delayed(MockResponse response) {
        return new MockResponse.Builder(response)
                .headersDelay(2, TimeUnit.SECONDS)
                .build();
    }

    /** Adds an unknown field of 5,000 characters to a JSON object body. */
    private static String padded(String body) {
        return "{\"padding\":\"" + "x".repeat(5000) + "\"," + body.substring(1);
    }

    private static MockResponse gzip(String body) {
        Buffer buffer = new Buffer();
        try (var sink = Okio.buffer(new GzipSink(buffer))) {
            sink.writeUtf8(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .setHeader("Content-Encoding", "gzip")
                .body(buffer)
                .build();
    }
}
