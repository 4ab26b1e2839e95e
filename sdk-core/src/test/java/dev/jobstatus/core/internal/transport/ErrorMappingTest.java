package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.core.internal.transport.TestTransports.THING;
import static dev.jobstatus.core.internal.transport.TestTransports.getThing;
import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.exception.BadRequestException;
import dev.jobstatus.core.exception.ConflictException;
import dev.jobstatus.core.exception.ErrorDetail;
import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.exception.NotFoundException;
import dev.jobstatus.core.exception.PermissionDeniedException;
import dev.jobstatus.core.exception.RateLimitException;
import dev.jobstatus.core.exception.ServerException;
import dev.jobstatus.core.exception.UnexpectedStatusException;
import dev.jobstatus.core.internal.errors.DecodedError;
import dev.jobstatus.core.internal.errors.ErrorDecoder;
import dev.jobstatus.core.internal.text.Text;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ManualTimeSource time = new ManualTimeSource();

    private HttpTransport transport() {
        return TestTransports.builder(server, time)
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
        "400, BadRequestException",
        "422, BadRequestException",
        "401, AuthenticationException",
        "403, PermissionDeniedException",
        "404, NotFoundException",
        "409, ConflictException",
        "429, RateLimitException",
        "500, ServerException",
        "502, ServerException",
        "503, ServerException",
        "504, ServerException",
        "501, ServerException",
        "418, UnexpectedStatusException",
        "302, UnexpectedStatusException",
    })
    void eachStatusMapsToItsException(int status, String exceptionName) {
        server.enqueue(new MockResponse.Builder()
                .code(status)
                .setHeader("X-Request-Id", "req-" + status)
                .body("{\"message\":\"nope " + status + "\"}")
                .build());

        ApiException e =
                catchThrowableOfType(ApiException.class, () -> transport().execute(getThing("7"), THING));

        assertThat(e.getClass().getSimpleName()).isEqualTo(exceptionName);
        assertThat(e.provider()).isEqualTo("acme");
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.requestId()).isEqualTo("req-" + status);
        assertThat(e.errorMessage()).contains("nope " + status);
        assertThat(e.getMessage()).contains("acme", String.valueOf(status), "req-" + status, "nope " + status);
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void exceptionTypesFormOneTree() {
        assertThat(List.of(
                        BadRequestException.class,
                        AuthenticationException.class,
                        PermissionDeniedException.class,
                        NotFoundException.class,
                        ConflictException.class,
                        RateLimitException.class,
                        ServerException.class,
                        UnexpectedStatusException.class))
                .allMatch(ApiException.class::isAssignableFrom);
    }

    @Test
    void providerDecoderReadsItsEnvelopeAndGenericFallbackReadsTheRest() {
        ErrorDecoder decoder = (status, body) -> body.contains("\"errors\"")
                ? new DecodedError(
                        "E42", "field is bad", List.of(new ErrorDetail("name", "required", Map.of("help", "see docs"))))
                : null;
        HttpTransport transport = TestTransports.builder(server, time)
                .retryPolicy(RetryPolicy.none())
                .errorDecoder(decoder)
                .build();
        server.enqueue(json(400, "{\"errors\":[{}]}"));
        server.enqueue(
                new MockResponse.Builder().code(404).body("\"Not found\"").build());
        server.enqueue(new MockResponse.Builder()
                .code(500)
                .body("Internal failure\nstack trace here")
                .build());
        server.enqueue(new MockResponse.Builder().code(503).build());

        BadRequestException bad =
                catchThrowableOfType(BadRequestException.class, () -> transport.execute(getThing("1"), THING));
        assertThat(bad.errorCode()).isEqualTo("E42");
        assertThat(bad.details()).containsExactly(new ErrorDetail("name", "required", Map.of("help", "see docs")));
        assertThat(bad.getMessage()).contains("[E42]", "field is bad", "name: required");

        NotFoundException missing =
                catchThrowableOfType(NotFoundException.class, () -> transport.execute(getThing("2"), THING));
        assertThat(missing.errorMessage()).contains("Not found");

        ServerException plain =
                catchThrowableOfType(ServerException.class, () -> transport.execute(getThing("3"), THING));
        assertThat(plain.errorMessage()).contains("Internal failure");
        assertThat(plain.bodyExcerpt()).isEqualTo("Internal failure\\nstack trace here");

        ServerException empty =
                catchThrowableOfType(ServerException.class, () -> transport.execute(getThing("4"), THING));
        assertThat(empty.errorMessage()).isNull();
        assertThat(empty.requestId()).isNull();
        assertThat(empty.getMessage())
                .contains("HTTP 503 for GET /v1/things/4 (attempts 1)")
                .doesNotContain("request id");
    }

    @Test
    void bodyExcerptIsCappedAndHeaderValuesAreEscaped() {
        server.enqueue(new MockResponse.Builder()
                .code(500)
                .addHeaderLenient("X-Request-Id", "abc\u001b[31mred")
                .body("x".repeat(50_000))
                .build());

        ServerException e =
                catchThrowableOfType(ServerException.class, () -> transport().execute(getThing("1"), THING));

        assertThat(e.bodyExcerpt()).hasSizeLessThanOrEqualTo(Text.EXCERPT_CHARS + 1);
        assertThat(e.requestId()).isEqualTo("abc\\u001b[31mred");
        assertThat(e.getMessage()).doesNotContain("\u001b");
    }

    @Test
    void successfulBodyMapsToValue() {
        server.enqueue(json(200, "{\"id\":\"7\",\"size\":3,\"unknown\":{\"deep\":[1,2]}}"));

        var response = transport().execute(getThing("7"), THING);

        assertThat(response.value()).isEqualTo(new TestTransports.Thing("7", 3));
        assertThat(response.attempts()).isEqualTo(1);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "2xx body {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "html page      | text/html        | <html><body>Gateway error</body></html> | HTML page",
                "truncated json | application/json | {\"id\":\"7\",\"si                       | Unexpected end-of-input",
                "malformed json | application/json | {\"id\" 7}                              | Unexpected character",
                "json null      | application/json | null                                    | JSON null",
                "array          | application/json | [1,2]                                   | Cannot deserialize",
                "wrong scalar   | application/json | {\"id\":\"7\",\"size\":\"big\"}          | Cannot deserialize value of type `java.lang.Integer`",
                "trailing junk  | application/json | {\"id\":\"7\"} garbage                  | Unrecognized token",
            })
    void unmappableBodyIsMalformedResponse(String name, String type, String body, String problem) {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", type)
                .setHeader("X-Request-Id", "r1")
                .body(body)
                .build());

        MalformedResponseException e = catchThrowableOfType(
                MalformedResponseException.class, () -> transport().execute(getThing("7"), THING));

        assertThat(e.getMessage()).contains("acme", "HTTP 200", "Thing JSON", "r1", problem);
        assertThat(e.expected()).isEqualTo("Thing JSON");
        assertThat(e.requestId()).isEqualTo("r1");
        assertThat(e.bodyExcerpt()).isEqualTo(body);
    }

    @Test
    void emptySuccessfulBodyIsMalformedResponse() {
        server.enqueue(new MockResponse.Builder().code(200).build());

        MalformedResponseException e = catchThrowableOfType(
                MalformedResponseException.class, () -> transport().execute(getThing("7"), THING));

        assertThat(e.getMessage()).contains("it is empty");
    }

    @Test
    void bodyOverTheCapIsRefusedWithoutReadingItAll() {
        HttpTransport small =
                TestTransports.builder(server, time).maxResponseBytes(1024).build();
        server.enqueue(json(200, "{\"id\":\"" + "x".repeat(5000) + "\"}"));
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .chunkedBody("{\"id\":\"" + "x".repeat(5000) + "\"}", 100)
                .build());

        assertThat(catchThrowableOfType(MalformedResponseException.class, () -> small.execute(getThing("1"), THING)))
                .hasMessageContaining("larger than the 1024-byte cap");
        assertThat(catchThrowableOfType(MalformedResponseException.class, () -> small.execute(getThing("1"), THING)))
                .hasMessageContaining("larger than the 1024-byte cap");
    }

    @Test
    void gzipEncodedBodyIsDecoded() throws IOException {
        Buffer gzipped = new Buffer();
        try (var sink = Okio.buffer(new GzipSink(gzipped))) {
            sink.writeUtf8("{\"id\":\"z\",\"size\":9}");
        }
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Encoding", "gzip")
                .body(gzipped)
                .build());

        assertThat(transport().execute(getThing("z"), THING).value()).isEqualTo(new TestTransports.Thing("z", 9));
    }

    @Test
    void retryAfterIsCarriedOnTheException() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "7")
                .build());

        RateLimitException e =
                catchThrowableOfType(RateLimitException.class, () -> transport().execute(getThing("1"), THING));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }
}
