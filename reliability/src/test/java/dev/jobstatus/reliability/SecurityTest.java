package dev.jobstatus.reliability;

import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.NoDelayServerSockets;
import dev.jobstatus.wix.WixClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityTest {
    @StartStop
    final MockWebServer server = NoDelayServerSockets.apply(new MockWebServer());

    @StartStop
    final MockWebServer elsewhere = NoDelayServerSockets.apply(new MockWebServer());

    private MockResponse redirectElsewhere() {
        return new MockResponse.Builder()
                .code(302)
                .setHeader("Location", elsewhere.url("/stolen"))
                .build();
    }

    @Test
    void noCredentialOfAnyProviderFollowsARedirectToAnotherHost() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(redirectElsewhere());
        }
        elsewhere.enqueue(json(200, "{\"Id\":1}"));
        elsewhere.enqueue(json(200, "{\"job\":{\"id\":\"1\"}}"));
        elsewhere.enqueue(json(200, "{\"data\":{\"gid\":\"1\"}}"));

        try (NexudusClient nexudus = NexudusClient.builder()
                        .baseUrl(server.url("/"))
                        .bearerToken("nexudus-SECRET")
                        .build();
                WixClient wix = WixClient.builder()
                        .baseUrl(server.url("/"))
                        .apiKey("wix-SECRET")
                        .siteId("site-9")
                        .build();
                AsanaClient asana = AsanaClient.builder()
                        .baseUrl(server.url("/"))
                        .bearerToken("asana-SECRET")
                        .build()) {
            nexudus.backgroundJobs().get(1);
            wix.asyncJobs().get("1");
            asana.jobs().get("1");
        }

        for (int i = 0; i < 3; i++) {
            assertThat(server.takeRequest().getHeaders().get("Authorization")).contains("SECRET");
            RecordedRequest redirected = elsewhere.takeRequest();
            assertThat(redirected.getHeaders().get("Authorization")).isNull();
            assertThat(redirected.getHeaders().get("wix-site-id")).isNull();
            assertThat(redirected.getHeaders().get("wix-account-id")).isNull();
        }
    }

    @ParameterizedTest(name = "id [{0}] travels as {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "a/b           | a%2Fb",
                "../admin      | ..%2Fadmin",
                "x?y=1         | x%3Fy=1",
                "x#frag        | x%23frag",
                "100%          | 100%25",
                "'two words'   | two%20words",
                "é ✓ 漢        | %C3%A9%20%E2%9C%93%20%E6%BC%A2",
            })
    void hostileIdsAreOneEncodedSegmentForWixAndAsana(String id, String encoded) throws Exception {
        server.enqueue(json(200, "{\"job\":{\"id\":\"1\"}}"));
        server.enqueue(json(200, "{\"data\":{\"gid\":\"1\"}}"));
        try (WixClient wix = WixClient.builder()
                        .baseUrl(server.url("/"))
                        .accessToken("t")
                        .build();
                AsanaClient asana = AsanaClient.builder()
                        .baseUrl(server.url("/api/1.0"))
                        .bearerToken("t")
                        .build()) {
            wix.asyncJobs().get(id);
            asana.jobs().get(id);
        }

        assertThat(server.takeRequest().getRequestLine())
                .isEqualTo("GET /async-jobs/v1/async-jobs/" + encoded + " HTTP/1.1");
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /api/1.0/jobs/" + encoded + " HTTP/1.1");
    }

    @Test
    void lineBreaksInIdsCannotInjectHeadersAndDotSegmentsAreRefused() throws Exception {
        server.enqueue(json(200, "{\"data\":{\"gid\":\"1\"}}"));
        try (AsanaClient asana = AsanaClient.builder()
                .baseUrl(server.url("/api/1.0"))
                .bearerToken("t")
                .build()) {
            asana.jobs().get("1\r\nX-Evil: yes");
            assertThatThrownBy(() -> asana.jobs().get("..")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> asana.jobs().get(" ")).isInstanceOf(IllegalArgumentException.class);
        }

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /api/1.0/jobs/1%0D%0AX-Evil:%20yes HTTP/1.1");
        assertThat(request.getHeaders().get("X-Evil")).isNull();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void plainHttpToARemoteHostIsRefusedForEveryProvider() {
        assertThatThrownBy(() -> NexudusClient.builder()
                        .baseUrl("http://spaces.nexudus.com")
                        .bearerToken("t")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> WixClient.builder()
                        .baseUrl("http://www.wixapis.com")
                        .accessToken("t")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> AsanaClient.builder()
                        .baseUrl("http://app.asana.com/api/1.0")
                        .bearerToken("t")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must use https");
    }
}
