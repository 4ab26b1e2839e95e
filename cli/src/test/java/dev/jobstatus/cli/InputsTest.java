package dev.jobstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.testkit.NexudusSimulator;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The values people type: times with or without an offset, durations as 1h30m or PT10M, and fields the providers
 * know, a wrong one refused with the allowed ones and the nearest.
 */
class InputsTest {
    private static final Map<String, String> NEXUDUS = Map.of("NEXUDUS_TOKEN", "t");

    private static JobstatusCliTest.Run run(Map<String, String> env, String... args) {
        return JobstatusCliTest.run(env, args);
    }

    @Test
    void aTimeWithAnOffsetIsSentInUtcAndOneWithoutIsUtcAlready() throws Exception {
        try (NexudusSimulator nexudus =
                NexudusSimulator.start().seed(3).withoutRateLimits().acceptToken("t")) {
            JobstatusCliTest.Run list = run(
                    NEXUDUS,
                    "nexudus",
                    "list",
                    "--created-from",
                    "2025-01-31T08:00:00Z",
                    "--created-to",
                    "2025-01-31T09:30+01:00",
                    "--updated-from",
                    "2025-01-31T08:00",
                    "--updated-to",
                    "2025-02-01 07:15:59-05:00",
                    "--base-url",
                    nexudus.baseUrl().toString());

            assertThat(list.exit()).as(list.err()).isZero();
            RecordedRequest sent = nexudus.server().takeRequest();
            assertThat(sent.getUrl().queryParameter("from_BusinessBackgroundJob_CreatedOn"))
                    .isEqualTo("2025-01-31T08:00");
            assertThat(sent.getUrl().queryParameter("to_BusinessBackgroundJob_CreatedOn"))
                    .isEqualTo("2025-01-31T08:30");
            assertThat(sent.getUrl().queryParameter("from_BusinessBackgroundJob_UpdatedOn"))
                    .isEqualTo("2025-01-31T08:00");
            assertThat(sent.getUrl().queryParameter("to_BusinessBackgroundJob_UpdatedOn"))
                    .isEqualTo("2025-02-01T12:15");
        }
    }

    @Test
    void theHelpSaysWhichZoneATimeIsInAndHowDurationsAreWritten() {
        JobstatusCliTest.Run list = run(Map.of(), "nexudus", "list", "--help");
        JobstatusCliTest.Run waitHelp = run(Map.of(), "asana", "wait", "--help");

        assertThat(list.out().replaceAll("\\s+", " "))
                .contains("A TIME without an offset is UTC")
                .contains("2025-01-31T08:00:00Z or 2025-01-31T09:00+01:00")
                .contains("sums such as 1h30m, or ISO-8601 such as PT10M");
        assertThat(waitHelp.out().replaceAll("\\s+", " ")).contains("sums such as 1h30m, or ISO-8601 such as PT10M");
    }

    @Test
    void durationsAreReadWithUnitsSumsOrIso() throws Exception {
        assertThat(Converters.DURATION.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Converters.DURATION.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Converters.DURATION.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Converters.DURATION.convert("PT10M")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Converters.DURATION.convert("1d2h3m4s5ms"))
                .isEqualTo(Duration.ofDays(1)
                        .plusHours(2)
                        .plusMinutes(3)
                        .plusSeconds(4)
                        .plusMillis(5));
        assertThat(Converters.TIME.convert("2025-01-31")).isEqualTo(LocalDateTime.of(2025, 1, 31, 0, 0));

        try (NexudusSimulator nexudus =
                NexudusSimulator.start().seed(3).withoutRateLimits().acceptToken("t")) {
            String base = nexudus.baseUrl().toString();
            for (String timeout : List.of("1h30m", "90s", "10m", "PT10M", "pt1h30m")) {
                JobstatusCliTest.Run get =
                        run(NEXUDUS, "nexudus", "get", "1", "--timeout", timeout, "--base-url", base);
                assertThat(get.exit()).as(timeout + ": " + get.err()).isZero();
            }
        }
        JobstatusCliTest.Run unitless = run(NEXUDUS, "nexudus", "wait", "1", "--timeout", "1h30");
        assertThat(unitless.exit()).isEqualTo(JobstatusCli.USAGE);
        assertThat(unitless.err())
                .startsWith("error: Invalid value for option '--timeout': '1h30' is not a duration: write a number "
                        + "and a unit, such as 500ms, 30s, 10m or 1h, a sum such as 1h30m, or ISO-8601 such as PT10M");
    }

    @Test
    void anOrderByNexudusDoesNotKnowIsRefusedWithTheAllowedPropertiesAndTheNearest() throws Exception {
        JobstatusCliTest.Run bogus = run(NEXUDUS, "nexudus", "list", "--order-by", "Bogus");
        JobstatusCliTest.Run typo = run(NEXUDUS, "nexudus", "list", "--order-by", "CreatdOn");

        assertThat(bogus.err().strip())
                .isEqualTo("error: Invalid value for option '--order-by': 'Bogus' is not a property Nexudus sorts jobs "
                        + "by (one of: BusinessId, BusinessName, UserId, UserFullName, UserEmail, JobId, Description, "
                        + "Files, Status, ResultData, Id, UniqueId, CreatedOn, UpdatedOn, UpdatedBy, IsNew, SystemId)\n"
                        + "try: jobstatus nexudus list --help");
        assertThat(typo.err()).contains("'CreatdOn' is not a property Nexudus sorts jobs by; did you mean CreatedOn?");
        assertThat(List.of(bogus, typo)).allSatisfy(r -> assertThat(r.exit()).isEqualTo(JobstatusCli.USAGE));

        try (NexudusSimulator nexudus =
                NexudusSimulator.start().seed(3).withoutRateLimits().acceptToken("t")) {
            JobstatusCliTest.Run snake = run(
                    NEXUDUS,
                    "nexudus",
                    "list",
                    "--order-by",
                    "updated_on",
                    "--base-url",
                    nexudus.baseUrl().toString());
            assertThat(snake.exit()).isZero();
            assertThat(nexudus.server().takeRequest().getUrl().queryParameter("orderBy"))
                    .isEqualTo("UpdatedOn");
        }
    }

    @Test
    void anAsanaFieldThatIsNotAJobsIsRefusedWithTheNearest() {
        Map<String, String> env = Map.of("ASANA_TOKEN", "t");
        JobstatusCliTest.Run typo = run(env, "asana", "get", "1", "--fields", "status,new_projct.name");
        JobstatusCliTest.Run unknown = run(env, "asana", "wait", "1", "2", "--fields", "colour");

        assertThat(typo.err())
                .startsWith(
                        "error: Invalid value for option '--fields' (FIELD): 'new_projct.name' is not a field of an "
                                + "Asana job; did you mean new_project.name? (one of: new_graph_export, ")
                .contains("new_task.created_by", "resource_subtype, status)");
        assertThat(unknown.err())
                .startsWith("error: Invalid value for option '--fields' (FIELD): 'colour' is not a "
                        + "field of an Asana job (one of: ");
        assertThat(List.of(typo, unknown)).allSatisfy(r -> assertThat(r.exit()).isEqualTo(JobstatusCli.USAGE));
    }

    @Test
    void hasErrorWithAnotherStatusIsRefusedNamingBothOptions() {
        JobstatusCliTest.Run all = run(
                Map.of("WIX_API_KEY", "k", "WIX_SITE_ID", "s"), "wix", "items", "j", "--has-error", "--status", "ALL");

        assertThat(all.exit()).isEqualTo(JobstatusCli.USAGE);
        assertThat(all.err().strip())
                .isEqualTo("error: --has-error (the same as --status FAILED_ONLY) contradicts --status ALL");
    }

    @Test
    void aRefusedValueIsQuotedEscapedForTheTerminal() {
        JobstatusCliTest.Run orderBy = run(NEXUDUS, "nexudus", "list", "--order-by", "Bogus\u001b[2J\u0007");
        JobstatusCliTest.Run fields = run(Map.of("ASANA_TOKEN", "t"), "asana", "get", "1", "--fields", "x\u009b31m");
        JobstatusCliTest.Run command = run(Map.of(), "nexudus", "lst\u001b]0;title\u0007");

        assertThat(orderBy.err()).contains("'Bogus\\u001b[2J\\u0007' is not a property Nexudus sorts jobs by");
        assertThat(fields.err()).contains("'x\\u009b31m' is not a field of an Asana job");
        assertThat(command.err()).contains("'lst\\u001b]0;title\\u0007'");
        assertThat(List.of(orderBy, fields, command)).allSatisfy(r -> {
            assertThat(r.exit()).isEqualTo(JobstatusCli.USAGE);
            assertThat(r.err()).doesNotContainPattern("[\\p{Cc}&&[^\\n]]|\\u009b");
        });
    }
}
