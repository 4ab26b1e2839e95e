package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jobstatus.core.auth.AccessToken;
import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.exception.JobStatusException;
import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.internal.auth.TokenEndpoint;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.core.time.ManualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A token endpoint's answer holds secrets (access and refresh tokens), and its request carries them (a password, a
 * client secret, a refresh token): no answer is ever quoted in an exception, no request secret is ever echoed into
 * one, and every shape of answer gives a token or a {@link MalformedResponseException} naming the provider, the status
 * and the request.
 */
class TokenEndpointTest {
    private static final String PASSWORD = "hunter2 pass!";
    private static final String CLIENT_SECRET = "cl1ent-s3cret";
    private static final String REFRESH = "old-refresh-tok";
    private static final String ACCESS = "acc3ss-tok-value";
    private static final String NEW_REFRESH = "n3w-refresh-tok";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ManualTimeSource time = new ManualTimeSource();
    private final List<Throwable> heardByListener = new ArrayList<>();

    private HttpTransport transport() {
        return TestTransports.builder(server, time)
                .listener(new ClientListener() {
                    @Override
                    public Operation operationStarted(
                            String provider, String operation, @Nullable String jobId, @Nullable Operation parent) {
                        return new Operation() {
                            @Override
                            public void ended(@Nullable Throwable error) {
                                if (error != null) {
                                    heardByListener.add(error);
                                }
                            }
                        };
                    }
                })
                .build();
    }

    private static ApiRequest tokenRequest() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("username", "ann@example.com");
        form.put("password", PASSWORD);
        form.put("client_secret", CLIENT_SECRET);
        form.put("refresh_token", REFRESH);
        return ApiRequest.post()
                .operation("token", null)
                .path("oauth/token")
                .formBody(form)
                .unauthenticated()
                .credentialExchange(List.of(PASSWORD, CLIENT_SECRET, REFRESH))
                .build();
    }

    private AccessToken fetch() {
        return TokenEndpoint.fetch(transport(), tokenRequest(), REFRESH);
    }

    static Stream<String> malformedAnswers() {
        return Stream.of(
                "{}",
                "{\"access_token\":null}",
                "{\"access_token\":\"\"}",
                "{\"access_token\":\"   \"}",
                "{\"access_token\":42}",
                "{\"access_token\":true}",
                "{\"access_token\":{\"value\":\"" + ACCESS + "\"}}",
                "{\"access_token\":[\"" + ACCESS + "\"]}",
                "{\"token\":\"" + ACCESS + "\",\"refresh_token\":\"" + NEW_REFRESH + "\"}",
                "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":-1}",
                "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":-9223372036854775808}",
                "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":\"soon " + NEW_REFRESH + "\"}",
                "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":\"\\u001b[2J\"}",
                "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":true}",
                "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":{}}",
                "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":[3600]}",
                "{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":17}",
                "{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":{\"t\":\"" + NEW_REFRESH + "\"}}",
                "[\"" + ACCESS + "\"]",
                "\"" + ACCESS + "\"",
                "42",
                "access_token=" + ACCESS + "&refresh_token=" + NEW_REFRESH + "&expires_in=3600",
                ACCESS + "&refresh_token=" + NEW_REFRESH,
                "{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":\"" + NEW_REFRESH + "\"",
                "{\"access_token\":\"" + ACCESS + "\"} {\"refresh_token\":\"" + NEW_REFRESH + "\"}",
                "[".repeat(5000) + ACCESS);
    }

    @ParameterizedTest
    @MethodSource("malformedAnswers")
    void aMalformedAnswerIsAMalformedResponseThatQuotesNothingOfIt(String body) {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build());

        Throwable thrown = catchThrowable(this::fetch);

        assertThat(thrown).isInstanceOf(MalformedResponseException.class);
        MalformedResponseException e = (MalformedResponseException) thrown;
        assertThat(e.provider()).isEqualTo("acme");
        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.getMessage()).contains("acme", "200", "POST /v1/oauth/token");
        assertSecretFree(e);
    }

    @Test
    void aFormEncodedAnswerIsMalformedAndNeverQuoted() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/x-www-form-urlencoded")
                .body("access_token=" + ACCESS + "&refresh_token=" + NEW_REFRESH + "&expires_in=3600")
                .build());

        Throwable thrown = catchThrowable(this::fetch);

        assertThat(thrown).isInstanceOf(MalformedResponseException.class);
        assertSecretFree((JobStatusException) thrown);
    }

    @Test
    void anHtmlAnswerIsMalformedAndNeverQuoted() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/html")
                .body("<html>Signed in with " + PASSWORD + ": " + ACCESS + "</html>")
                .build());

        Throwable thrown = catchThrowable(this::fetch);

        assertThat(thrown).isInstanceOf(MalformedResponseException.class);
        assertThat(thrown.getMessage()).contains("HTML");
        assertSecretFree((JobStatusException) thrown);
    }

    @Test
    void anErrorAnswerIsReportedByItsOAuthCodeAndItsProseRedacted() {
        server.enqueue(json(
                400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"password " + PASSWORD + " or secret "
                        + CLIENT_SECRET + " or refresh token " + REFRESH + " is wrong\"}"));

        Throwable thrown = catchThrowable(this::fetch);

        assertThat(thrown).isInstanceOf(AuthenticationException.class);
        AuthenticationException e = (AuthenticationException) thrown;
        assertThat(e.errorCode()).isEqualTo("invalid_grant");
        assertThat(e.getMessage())
                .contains("acme", "400", "POST /v1/oauth/token", "invalid_grant", "password *** or secret ***");
        assertSecretFree(e);
    }

    @Test
    void anErrorAnswerQuotesNeitherAMessageWithATokenLikeWordNorACodeOutsideOAuths() {
        // A token is longer than any word of prose (ACCESS has 16 characters); the code is not one of OAuth's.
        server.enqueue(json(
                400, "{\"error\":\"" + NEW_REFRESH + "\",\"error_description\":\"your new token is " + ACCESS + "\"}"));

        Throwable thrown = catchThrowable(this::fetch);

        assertThat(thrown).isInstanceOf(ApiException.class);
        assertThat(((ApiException) thrown).errorCode()).isNull();
        assertThat(((ApiException) thrown).errorMessage()).isNull();
        assertSecretFree((JobStatusException) thrown);
    }

    @Test
    void aRedirectOfTheTokenRequestIsNotFollowedSoItsSecretsStayHome() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            elsewhere.enqueue(json(200, "{\"access_token\":\"" + ACCESS + "\"}"));
            for (int code : List.of(307, 308, 302)) {
                server.enqueue(new MockResponse.Builder()
                        .code(code)
                        .setHeader("Location", elsewhere.url("/oauth/token"))
                        .build());

                Throwable thrown = catchThrowable(this::fetch);

                assertThat(thrown).as("HTTP %d", code).isInstanceOf(ApiException.class);
                assertThat(((ApiException) thrown).statusCode()).isEqualTo(code);
                assertThat(thrown.getMessage()).contains("acme", String.valueOf(code), "POST /v1/oauth/token");
            }
            assertThat(elsewhere.getRequestCount())
                    .as("requests that reached the other host")
                    .isZero();
        }
    }

    @Test
    void aTokenEndpointsRequestIdIsNotQuotedEither() {
        String refusal = "{\"error\":\"invalid_grant\",\"error_description\":\"no\"}";
        server.enqueue(new MockResponse.Builder(json(400, refusal))
                .setHeader("X-Request-Id", ACCESS)
                .build());
        server.enqueue(new MockResponse.Builder(json(200, "{\"token\":1}"))
                .setHeader("X-Request-Id", NEW_REFRESH)
                .build());

        Throwable refused = catchThrowable(this::fetch);
        Throwable malformed = catchThrowable(this::fetch);

        assertThat(refused).isInstanceOf(AuthenticationException.class);
        assertThat(((ApiException) refused).requestId()).isNull();
        assertThat(malformed).isInstanceOf(MalformedResponseException.class);
        assertSecretFree((JobStatusException) refused);
        assertSecretFree((JobStatusException) malformed);
    }

    @Test
    void aFormEncodedErrorAnswerIsNeverQuoted() {
        server.enqueue(new MockResponse.Builder()
                .code(401)
                .setHeader("Content-Type", "application/x-www-form-urlencoded")
                .body("error=invalid_client&password=" + "hunter2+pass%21" + "&access_token=" + ACCESS)
                .build());

        Throwable thrown = catchThrowable(this::fetch);

        assertThat(thrown).isInstanceOf(AuthenticationException.class);
        assertThat(thrown.getMessage()).contains("401", "POST /v1/oauth/token").doesNotContain("error=");
        assertSecretFree((JobStatusException) thrown);
    }

    @Test
    void aServerErrorThatEchoesTheFormNamesNoSecret() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(500)
                    .setHeader("Content-Type", "text/plain")
                    .body("bad form: grant_type=password&password=" + "hunter2+pass%21" + "&client_secret="
                            + CLIENT_SECRET + "&refresh_token=" + REFRESH + "&access_token=" + ACCESS)
                    .build());
        }

        Throwable thrown = catchThrowable(this::fetch);

        assertThat(thrown).isInstanceOf(ApiException.class);
        assertThat(thrown.getMessage()).contains("500", "POST /v1/oauth/token").doesNotContain("bad form");
        assertSecretFree((JobStatusException) thrown);
    }

    @Test
    void aHugeExpiresInSaturatesInsteadOfOverflowing() {
        for (String huge :
                List.of("9223372036854775807", "99999999999999999999999999", "1e300", "\"9223372036854775807\"")) {
            server.enqueue(json(200, "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":" + huge + "}"));

            assertThat(fetch()).as(huge).isEqualTo(new AccessToken(ACCESS, Instant.MAX, REFRESH));
        }
    }

    @Test
    void everyWellFormedAnswerShapeGivesItsToken() {
        Instant now = time.now();
        server.enqueue(json(
                200,
                "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":3600,\"refresh_token\":\"" + NEW_REFRESH
                        + "\",\"token_type\":\"bearer\",\"scope\":[\"a\"]}"));
        server.enqueue(json(200, "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":\"3600\"}"));
        server.enqueue(json(200, "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":3600.9,\"refresh_token\":null}"));
        server.enqueue(json(200, "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":null,\"refresh_token\":\"\"}"));
        server.enqueue(json(200, "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":0}"));

        assertThat(fetch()).isEqualTo(new AccessToken(ACCESS, now.plusSeconds(3600), NEW_REFRESH));
        assertThat(fetch()).isEqualTo(new AccessToken(ACCESS, now.plusSeconds(3600), REFRESH));
        assertThat(fetch()).isEqualTo(new AccessToken(ACCESS, now.plusSeconds(3600), REFRESH));
        assertThat(fetch()).isEqualTo(new AccessToken(ACCESS, null, REFRESH));
        assertThat(fetch()).isEqualTo(new AccessToken(ACCESS, now, REFRESH));
        assertThat(time.now()).isEqualTo(now.plus(Duration.ZERO));
    }

    /** Checks the exception, its causes and what the listener heard for any secret and any raw control character. */
    private void assertSecretFree(JobStatusException e) {
        List<Throwable> seen = new ArrayList<>(heardByListener);
        for (Throwable t = e; t != null; t = t.getCause()) {
            seen.add(t);
        }
        for (Throwable t : seen) {
            String text = t.getMessage()
                    + (t instanceof ApiException api
                            ? api.bodyExcerpt() + api.error()
                            : t instanceof MalformedResponseException m ? m.bodyExcerpt() : "");
            assertThat(text)
                    .as(t.getClass().getSimpleName())
                    .doesNotContain(PASSWORD, "hunter2+pass%21", CLIENT_SECRET, REFRESH, ACCESS, NEW_REFRESH)
                    .doesNotContainPattern("\\p{Cntrl}");
        }
    }
}
