package dev.jobstatus.wix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.wix.model.AsyncJob;
import dev.jobstatus.wix.model.AsyncJobStatus;
import dev.jobstatus.wix.model.Counts;
import dev.jobstatus.wix.model.CreatedBy;
import dev.jobstatus.wix.model.CreatorType;
import java.time.Instant;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsyncJobTest {
    /** A GetAsyncJob response with every field of the documented schema. */
    static final String DOCUMENTED = """
            {"job": {
              "id": "076e0505-6944-4645-a248-80b197ee9cfd",
              "metadata": {"importId": "imp-1", "options": {"dryRun": false, "tags": ["a", "b"]}},
              "status": "PROCESSING",
              "createdDate": "2024-03-01T12:00:00.000Z",
              "updatedDate": "2024-03-01T12:03:30.250Z",
              "createdBy": {"wixUserIdOptions": {"wixUserId": "9a1b..-user"}, "type": "WIX_USER_ID"},
              "counts": {"total": 250, "successCount": 120, "failCount": 5, "errorByCodeCount": {"INVALID_EMAIL": 3, "DUPLICATE": 2}}
            }}""";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private AsyncJob parse(String body) {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build());
        try (WixClient wix = WixClient.builder()
                .baseUrl(server.url("/"))
                .accessToken("t0ken-value")
                .rateLimiter(RateLimiter.unlimited())
                .build()) {
            return wix.asyncJobs().get("any");
        }
    }

    @Test
    void metadataIsReadAsParsedInItsOrderAndCannotBeChangedAtAnyDepth() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            many.append(",\"k").append(i).append("\":").append(i);
        }
        AsyncJob job = parse("{\"job\":{\"id\":\"j\",\"metadata\":{\"z\":null,\"a\":1,\"big\":12345678901,\"f\":1.5,"
                + "\"a\":2,\"nested\":{\"list\":[{\"x\":true},[],\"s\"]}" + many + "}}}");

        Map<String, Object> metadata = job.metadata();
        assertThat(metadata.keySet())
                .startsWith("z", "a", "big", "f", "nested", "k0")
                .hasSize(17);
        assertThat(metadata)
                .containsEntry("z", null)
                .containsKey("z")
                .containsEntry("a", 2)
                .containsEntry("big", 12345678901L)
                .containsEntry("f", 1.5)
                .containsEntry("k11", 11)
                .doesNotContainKey("k12");
        assertThat(metadata.get("absent")).isNull();
        Map<String, Object> copy = new java.util.LinkedHashMap<>(metadata);
        assertThat(metadata).isEqualTo(copy).hasSameHashCodeAs(copy);
        assertThat(copy).isEqualTo(metadata);
        Map<?, ?> nested = (Map<?, ?>) metadata.get("nested");
        @SuppressWarnings("unchecked")
        java.util.List<Object> list = (java.util.List<Object>) nested.get("list");
        assertThat(list).containsExactly(Map.of("x", true), java.util.List.of(), "s");
        assertThatThrownBy(() -> metadata.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> metadata.entrySet().iterator().next().setValue(1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((Map<?, ?>) list.get(0)).clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.add(1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMetadataMapTheCallerBuiltIsCopied() {
        Map<String, Object> mine = new java.util.HashMap<>(Map.of("a", 1));
        AsyncJob job = new AsyncJob("j", mine, null, null, null, null, null);
        mine.put("b", 2);

        assertThat(job.metadata()).containsOnlyKeys("a");
        assertThat(new AsyncJob("j", null, null, null, null, null, null).metadata())
                .isEmpty();
    }

    @Test
    void countsWithoutACodeOrACountAreDropped() {
        AsyncJob job = parse("{\"job\":{\"id\":\"j\",\"counts\":{\"failCount\":3,"
                + "\"errorByCodeCount\":{\"A\":2,\"B\":null,\"C\":1}}}}");
        Map<String, Long> mine = new java.util.HashMap<>(Map.of("A", 1L));
        mine.put(null, 2L);
        mine.put("B", null);

        assertThat(job.counts().errorByCodeCount()).containsOnly(Map.entry("A", 2L), Map.entry("C", 1L));
        assertThat(new Counts(null, 0, 1, mine).errorByCodeCount()).containsOnly(Map.entry("A", 1L));
        assertThat(new Counts(null, 0, 1, Map.of("A", 1L)).errorByCodeCount()).containsOnly(Map.entry("A", 1L));
        assertThatThrownBy(() -> job.counts().errorByCodeCount().put("D", 1L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void metadataThatIsNotAnObjectIsAParseError() {
        assertThatThrownBy(() -> parse("{\"job\":{\"id\":\"j\",\"metadata\":[1]}}"))
                .isInstanceOf(dev.jobstatus.core.exception.JobStatusException.class);
    }

    @Test
    void theDocumentedShapeParses() throws Exception {
        AsyncJob job = parse(DOCUMENTED);

        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /async-jobs/v1/async-jobs/any HTTP/1.1");
        assertThat(job.id()).isEqualTo("076e0505-6944-4645-a248-80b197ee9cfd");
        assertThat(job.metadata()).containsEntry("importId", "imp-1");
        assertThat(job.metadata().get("options"))
                .isEqualTo(Map.of("dryRun", false, "tags", java.util.List.of("a", "b")));
        assertThatThrownBy(() -> job.metadata().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(job.status()).isEqualTo(AsyncJobStatus.PROCESSING);
        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        assertThat(job.createdDate()).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
        assertThat(job.updatedDate()).isEqualTo(Instant.parse("2024-03-01T12:03:30.250Z"));
        assertThat(job.createdBy()).isEqualTo(new CreatedBy.WixUser("9a1b..-user"));
        assertThat(job.counts().total()).isEqualTo(250);
        assertThat(job.counts().errorByCodeCount())
                .containsExactlyInAnyOrderEntriesOf(Map.of("INVALID_EMAIL", 3L, "DUPLICATE", 2L));
        assertThat(job.progress().done()).isEqualTo(125);
        assertThat(job.progress().failed()).isEqualTo(5);
        assertThat(job.progress().fraction()).hasValue(0.5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "flat visitor      | {\"type\":\"ANONYMOUS_VISITOR_ID\",\"anonymousVisitorId\":\"v-1\"} | AnonymousVisitor[anonymousVisitorId=v-1]",
                "options visitor   | {\"anonymousVisitorIdOptions\":{\"anonymousVisitorId\":\"v-2\"}}   | AnonymousVisitor[anonymousVisitorId=v-2]",
                "member            | {\"type\":\"MEMBER_ID\",\"memberId\":\"m-1\"}                      | Member[memberId=m-1]",
                "member by options | {\"type\":\"MEMBER_ID\",\"memberIdOptions\":{\"memberId\":\"m-2\"}} | Member[memberId=m-2]",
                "wix user          | {\"type\":\"WIX_USER_ID\",\"wixUserId\":\"u-1\"}                   | WixUser[wixUserId=u-1]",
                "app               | {\"type\":\"APP_ID\",\"appId\":\"a-1\"}                            | App[appId=a-1]",
                "app without type  | {\"appId\":\"a-2\"}                                              | App[appId=a-2]",
                "app by options    | {\"type\":\"APP_ID\",\"appIdOptions\":{\"appId\":\"a-3\"}}          | App[appId=a-3]",
            })
    void eachCreatorParsesToItsCase(String name, String createdBy, String expected) {
        AsyncJob job = parse("{\"job\":{\"id\":\"j\",\"status\":\"INITIALIZED\",\"createdBy\":" + createdBy + "}}");

        assertThat(job.createdBy().toString()).isEqualTo(expected);
        assertThat(job.state()).isEqualTo(JobState.PENDING);
    }

    @Test
    void anUnknownCreatorTypeIsKeptWithItsFields() {
        AsyncJob job = parse("{\"job\":{\"id\":\"j\",\"createdBy\":{\"type\":\"ROBOT_ID\",\"robotId\":\"r-1\"}}}");

        assertThat(job.createdBy()).isInstanceOfSatisfying(CreatedBy.Unknown.class, unknown -> {
            assertThat(unknown.type().value()).isEqualTo("ROBOT_ID");
            assertThat(unknown.type().isKnown()).isFalse();
            assertThat(unknown.fields()).containsEntry("robotId", "r-1");
        });
        assertThat(CreatorType.of("ROBOT_ID"))
                .isEqualTo(CreatorType.of("ROBOT_ID"))
                .isNotEqualTo(CreatorType.APP_ID);
    }

    @Test
    void anUnknownStatusIsKeptAndKeepsAWaitPolling() {
        AsyncJob job = parse("{\"job\":{\"id\":\"j\",\"status\":\"PAUSED_FOR_REVIEW\",\"newField\":{\"x\":1}}}");

        assertThat(job.status().value()).isEqualTo("PAUSED_FOR_REVIEW");
        assertThat(job.status().isKnown()).isFalse();
        assertThat(job.status().known()).isEmpty();
        assertThat(job.state()).isEqualTo(JobState.UNKNOWN);
        assertThat(AsyncJobStatus.FINISHED.known()).contains(AsyncJobStatus.Known.FINISHED);
    }

    @Test
    void aJobWithOnlyTheLegacyCountersAndOwnerReadsThemUnderTheirOwnNames() {
        AsyncJob old = parse("{\"job\":{\"id\":\"j\",\"status\":\"FINISHED\",\"owner\":{\"memberId\":\"m\"},"
                + "\"counters\":{\"itemsToProcess\":10,\"itemsSucceeded\":\"8\",\"itemsFailed\":2,"
                + "\"errorCountByCode\":{\"INVALID_ROW\":2}}}}");

        assertThat(old.createdBy()).isEqualTo(new CreatedBy.Member("m"));
        assertThat(old.counts()).isEqualTo(new Counts(10L, 8, 2, Map.of("INVALID_ROW", 2L)));
        assertThat(old.progress().fraction()).hasValue(1.0);
        assertThat(old.state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void theSnakeCaseLegacySpellingAndWrappedNumbersAreReadToo() {
        AsyncJob old = parse("{\"job\":{\"id\":\"j\",\"created_date\":\"2024-03-01T12:00:00Z\","
                + "\"updated_date\":\"2024-03-01T12:05:00Z\",\"owner\":{\"service_id\":\"svc-1\"},"
                + "\"counters\":{\"items_to_process\":{\"value\":\"40\"},\"items_succeeded\":30,\"items_failed\":{\"value\":4},"
                + "\"error_count_by_code\":{\"TIMEOUT\":\"4\"}}}}");

        assertThat(old.createdBy()).isEqualTo(new CreatedBy.Service("svc-1"));
        assertThat(old.createdBy().type()).isEqualTo(CreatorType.SERVICE_ID);
        assertThat(old.counts()).isEqualTo(new Counts(40L, 30, 4, Map.of("TIMEOUT", 4L)));
        assertThat(old.createdDate()).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
        assertThat(old.updatedDate()).isEqualTo(Instant.parse("2024-03-01T12:05:00Z"));
    }

    @ParameterizedTest(name = "owner {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "anonymousVisitorId | AnonymousVisitor[anonymousVisitorId=x]",
                "memberId           | Member[memberId=x]",
                "wixUserId          | WixUser[wixUserId=x]",
                "appId              | App[appId=x]",
                "serviceId          | Service[serviceId=x]",
                "wix_user_id        | WixUser[wixUserId=x]",
            })
    void eachLegacyOwnerParsesToItsCase(String field, String expected) {
        AsyncJob job = parse("{\"job\":{\"id\":\"j\",\"owner\":{\"" + field + "\":\"x\"}}}");

        assertThat(job.createdBy().toString()).isEqualTo(expected);
    }

    @Test
    void theCurrentFieldsWinOverTheLegacyOnes() {
        AsyncJob both = parse("{\"job\":{\"id\":\"j\",\"owner\":{\"appId\":\"old\"},\"createdBy\":{\"appId\":\"new\"},"
                + "\"counters\":{\"itemsSucceeded\":1},\"counts\":{\"successCount\":2}}}");

        assertThat(both.createdBy()).isEqualTo(new CreatedBy.App("new"));
        assertThat(both.counts().successCount()).isEqualTo(2);
    }

    @Test
    void missingOptionalFieldsGiveNullsAndEmpties() {
        AsyncJob job = parse("{\"job\":{\"id\":\"j\",\"counts\":{\"successCount\":3}}}");

        assertThat(job.status()).isNull();
        assertThat(job.state()).isEqualTo(JobState.UNKNOWN);
        assertThat(job.metadata()).isEmpty();
        assertThat(job.createdBy()).isNull();
        assertThat(job.counts().total()).isNull();
        assertThat(job.progress().fraction()).isEmpty();
        assertThat(job.progress().done()).isEqualTo(3);
    }

    @Test
    void aResponseWithoutTheJobEnvelopeIsMalformed() {
        assertThatThrownBy(() -> parse("{\"id\":\"j\",\"status\":\"FINISHED\"}"))
                .isInstanceOf(dev.jobstatus.core.exception.MalformedResponseException.class)
                .hasMessageContaining("no \"job\" object");
    }
}
