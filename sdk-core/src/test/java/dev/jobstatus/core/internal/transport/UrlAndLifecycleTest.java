package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.core.internal.transport.TestTransports.THING;
import static dev.jobstatus.core.internal.transport.TestTransports.getThing;
import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.core.internal.text.Urls;
import dev.jobstatus.core.time.ManualTimeSource;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlAndLifecycleTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ManualTimeSource time = new ManualTimeSource();

    @ParameterizedTest(name = "id {0} is sent as {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "../admin      | ..%2Fadmin",
                "a?b=c         | a%3Fb=c",
                "x#y           | x%23y",
                "%2F           | %252F",
                "/             | %2F",
                "'a b'         | a%20b",
                "..%2F..       | ..%252F..",
                "\\etc         | %5Cetc",
                "é✓            | %C3%A9%E2%9C%93",
            })
    void hostileIdStaysOneEncodedPathSegment(String id, String encoded) throws Exception {
        HttpTransport transport = TestTransports.builder(server, time).build();
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        transport.execute(
                ApiRequest.get()
                        .path("things")
                        .pathParam("id", id)
                        .query("view", "full")
                        .build(),
                THING);

        var request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /v1/things/" + encoded + "?view=full HTTP/1.1");
        assertThat(request.getUrl().pathSegments()).containsExactly("v1", "things", id);
        assertThat(request.getUrl().queryParameterNames()).containsExactly("view");
    }

    @Test
    void controlCharactersInIdAreEncoded() throws Exception {
        HttpTransport transport = TestTransports.builder(server, time).build();
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        transport.execute(getThing("a\r\nX-Injected: 1"), THING);

        var request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /v1/things/a%0D%0AX-Injected:%201 HTTP/1.1");
        assertThat(request.getHeaders().get("X-Injected")).isNull();
    }

    @Test
    void queryValuesAreEncodedSoTheyCannotSplitOrEndAParameter() throws Exception {
        HttpTransport transport = TestTransports.builder(server, time).build();
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        transport.execute(
                ApiRequest.get()
                        .path("things")
                        .query("q", "a&b=c+d #e%f é")
                        .query("at", "2025-01-01T00:00")
                        .query("who", "ann@example.com")
                        .query("k y", "/x?")
                        .build(),
                THING);

        var request = server.takeRequest();
        assertThat(request.getTarget())
                .isEqualTo(
                        "/v1/things?q=a%26b%3Dc%2Bd%20%23e%25f%20%C3%A9&at=2025-01-01T00:00&who=ann@example.com&k%20y=/x%3F");
        assertThat(request.getUrl().queryParameter("q")).isEqualTo("a&b=c+d #e%f é");
        assertThat(request.getUrl().queryParameter("k y")).isEqualTo("/x?");
    }

    @ParameterizedTest(name = "id [{0}] is refused before any request")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", ".", ".."})
    void unusableIdIsRefusedBeforeAnyRequest(String id) {
        assertThatThrownBy(() -> getThing(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"http://api.example.com", "http://10.0.0.1:8080", "http://localhost.example.com"})
    void plainHttpToARemoteHostIsRefused(String url) {
        assertThatThrownBy(() ->
                        HttpTransport.builder("acme").baseUrl(HttpUrl.get(url)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must use https");
    }

    @ParameterizedTest(name = "{0} is allowed")
    @ValueSource(
            strings = {
                "https://api.example.com",
                "http://localhost:1234",
                "http://127.0.0.1",
                "http://127.8.9.10",
                "http://[::1]:99"
            })
    void httpsAndLoopbackAreAllowed(String url) {
        assertThat(HttpTransport.builder("acme")
                        .baseUrl(HttpUrl.get(url))
                        .build()
                        .baseUrl())
                .isEqualTo(HttpUrl.get(url));
    }

    @Test
    void plainHttpToARemoteHostIsAllowedWhenExplicitlyAsked() {
        HttpUrl url = HttpUrl.get("http://api.example.com");
        assertThat(HttpTransport.builder("acme")
                        .baseUrl(url)
                        .allowInsecureHttp(true)
                        .build()
                        .baseUrl())
                .isEqualTo(url);
    }

    @Test
    void redirectsFromHttpsToHttpAreNotFollowed() {
        OkHttpClient owned = TestTransports.builder(server, time).build().httpClient();
        OkHttpClient derived = TestTransports.builder(server, time)
                .httpClient(new OkHttpClient())
                .build()
                .httpClient();

        assertThat(owned.followSslRedirects()).isFalse();
        assertThat(derived.followSslRedirects()).isFalse();
        assertThat(owned.retryOnConnectionFailure()).isFalse();
    }

    @Test
    void aPlainHttpClientIsBuiltWithoutTlsAndAnHttpsClientWithIt() throws Exception {
        HttpTransport plain = TestTransports.builder(server, time).build();
        HttpTransport secure = HttpTransport.builder("acme")
                .baseUrl(HttpUrl.get("https://api.example.com"))
                .build();
        HttpTransport callers = TestTransports.builder(server, time)
                .httpClient(new OkHttpClient())
                .build();
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        assertThat(plain.execute(getThing("1"), THING)).isNotNull();
        assertThat(plain.httpClient().connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
        assertThat(secure.httpClient().connectionSpecs()).contains(ConnectionSpec.MODERN_TLS);
        assertThat(callers.httpClient().connectionSpecs()).isEqualTo(new OkHttpClient().connectionSpecs());
    }

    @Test
    void missingBaseUrlIsRefused() {
        assertThatThrownBy(() -> HttpTransport.builder("acme").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Base URL required.");
        assertThatThrownBy(() -> Urls.parse("ftp://x")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "htps://me:pass-SECRET@host/              | htps://***@host/",
                "https://me:pa/ss-SECRET@host/            | https://***@host/",
                "me:pass-SECRET@host                      | ***@host",
                "https://me:p@ss-SECRET@host:99999/       | https://***@host:99999/",
                "https://host:x/?api_key=SECRET&page=2    | https://host:x/?api_key=***&page=2",
                "'https://host:x/\\nforged'              | https://host:x/\\nforged",
            })
    void aBaseUrlThatFailsToParseIsQuotedWithoutItsUserInfoOrSecretQueryValues(String url, String shown) {
        String text = url.replace("\\n", "\n");

        assertThatThrownBy(() -> Urls.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an http or https URL: " + shown)
                .message()
                .doesNotContain("SECRET");
    }

    @Test
    void aBaseUrlWithUserInfoNeverShowsItsPassword() {
        HttpUrl url = HttpUrl.get("https://me:pass-SECRET@api.example.com/v1/?token=SECRET&who=ann@example.com");
        HttpTransport transport = HttpTransport.builder("acme").baseUrl(url).build();

        assertThat(transport.toString())
                .doesNotContain("SECRET", "me:")
                .contains("https://***@api.example.com/v1/?token=***&who=ann@example.com");
        assertThat(Urls.redacted(HttpUrl.get("https://api.example.com/?who=ann@example.com")))
                .isEqualTo("https://api.example.com/?who=ann@example.com");
    }

    @Test
    void defaultTimeoutsAreSetAndEachIsSettable() {
        OkHttpClient defaults = TestTransports.builder(server, time).build().httpClient();
        assertThat(defaults.connectTimeoutMillis()).isEqualTo(10_000);
        assertThat(defaults.readTimeoutMillis()).isEqualTo(30_000);
        assertThat(defaults.writeTimeoutMillis()).isEqualTo(30_000);
        assertThat(defaults.callTimeoutMillis()).isEqualTo(60_000);

        OkHttpClient custom = TestTransports.builder(server, time)
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2))
                .writeTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(4))
                .build()
                .httpClient();
        assertThat(custom.connectTimeoutMillis()).isEqualTo(1_000);
        assertThat(custom.readTimeoutMillis()).isEqualTo(2_000);
        assertThat(custom.writeTimeoutMillis()).isEqualTo(3_000);
        assertThat(custom.callTimeoutMillis()).isEqualTo(4_000);

        OkHttpClient unbounded = TestTransports.builder(server, time)
                .callTimeout(Duration.ZERO)
                .build()
                .httpClient();
        assertThat(unbounded.callTimeoutMillis()).isZero();
        assertThat(unbounded.readTimeoutMillis()).isEqualTo(30_000);
        assertThatThrownBy(() -> TestTransports.builder(server, time).callTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callersClientKeepsItsSettingsAndIsNeverShutDown() {
        OkHttpClient callers =
                new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(7)).build();
        HttpTransport transport =
                TestTransports.builder(server, time).httpClient(callers).build();
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        transport.execute(getThing("1"), THING);
        transport.close();

        assertThat(transport.httpClient().readTimeoutMillis()).isEqualTo(7_000);
        assertThat(transport.httpClient().dispatcher()).isSameAs(callers.dispatcher());
        assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();
    }

    @Test
    void aBodyAnInterceptorBuiltFromBytesIsConsumedOnceMapped() {
        // OkHttp's own bodies give their bytes back to Okio's pool when closed; one built from a buffer (a cache, a
        // fake) does not, and a body the SDK only read would leave its buffer full and its segments to the collector.
        Buffer body = new Buffer().writeUtf8("{\"id\":\"7\"}");
        OkHttpClient answering = new OkHttpClient.Builder()
                .addInterceptor(chain -> new Response.Builder()
                        .request(chain.request())
                        .protocol(Protocol.HTTP_1_1)
                        .code(200)
                        .message("OK")
                        .header("Content-Type", "application/json")
                        .body(ResponseBody.create(body, MediaType.get("application/json"), body.size()))
                        .build())
                .build();
        HttpTransport transport =
                TestTransports.builder(server, time).httpClient(answering).build();

        assertThat(transport.execute(getThing("7"), THING).value().id()).isEqualTo("7");
        assertThat(body.size()).isZero();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void closeReleasesOwnedClientIsIdempotentAndRefusesLaterCalls() {
        HttpTransport transport = TestTransports.builder(server, time).build();
        server.enqueue(json(200, "{\"id\":\"1\"}"));
        transport.execute(getThing("1"), THING);

        transport.close();
        transport.close();

        assertThat(transport.httpClient().dispatcher().executorService().isShutdown())
                .isTrue();
        assertThat(transport.httpClient().connectionPool().connectionCount()).isZero();
        assertThatThrownBy(() -> transport.execute(getThing("1"), THING))
                .isInstanceOf(dev.jobstatus.core.exception.ClientClosedException.class)
                .hasMessage("the acme client is closed");
    }
}
