package dev.jobstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.testkit.NexudusSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI's help on every command, and its usage errors in the user's words (flags and variables, not SDK internals). */
class CliHelpAndMessagesTest {
    private static JobstatusCliTest.Run run(Map<String, String> env, String... args) {
        return JobstatusCliTest.run(env, args);
    }

    @ParameterizedTest(name = "jobstatus {0} --help")
    @ValueSource(
            strings = {
                "",
                "nexudus",
                "nexudus get",
                "nexudus list",
                "nexudus wait",
                "wix",
                "wix get",
                "wix items",
                "wix wait",
                "asana",
                "asana get",
                "asana wait",
                "demo"
            })
    void everyCommandAnswersHelpAndHelpCommandWithUsageAndExamples(String command) {
        List<String> words = command.isEmpty() ? List.of() : List.of(command.split(" "));
        String[] withFlag = java.util.stream.Stream.concat(words.stream(), java.util.stream.Stream.of("--help"))
                .toArray(String[]::new);
        String[] withHelp = java.util.stream.Stream.concat(java.util.stream.Stream.of("help"), words.stream())
                .toArray(String[]::new);

        JobstatusCliTest.Run flag = run(Map.of(), withFlag);
        JobstatusCliTest.Run help = run(Map.of(), withHelp);

        assertThat(flag.exit()).isZero();
        assertThat(flag.err()).isEmpty();
        assertThat(flag.out())
                .startsWith("Usage: jobstatus" + (command.isEmpty() ? "" : " " + command))
                .contains("Examples:");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).isEqualTo(flag.out());
    }

    @Test
    void datesAreReadAsADateOrADateTimeAndAWrongOneIsExplained() throws Exception {
        try (NexudusSimulator nexudus =
                NexudusSimulator.start().seed(30).withoutRateLimits().acceptToken("t")) {
            JobstatusCliTest.Run plainDate = run(
                    Map.of("NEXUDUS_TOKEN", "t"),
                    "nexudus",
                    "list",
                    "--created-from",
                    "2025-01-01",
                    "--created-to",
                    "2025-01-01T01:10",
                    "--base-url",
                    nexudus.baseUrl().toString());
            JobstatusCliTest.Run wrong =
                    run(Map.of("NEXUDUS_TOKEN", "t"), "nexudus", "list", "--created-from", "2025-13-45");

            assertThat(plainDate.exit()).isZero();
            assertThat(plainDate.err()).contains("10 job(s)");
            assertThat(nexudus.server().takeRequest().getUrl().queryParameter("from_BusinessBackgroundJob_CreatedOn"))
                    .isEqualTo("2025-01-01T00:00");
            assertThat(wrong.exit()).isEqualTo(2);
            assertThat(wrong.err())
                    .startsWith("error: Invalid value for option '--created-from': '2025-13-45' is not a date "
                            + "such as 2025-01-31 or a date-time such as 2025-01-31T08:00")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void usageErrorsNameTheFlagsAndVariables() {
        JobstatusCliTest.Run interval = run(Map.of("NEXUDUS_TOKEN", "t"), "nexudus", "wait", "1", "--interval", "2");
        JobstatusCliTest.Run pageSize = run(Map.of("NEXUDUS_TOKEN", "t"), "nexudus", "list", "--page-size", "5000");
        JobstatusCliTest.Run limit = run(Map.of("NEXUDUS_TOKEN", "t"), "nexudus", "list", "--limit", "-1");
        JobstatusCliTest.Run http =
                run(Map.of("ASANA_TOKEN", "t"), "asana", "get", "1", "--base-url", "http://asana.example.com/api/1.0");

        assertThat(interval.err())
                .startsWith("error: Invalid value for option '--interval': '2' is not a duration: write a "
                        + "number and a unit, such as 500ms, 30s, 10m or 1h")
                .doesNotContain("Exception");
        assertThat(pageSize.err().strip()).isEqualTo("error: --page-size must be between 1 and 1000");
        assertThat(limit.err().strip()).isEqualTo("error: --limit must be 0 or more");
        assertThat(http.err().strip())
                .isEqualTo("error: --base-url must use https unless it points at this machine; add "
                        + "--allow-http to send requests (and credentials) unencrypted to http://asana.example.com");
        assertThat(List.of(interval, pageSize, limit, http))
                .allSatisfy(r -> assertThat(r.exit()).isEqualTo(2));
    }

    @Test
    void aUrlThatFailsToParseIsQuotedWithoutItsPassword() {
        JobstatusCliTest.Run baseUrl =
                run(Map.of("NEXUDUS_TOKEN", "t"), "nexudus", "get", "1", "--base-url", "htps://me:pass-SECRET@host/");
        JobstatusCliTest.Run redisUrl = run(
                Map.of("NEXUDUS_TOKEN", "t", "JOBSTATUS_REDIS_URL", "redis://user:s3cr3t^pw-SECRET@localhost:6379"),
                "nexudus",
                "get",
                "1",
                "--base-url",
                "https://spaces.nexudus.com/");

        assertThat(baseUrl.err().strip()).isEqualTo("error: --base-url is not an http or https URL: htps://***@host/");
        assertThat(redisUrl.err().strip())
                .isEqualTo("error: JOBSTATUS_REDIS_URL: not a redis:// or rediss:// URL: redis://***@localhost:6379");
        assertThat(List.of(baseUrl, redisUrl)).allSatisfy(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out() + r.err()).doesNotContain("SECRET");
        });
    }

    @Test
    void aDurationOrANumberTooLargeIsAUsageErrorNamingTheOption() throws Exception {
        try (NexudusSimulator nexudus =
                NexudusSimulator.start().seed(3).withoutRateLimits().acceptToken("t")) {
            Map<String, String> env = Map.of("NEXUDUS_TOKEN", "t");
            String base = nexudus.baseUrl().toString();
            JobstatusCliTest.Run hours =
                    run(env, "nexudus", "get", "1", "--timeout", "999999999999h", "--base-url", base);
            JobstatusCliTest.Run overflow =
                    run(env, "nexudus", "wait", "1", "--timeout", "99999999999999999h", "--base-url", base);
            JobstatusCliTest.Run digits =
                    run(env, "nexudus", "wait", "1", "--interval", "99999999999999999999s", "--base-url", base);
            JobstatusCliTest.Run pageSize =
                    run(env, "nexudus", "list", "--page-size", "3000000000", "--base-url", base);
            JobstatusCliTest.Run longest = run(env, "nexudus", "get", "1", "--timeout", "876000h", "--base-url", base);

            assertThat(hours.err())
                    .startsWith("error: Invalid value for option '--timeout': '999999999999h' is too long: at most "
                            + "100 years (876000h)");
            assertThat(overflow.err())
                    .startsWith("error: Invalid value for option '--timeout': '99999999999999999h' is too long");
            assertThat(digits.err())
                    .startsWith("error: Invalid value for option '--interval': '99999999999999999999s' is too long");
            assertThat(pageSize.err())
                    .startsWith("error: Invalid value for option '--page-size': '3000000000' is not a whole "
                            + "number up to 2147483647");
            assertThat(List.of(hours, overflow, digits, pageSize)).allSatisfy(r -> {
                assertThat(r.exit()).isEqualTo(2);
                assertThat(r.out()).isEmpty();
                assertThat(r.err()).doesNotContain("overflow", "Exception");
            });
            assertThat(longest.exit()).isZero();
            assertThat(longest.out()).containsPattern("(?m)^Id +1$");
        }
    }
}
