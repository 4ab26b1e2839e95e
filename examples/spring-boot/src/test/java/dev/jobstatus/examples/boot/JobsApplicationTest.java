package dev.jobstatus.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.WixSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application on a random port against the three simulators: it lists and waits on jobs through the
 * starter's clients, {@code /actuator/health} shows {@code jobstatus} with each provider, {@code /actuator/metrics}
 * lists the clients' observations, and {@code /actuator/configprops} (with {@code show-values=always}) masks every
 * secret. The same test runs under Spring Boot 3.5 ({@code examples/spring-boot}) and 4.0
 * ({@code examples/spring-boot-4}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobsApplicationTest {
    private static final NexudusSimulator NEXUDUS =
            NexudusSimulator.start().withoutRateLimits().seed(50).addJob(7, "Queued", "Running", "Completed");
    private static final WixSimulator WIX =
            WixSimulator.start().withoutRateLimits().addJob("w-1", 10L, 2);
    private static final AsanaSimulator ASANA =
            AsanaSimulator.start().withoutRateLimits().addJob("1201", "in_progress", "succeeded");
    private static final List<String> SECRETS =
            List.of(NexudusSimulator.PASSWORD, WixSimulator.API_KEY, AsanaSimulator.TOKEN);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void simulators(DynamicPropertyRegistry properties) {
        properties.add("jobstatus.nexudus.base-url", () -> NEXUDUS.baseUrl().toString());
        properties.add("jobstatus.nexudus.username", () -> NexudusSimulator.USERNAME);
        properties.add("jobstatus.nexudus.password", () -> NexudusSimulator.PASSWORD);
        properties.add("jobstatus.wix.base-url", () -> WIX.baseUrl().toString());
        properties.add("jobstatus.wix.api-key", () -> WixSimulator.API_KEY);
        properties.add("jobstatus.wix.site-id", () -> WixSimulator.SITE_ID);
        properties.add("jobstatus.asana.base-url", () -> ASANA.baseUrl().toString());
        properties.add("jobstatus.asana.bearer-token", () -> AsanaSimulator.TOKEN);
        for (String provider : List.of("nexudus", "wix", "asana")) {
            properties.add("jobstatus." + provider + ".poll.initial-interval", () -> "20ms");
            properties.add("jobstatus." + provider + ".poll.multiplier", () -> "1");
        }
    }

    @AfterAll
    static void stop() {
        NEXUDUS.close();
        WIX.close();
        ASANA.close();
    }

    @Test
    void listsAndWaitsOnJobsThenShowsHealthMetricsAndMaskedSecrets() throws Exception {
        assertThat(health().path("components")
                        .path("jobstatus")
                        .path("components")
                        .path("nexudus")
                        .path("status")
                        .asText())
                .isEqualTo("UNKNOWN");

        assertThat(Long.parseLong(get("/jobs/nexudus/failed"))).isEqualTo(10);
        assertThat(get("/jobs/nexudus/7")).isEqualTo("SUCCEEDED");
        assertThat(get("/jobs/wix/w-1")).isEqualTo("SUCCEEDED");
        assertThat(get("/jobs/asana/1201")).isEqualTo("SUCCEEDED");

        JsonNode jobstatus = health().path("components").path("jobstatus");
        assertThat(jobstatus.path("status").asText()).isEqualTo("UP");
        for (String provider : List.of("nexudus", "wix", "asana")) {
            JsonNode one = jobstatus.path("components").path(provider);
            assertThat(one.path("status").asText()).as(provider).isEqualTo("UP");
            assertThat(one.path("details").path("lastCall").asText())
                    .as(provider)
                    .isEqualTo("succeeded");
        }

        List<String> names = new ArrayList<>();
        json.readTree(get("/actuator/metrics")).path("names").forEach(name -> names.add(name.asText()));
        assertThat(names).contains("jobstatus.client.operations", "jobstatus.client.requests");
        JsonNode waits =
                json.readTree(get("/actuator/metrics/jobstatus.client.operations?tag=jobstatus.operation:wait"));
        assertThat(waits.path("measurements").get(0).path("value").asDouble()).isEqualTo(3.0);
        assertThat(waits.path("availableTags").toString())
                .contains("jobstatus.provider", "jobstatus.outcome")
                .doesNotContain("jobstatus.job.id");

        String configprops = get("/actuator/configprops/jobstatus");
        assertThat(configprops)
                .contains(NexudusSimulator.USERNAME, WixSimulator.SITE_ID, "******")
                .doesNotContain(SECRETS);
    }

    private JsonNode health() throws IOException, InterruptedException {
        HttpResponse<String> response = send("/actuator/health");
        return json.readTree(response.body());
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
