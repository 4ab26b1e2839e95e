package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.core.internal.transport.TestTransports.THING;
import static dev.jobstatus.core.internal.transport.TestTransports.getThing;
import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.time.ManualTimeSource;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 503's {@code Retry-After} is held under another name (so OkHttp does not retry on its own) whatever characters the
 * server put in it: OkHttp reads response headers leniently but checks the values of headers it is given, and held
 * as it was, a non-ASCII or control character threw its {@link IllegalArgumentException} out of the call (found by
 * the reliability module's body properties).
 */
class HeldRetryAfterInterceptorTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ManualTimeSource time = new ManualTimeSource();

    @ParameterizedTest(name = "Retry-After [{0}] waits {1} ms")
    @CsvSource(
            delimiter = '|',
            value = {
                "٣                | 3000",
                "soon\u001b[2J    | 500",
                "é                | 500",
            })
    void aRetryAfterOfAnyCharactersIsHeldAndRead(String retryAfter, long waitMillis) {
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .addHeaderLenient("Retry-After", retryAfter)
                .build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        var response = TestTransports.builder(server, time).build().execute(getThing("1"), THING);

        assertThat(response.value().id()).isEqualTo("1");
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(waitMillis));
    }
}
