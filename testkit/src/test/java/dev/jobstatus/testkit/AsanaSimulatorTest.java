package dev.jobstatus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobstatus.testkit.PlainHttp.Answer;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Asana simulator follows provider-facts.md where our first reading did not: opt_fields is the exact set of
 * fields returned, and OAuth access tokens are minted by the refresh grant and expire.
 */
class AsanaSimulatorTest {
    private static final String AUTH = "Bearer " + AsanaSimulator.TOKEN;
    private final PlainHttp plain = new PlainHttp();
    private final AsanaSimulator asana =
            plain.track(AsanaSimulator.start().withoutRateLimits().addJob("5", "in_progress"));

    @AfterEach
    void close() throws Exception {
        plain.close();
    }

    private JsonNode job(String query) throws Exception {
        return plain.get(asana.baseUrl() + "/jobs/5" + query, AUTH).body().get("data");
    }

    @Test
    void optFieldsIsTheExactSetReturnedBesidesGid() throws Exception {
        JsonNode all = job("");
        JsonNode picked = job("?opt_fields=new_project.name");
        JsonNode nested = job("?opt_fields=status,new_task.created_by,new_project");

        assertThat(all.get("status").asText()).isEqualTo("in_progress");
        assertThat(all.get("new_task").get("created_by").get("resource_type").asText())
                .isEqualTo("user");
        assertThat(fieldNames(picked)).containsExactly("gid", "new_project");
        assertThat(fieldNames(picked.get("new_project"))).containsExactly("gid", "name");
        assertThat(fieldNames(nested)).containsExactly("gid", "status", "new_task", "new_project");
        assertThat(fieldNames(nested.get("new_task"))).containsExactly("gid", "created_by");
        assertThat(fieldNames(nested.get("new_project"))).containsExactly("gid");
    }

    @Test
    void theRefreshGrantMintsExpiringTokens() throws Exception {
        Answer refused = plain.call(new Request.Builder()
                .url(asana.baseUrl().resolve("/-/oauth_token"))
                .post(new FormBody.Builder()
                        .add("grant_type", "refresh_token")
                        .add("client_id", AsanaSimulator.CLIENT_ID)
                        .add("client_secret", "wrong")
                        .add("refresh_token", AsanaSimulator.REFRESH_TOKEN)
                        .build())
                .build());
        Answer granted = plain.call(new Request.Builder()
                .url(asana.baseUrl().resolve("/-/oauth_token"))
                .post(new FormBody.Builder()
                        .add("grant_type", "refresh_token")
                        .add("client_id", AsanaSimulator.CLIENT_ID)
                        .add("client_secret", AsanaSimulator.CLIENT_SECRET)
                        .add("refresh_token", AsanaSimulator.REFRESH_TOKEN)
                        .build())
                .build());
        String token = "Bearer " + granted.body().get("access_token").asText();

        int before = plain.get(asana.baseUrl() + "/jobs/5", token).status();
        asana.revokeAccessTokens();
        int after = plain.get(asana.baseUrl() + "/jobs/5", token).status();

        assertThat(refused.body().get("error").asText()).isEqualTo("invalid_client");
        assertThat(granted.body().get("expires_in").asLong()).isEqualTo(3600);
        assertThat(before).isEqualTo(200);
        assertThat(after).isEqualTo(401);
        assertThat(plain.get(asana.baseUrl() + "/jobs/5", AUTH).status())
                .as("a personal token does not expire")
                .isEqualTo(200);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
