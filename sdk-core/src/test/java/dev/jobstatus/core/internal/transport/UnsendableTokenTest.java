package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.core.internal.transport.TestTransports.THING;
import static dev.jobstatus.core.internal.transport.TestTransports.getThing;
import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jobstatus.core.auth.CachingTokenProvider;
import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.internal.auth.TokenEndpoint;
import dev.jobstatus.core.time.ManualTimeSource;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token endpoint that answers an access token no HTTP header can carry (found by the reliability module's body
 * properties): the answer is malformed, a typed exception before any API request, not OkHttp's
 * {@link IllegalArgumentException} from building the request.
 */
class UnsendableTokenTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ManualTimeSource time = new ManualTimeSource();

    @ParameterizedTest(name = "access_token {0}")
    @ValueSource(
            strings = {
                "t\\u00f6ken-SECRET",
                "token-SECRET\\r\\nX-Forged: yes",
                "\\u001b[2Jtoken-SECRET",
                "token-SECRET\\u0000"
            })
    void anAccessTokenNoHeaderCanCarryIsAMalformedAnswer(String token) {
        server.enqueue(json(200, "{\"access_token\":\"" + token + "\",\"expires_in\":3600}"));
        ApiRequest tokenRequest = ApiRequest.post()
                .operation("token", null)
                .path("token")
                .formBody(java.util.Map.of("grant_type", "x"))
                .unauthenticated()
                .credentialExchange(java.util.List.of())
                .build();
        HttpTransport transport = TestTransports.builder(server, time)
                .credentials(t -> CachingTokenProvider.builder(previous -> TokenEndpoint.fetch(t, tokenRequest, null))
                        .timeSource(time)
                        .build())
                .build();

        Throwable thrown = catchThrowable(() -> transport.execute(getThing("1"), THING));

        assertThat(thrown)
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("acme API returned HTTP 200")
                .hasMessageContaining("access_token")
                .hasMessageNotContaining("SECRET");
        assertThat(server.getRequestCount())
                .as("no API request went out with the token")
                .isEqualTo(1);
    }
}
