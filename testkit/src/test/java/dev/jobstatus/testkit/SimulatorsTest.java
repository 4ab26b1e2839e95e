package dev.jobstatus.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobstatus.testkit.PlainHttp.Answer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulators, checked over real HTTP with a plain OkHttp client. */
class SimulatorsTest {
    private static final String BASIC = PlainHttp.NEXUDUS_BASIC;
    private final PlainHttp plain = new PlainHttp();
    private final OkHttpClient http = plain.http;

    @AfterEach
    void close() throws Exception {
        plain.close();
    }

    private <T extends AutoCloseable> T track(T t) {
        return plain.track(t);
    }

    private Answer get(String url, String auth) throws IOException {
        return plain.get(url, auth);
    }

    private Answer call(Request request) throws IOException {
        return plain.call(request);
    }

    @Test
    void nexudusListingHonoursSizeCapPagingAndLeavesOutResultData() throws Exception {
        NexudusSimulator nexudus = track(NexudusSimulator.start().seed(2500).withoutRateLimits());
        String list = nexudus.baseUrl() + "api/sys/businessbackgroundjobs";

        Answer capped = get(list + "?size=5000&page=3", BASIC);
        Answer beyond = get(list + "?size=1000&page=4", BASIC);
        Answer filtered = get(list + "?BusinessBackgroundJob_Status=failed&orderBy=Id&dir=-1&size=10", BASIC);

        assertThat(capped.body().get("CurrentPageSize").asInt()).isEqualTo(1000);
        assertThat(capped.body().get("Records")).hasSize(500);
        assertThat(capped.body().get("HasNextPage").asBoolean()).isFalse();
        assertThat(capped.body().get("Records").get(0).has("ResultData")).isFalse();
        assertThat(beyond.body().get("Records")).isEmpty();
        assertThat(filtered.body().get("TotalItems").asInt()).isEqualTo(500);
        assertThat(filtered.body().get("Records").get(0).get("Id").asLong()).isEqualTo(2496);
        assertThat(get(nexudus.baseUrl() + "api/sys/businessbackgroundjobs/7", BASIC)
                        .body()
                        .get("ResultData")
                        .asText())
                .isEqualTo("{\"rows\":7}");
    }

    @Test
    void nexudusAnswersMissingOrWrongCredentialsAndIssuesTokens() throws Exception {
        NexudusSimulator nexudus = track(NexudusSimulator.start().seed(1).withoutRateLimits());
        String job = nexudus.baseUrl() + "api/sys/businessbackgroundjobs/1";

        Answer anonymous = get(job, null);
        Answer token = call(new Request.Builder()
                .url(nexudus.baseUrl() + "api/token")
                .post(new FormBody.Builder()
                        .add("grant_type", "password")
                        .add("username", NexudusSimulator.USERNAME)
                        .add("password", NexudusSimulator.PASSWORD)
                        .build())
                .build());
        Answer withToken = get(job, "Bearer " + token.body().get("access_token").asText());
        Answer jsonGrant = call(new Request.Builder()
                .url(nexudus.baseUrl() + "api/token")
                .post(RequestBody.create("{\"grant_type\":\"password\"}", MediaType.get("application/json")))
                .build());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("Message").asText())
                .isEqualTo("Authorization has been denied for this request.");
        assertThat(token.body().get("expires_in").asLong()).isEqualTo(7 * 24 * 3600);
        assertThat(withToken.status()).isEqualTo(200);
        assertThat(jsonGrant.status()).isEqualTo(400);
        assertThat(get(nexudus.baseUrl() + "api/sys/businessbackgroundjobs/99", BASIC)
                        .text())
                .isEqualTo("\"Not found\"");
    }

    @Test
    void aScriptAdvancesEveryNPolls() throws Exception {
        NexudusSimulator nexudus = track(
                NexudusSimulator.start().seed(1).withoutRateLimits().addJob(1, 2, "Queued", "Running", "Completed"));
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(get(nexudus.baseUrl() + "api/sys/businessbackgroundjobs/1", BASIC)
                    .body()
                    .get("Status")
                    .asText());
        }
        assertThat(statuses)
                .containsExactly("Queued", "Queued", "Running", "Running", "Completed", "Completed", "Completed");
    }

    @Test
    void faultsApplyToTheNextRequestsInOrder() throws Exception {
        NexudusSimulator nexudus = track(NexudusSimulator.start()
                .seed(1)
                .withoutRateLimits()
                .inject(Fault.status(503))
                .inject(Fault.dropConnection())
                .inject(Fault.truncatedBody())
                .inject(Fault.throttle(Duration.ofSeconds(3))));
        String job = nexudus.baseUrl() + "api/sys/businessbackgroundjobs/1";

        assertThat(get(job, BASIC).status()).isEqualTo(503);
        assertThatThrownBy(() -> get(job, BASIC)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get(job, BASIC)).isInstanceOf(IOException.class);
        Answer throttled = get(job, BASIC);
        assertThat(throttled.status()).isEqualTo(409);
        assertThat(throttled.retryAfter()).isEqualTo("3");
        assertThat(get(job, BASIC).status()).isEqualTo(200);
    }

    @Test
    void aDelayFaultHoldsTheResponseBack() throws Exception {
        AsanaSimulator asana =
                track(AsanaSimulator.start().addJob("1", "succeeded").inject(Fault.delay(Duration.ofSeconds(2))));
        OkHttpClient impatient =
                http.newBuilder().readTimeout(Duration.ofMillis(200)).build();

        assertThatThrownBy(() -> impatient
                        .newCall(new Request.Builder()
                                .url(asana.baseUrl() + "/jobs/1")
                                .header("Authorization", "Bearer " + AsanaSimulator.TOKEN)
                                .build())
                        .execute()
                        .close())
                .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void wixCountsRiseToFinishedAndItemsPageByCursor() throws Exception {
        WixSimulator wix = track(WixSimulator.start().addJob("j", 100, 5).items("j", 12));
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            JsonNode job = get(wix.baseUrl() + "async-jobs/v1/async-jobs/j", "Bearer nope")
                    .body();
            seen.add(
                    job.has("job")
                            ? job.get("job").get("status").asText()
                            : job.get("details")
                                    .get("applicationError")
                                    .get("code")
                                    .asText());
        }
        wix.acceptToken("tok");
        List<Long> done = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            JsonNode counts = get(wix.baseUrl() + "async-jobs/v1/async-jobs/j", "tok")
                    .body()
                    .get("job")
                    .get("counts");
            done.add(counts.get("successCount").asLong()
                    + counts.get("failCount").asLong());
        }
        JsonNode page = get(
                        wix.baseUrl() + "async-jobs/v1/async-jobs/j/items?paging.limit=5&paging.cursor=cur-10", "tok")
                .body();

        assertThat(seen).containsOnly("UNAUTHORIZED");
        assertThat(done).containsExactly(0L, 25L, 50L, 75L, 100L, 100L);
        assertThat(page.get("results")).hasSize(2);
        assertThat(page.get("pagingMetadata").has("hasNext")).isFalse();
        assertThat(page.get("pagingMetadata").get("cursors").has("next")).isFalse();
        assertThat(page.get("pagingMetadata").get("cursors").get("prev").asText())
                .isEqualTo("cur-5");
    }

    @Test
    void wixAndAsanaThrottleWith429BeyondTheirQuotas() throws Exception {
        WixSimulator wix = track(WixSimulator.start().addJob("j", 10, 2).acceptToken("tok"));
        AsanaSimulator asana = track(AsanaSimulator.start().addJob("1", "in_progress"));
        Answer lastWix = null;
        for (int i = 0; i < 201; i++) {
            lastWix = get(wix.baseUrl() + "async-jobs/v1/async-jobs/j", "tok");
        }
        Answer lastAsana = null;
        for (int i = 0; i < 151; i++) {
            lastAsana = get(asana.baseUrl() + "/jobs/1", "Bearer " + AsanaSimulator.TOKEN);
        }

        assertThat(lastWix.status()).isEqualTo(429);
        assertThat(Integer.parseInt(lastWix.retryAfter())).isBetween(1, 60);
        assertThat(lastWix.body()
                        .get("details")
                        .get("applicationError")
                        .get("code")
                        .asText())
                .isEqualTo("TOO_MANY_REQUESTS");
        assertThat(lastAsana.status()).isEqualTo(429);
        assertThat(lastAsana.body().get("errors").get(0).get("message").asText())
                .contains("too many requests");
    }

    @Test
    void asanaServesItsEnvelopeAndErrors() throws Exception {
        AsanaSimulator asana = track(
                AsanaSimulator.start().addJob("55", "not_started", "succeeded").inject(Fault.status(500)));
        String auth = "Bearer " + AsanaSimulator.TOKEN;

        Answer failed = get(asana.baseUrl() + "/jobs/55", auth);
        Answer first = get(asana.baseUrl() + "/jobs/55?opt_pretty=true", auth);
        Answer second = get(asana.baseUrl() + "/jobs/55", auth);
        Answer missing = get(asana.baseUrl() + "/jobs/56", auth);
        Answer anonymous = get(asana.baseUrl() + "/jobs/55", null);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body().get("errors").get(0).has("phrase")).isTrue();
        assertThat(first.text()).contains("\n");
        assertThat(first.body().get("data").get("status").asText()).isEqualTo("not_started");
        assertThat(second.body().get("data").get("status").asText()).isEqualTo("succeeded");
        assertThat(missing.body().get("errors").get(0).get("message").asText())
                .isEqualTo("job: Not a recognized ID: 56");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void startsOnTheGivenPortAndSaysWhichPortItCannotListenOn() throws Exception {
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        AsanaSimulator asana = track(AsanaSimulator.start(free).addJob("1", "succeeded"));

        assertThat(asana.baseUrl().port()).isEqualTo(free);
        assertThat(get(asana.baseUrl() + "/jobs/1", "Bearer " + AsanaSimulator.TOKEN)
                        .status())
                .isEqualTo(200);
        assertThatThrownBy(() -> WixSimulator.start(free))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageStartingWith("cannot start the simulator on port " + free + ": ");
    }
}
