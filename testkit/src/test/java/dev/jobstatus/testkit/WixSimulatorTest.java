package dev.jobstatus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobstatus.testkit.PlainHttp.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Wix simulator follows provider-facts.md where our first reading did not: each test shows it answering the
 * way a client written from that reading would get wrong.
 */
class WixSimulatorTest {
    private final PlainHttp plain = new PlainHttp();
    private final WixSimulator wix = plain.track(WixSimulator.start()
            .withoutRateLimits()
            .acceptToken("tok")
            .addJob("j", 100, 3)
            .items("j", 12));

    @AfterEach
    void close() throws Exception {
        plain.close();
    }

    private JsonNode items(String query) throws Exception {
        return plain.get(wix.baseUrl() + "async-jobs/v1/async-jobs/j/items" + query, "tok")
                .body();
    }

    @Test
    void itemPagesCarryACursorAndNeverHasNext() throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = items("?paging.limit=5" + (cursor == null ? "" : "&paging.cursor=" + cursor));
            assertThat(page.get("pagingMetadata").has("hasNext")).isFalse();
            page.get("results").forEach(item -> ids.add(item.get("id").asText()));
            JsonNode next = page.get("pagingMetadata").get("cursors").get("next");
            cursor = next == null ? null : next.asText();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void anEmptyPageNamesTheNextPageAndLosesNoItem() throws Exception {
        wix.emptyPageAt(5);
        List<Integer> sizes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = items("?paging.limit=5" + (cursor == null ? "" : "&paging.cursor=" + cursor));
            sizes.add(page.get("results").size());
            page.get("results").forEach(item -> ids.add(item.get("id").asText()));
            JsonNode next = page.get("pagingMetadata").get("cursors").get("next");
            cursor = next == null ? null : next.asText();
        } while (cursor != null);

        assertThat(sizes).containsExactly(5, 0, 5, 2);
        assertThat(ids).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void itemsHaveEntityIdSuccessAndData() throws Exception {
        JsonNode first = items("?paging.limit=10").get("results");

        assertThat(first.get(9).get("entityId").asText()).isEqualTo("entity-9");
        assertThat(first.get(9).get("success").asBoolean()).isFalse();
        assertThat(first.get(9).get("error").get("code").asText()).isEqualTo("INVALID_ROW");
        assertThat(first.get(1).get("success").asBoolean()).isTrue();
        assertThat(first.get(1).has("error")).isFalse();
        assertThat(first.get(1).get("data").get("row").asInt()).isEqualTo(1);
    }

    @Test
    void honoursTheStatusFilterBesideHasErrorAndRefusesAnUnknownStatus() throws Exception {
        JsonNode failed = items("?status=FAILED_ONLY").get("results");
        JsonNode succeeded = items("?status=SUCCESSFUL_ONLY").get("results");
        JsonNode all = items("?status=ALL").get("results");
        JsonNode withHasError = items("?hasError=true").get("results");
        Answer unknown = plain.get(wix.baseUrl() + "async-jobs/v1/async-jobs/j/items?status=BROKEN", "tok");

        assertThat(failed)
                .hasSize(1)
                .allSatisfy(item -> assertThat(item.get("success").asBoolean()).isFalse());
        assertThat(succeeded).hasSize(11);
        assertThat(all).hasSize(12);
        assertThat(withHasError).isEqualTo(failed);
        assertThat(unknown.status()).isEqualTo(400);
    }

    @Test
    void itemErrorsAgreeWithTheJobsCounts() throws Exception {
        wix.addJob("forty", 40, 3).items("forty", 40);
        JsonNode counts = null;
        for (int i = 0; i < 3; i++) {
            counts = plain.get(wix.baseUrl() + "async-jobs/v1/async-jobs/forty", "tok")
                    .body()
                    .get("job")
                    .get("counts");
        }
        JsonNode failed = plain.get(wix.baseUrl() + "async-jobs/v1/async-jobs/forty/items?status=FAILED_ONLY", "tok")
                .body()
                .get("results");

        assertThat(failed).hasSize(counts.get("failCount").asInt());
        assertThat(counts.get("errorByCodeCount").get("INVALID_ROW").asInt()).isEqualTo(failed.size());
    }

    @Test
    void sendsCreatedByInTheDocumentedNestedForm() throws Exception {
        JsonNode createdBy = plain.get(wix.baseUrl() + "async-jobs/v1/async-jobs/j", "tok")
                .body()
                .get("job")
                .get("createdBy");

        assertThat(createdBy.has("appId")).isFalse();
        assertThat(createdBy.get("appIdOptions").get("appId").asText()).isEqualTo(WixSimulator.CLIENT_ID);
    }

    @Test
    void servesAJobExactlyAsGiven() throws Exception {
        wix.addJob("old", Map.of("id", "old", "status", "FINISHED", "counters", Map.of("items_succeeded", 3)));

        JsonNode job = plain.get(wix.baseUrl() + "async-jobs/v1/async-jobs/old", "tok")
                .body()
                .get("job");

        assertThat(job.get("counters").get("items_succeeded").asInt()).isEqualTo(3);
        assertThat(job.has("counts")).isFalse();
    }

    @Test
    void aJobWithAnEndIsProcessingWithRisingCountsUntilTheSimulatorsClockReachesIt() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
        wix.clock(now::get).addJob("timed", 1000, Instant.parse("2026-01-01T10:02:00Z"));
        String job = wix.baseUrl() + "async-jobs/v1/async-jobs/timed";

        JsonNode start = plain.get(job, "tok").body().get("job");
        now.set(Instant.parse("2026-01-01T10:01:00Z"));
        JsonNode halfway = plain.get(job, "tok").body().get("job");
        JsonNode stillHalfway = plain.get(job, "tok").body().get("job");
        now.set(Instant.parse("2026-01-01T10:02:00Z"));
        JsonNode end = plain.get(job, "tok").body().get("job");

        assertThat(start.get("status").asText()).isEqualTo("PROCESSING");
        assertThat(start.get("counts").get("successCount").asLong()).isZero();
        assertThat(halfway.get("status").asText()).isEqualTo("PROCESSING");
        assertThat(halfway.get("counts").get("successCount").asLong()).isEqualTo(450);
        assertThat(halfway.get("counts").get("failCount").asLong()).isEqualTo(50);
        assertThat(stillHalfway.get("counts")).isEqualTo(halfway.get("counts"));
        assertThat(end.get("status").asText()).isEqualTo("FINISHED");
        assertThat(end.get("counts").get("successCount").asLong()).isEqualTo(900);
    }
}
