package dev.jobstatus.nexudus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.NexudusSimulator.TokenRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NexudusAuthTest {
    private final ManualTimeSource time = new ManualTimeSource();
    private NexudusSimulator simulator;
    private MockWebServer server;

    @BeforeEach
    void start() {
        simulator = NexudusSimulator.start().seed(3).withoutRateLimits();
        server = simulator.server();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private NexudusClient.Builder builder() {
        return NexudusClient.builder()
                .baseUrl(simulator.baseUrl())
                .timeSource(time)
                .rateLimiter(RateLimiter.unlimited());
    }

    private NexudusClient passwordClient() {
        return builder()
                .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .clientId("cid-7")
                .build();
    }

    @Test
    void passwordGrantPostsAFormAndTheTokenIsReused() throws Exception {
        try (NexudusClient client = builder()
                .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .totp("123456")
                .clientId("cid-7")
                .build()) {
            client.backgroundJobs().get(1);
            client.backgroundJobs().get(2);
        }

        RecordedRequest token = server.takeRequest();
        assertThat(token.getRequestLine()).isEqualTo("POST /api/token HTTP/1.1");
        assertThat(token.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(token.getHeaders().get("Authorization")).isNull();
        assertThat(token.getBody().utf8())
                .isEqualTo("grant_type=password&username=admin%40example.com&password=correct+horse&totp=123456");
        assertThat(token.getHeaders().get("client_id")).isEqualTo("cid-7");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void tokenIsRefreshedWithItsRefreshTokenShortlyBeforeExpiry() throws Exception {
        try (NexudusClient client = passwordClient()) {
            client.backgroundJobs().get(1);
            time.advance(Duration.ofDays(7).minusSeconds(30)); // inside the one-minute margin
            client.backgroundJobs().get(1);
        }

        assertThat(simulator.tokenRequests())
                .containsExactly(
                        new TokenRequest(
                                Map.of(
                                        "grant_type",
                                        "password",
                                        "username",
                                        NexudusSimulator.USERNAME,
                                        "password",
                                        NexudusSimulator.PASSWORD),
                                "cid-7"),
                        new TokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", "refresh-1"), "cid-7"));
        server.takeRequest();
        server.takeRequest();
        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer access-2");
    }

    @Test
    void a401IsAnsweredByOneRefreshAndTheRequestIsRepeated() {
        try (NexudusClient client = passwordClient()) {
            client.backgroundJobs().get(1);
            simulator.revokeAccessTokens();

            assertThat(client.backgroundJobs().get(2).id()).isEqualTo(2);
        }

        assertThat(simulator.tokenRequests())
                .extracting(TokenRequest::grantType)
                .containsExactly("password", "refresh_token");
    }

    @Test
    void aRefusedRefreshFallsBackToThePasswordGrantOnce() {
        try (NexudusClient client = passwordClient()) {
            client.backgroundJobs().get(1);
            simulator.revokeAccessTokens();
            simulator.revokeRefreshTokens();

            assertThat(client.backgroundJobs().get(3).id()).isEqualTo(3);
        }

        assertThat(simulator.tokenRequests())
                .extracting(TokenRequest::grantType)
                .containsExactly("password", "refresh_token", "password");
    }

    @Test
    void aWrongPasswordIsAnAuthenticationExceptionThatNamesTheErrorButNotThePassword() {
        try (NexudusClient client = builder()
                .passwordGrant(NexudusSimulator.USERNAME, "wrong-pass-word")
                .build()) {
            // The token endpoint says 400 invalid_grant; code that catches AuthenticationException for bad
            // credentials must see it.
            AuthenticationException e = catchThrowableOfType(
                    AuthenticationException.class, () -> client.backgroundJobs().get(1));

            assertThat(e.errorCode()).isEqualTo("invalid_grant");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.getMessage())
                    .contains("nexudus", "400 for POST /api/token", "incorrect")
                    .doesNotContain("wrong-pass-word");
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void basicAuthIsAccepted() throws Exception {
        try (NexudusClient client = builder()
                .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .build()) {
            assertThat(client.backgroundJobs().get(1).id()).isEqualTo(1);
        }
        assertThat(server.takeRequest().getHeaders().get("Authorization")).startsWith("Basic ");
    }

    @Test
    void aBearerTokenIsSentAsGiven() throws Exception {
        try (NexudusClient client = builder().bearerToken("given-token").build()) {
            assertThatThrownBy(() -> client.backgroundJobs().get(1))
                    .isInstanceOf(dev.jobstatus.core.exception.AuthenticationException.class)
                    .hasMessageContaining("Authorization has been denied");
        }
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer given-token");
    }

    @Test
    void buildRefusesNoCredentialsAndTwoKinds() {
        assertThatThrownBy(() -> NexudusClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Credentials required");
        assertThatThrownBy(() -> NexudusClient.builder()
                        .bearerToken("a")
                        .basicAuth("b", "c")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Choose one");
        assertThatThrownBy(() -> NexudusClient.builder()
                        .baseUrl("http://nexudus.example.com")
                        .bearerToken("a")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("https");
    }

    @Test
    void noSecretAppearsInToString() {
        try (NexudusClient client = passwordClient()) {
            client.backgroundJobs().get(1);
            assertThat(List.of(client.toString(), client.backgroundJobs().toString()))
                    .allSatisfy(s -> assertThat(s).doesNotContain(NexudusSimulator.PASSWORD, "access-1", "refresh-1"));
        }
    }

    @Test
    void theTokenEndpointsAnswerAndThePasswordAreNeverQuoted() {
        try (MockWebServer raw = new MockWebServer()) {
            raw.start();
            raw.enqueue(dev.jobstatus.testkit.Responses.json(
                    400,
                    "{\"error\":\"invalid_grant\",\"error_description\":\"wrong password pw-s3cret-9 for admin\"}"));
            raw.enqueue(new MockResponse.Builder()
                    .code(200)
                    .setHeader("Content-Type", "application/x-www-form-urlencoded")
                    .body("access_token=at-s3cret-1&refresh_token=rt-s3cret-1&expires_in=3600")
                    .build());
            try (NexudusClient client = NexudusClient.builder()
                    .baseUrl(raw.url("/"))
                    .timeSource(time)
                    .rateLimiter(RateLimiter.unlimited())
                    .passwordGrant("admin@example.com", "pw-s3cret-9")
                    .build()) {
                AuthenticationException refused = catchThrowableOfType(
                        AuthenticationException.class,
                        () -> client.backgroundJobs().get(1));
                MalformedResponseException malformed = catchThrowableOfType(
                        MalformedResponseException.class,
                        () -> client.backgroundJobs().get(1));

                assertThat(refused.getMessage())
                        .contains("POST /api/token", "wrong password *** for admin")
                        .doesNotContain("pw-s3cret-9");
                assertThat(malformed.getMessage())
                        .contains("nexudus", "200", "POST /api/token")
                        .doesNotContain("at-s3cret-1", "rt-s3cret-1");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
