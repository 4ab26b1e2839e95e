package dev.jobstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.WixSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What users of gh, aws and kubectl expect: "did you mean" for a mistyped command or option at every level, a
 * completion script, {@code --output json|table}, and several ids in one {@code get}.
 */
class CliConventionsTest {
    private static JobstatusCliTest.Run run(Map<String, String> env, String... args) {
        return JobstatusCliTest.run(env, args);
    }

    private static JobstatusCliTest.Run run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void aMistypedCommandGetsTheNearestAtEveryLevel() {
        assertThat(run("hlep").err()).contains("Did you mean: jobstatus help?");
        assertThat(run("nexudos", "get", "1").err()).contains("Did you mean: jobstatus nexudus?");
        assertThat(run("nexudus", "lst").err())
                .isEqualTo("error: Unmatched argument at index 1: 'lst'\n"
                        + "Did you mean: jobstatus nexudus list?\n"
                        + "try: jobstatus nexudus --help\n");
        assertThat(run("asana", "gett", "1").err()).contains("Did you mean: jobstatus asana get?");
        assertThat(run("wix", "itmes", "j").err()).contains("Did you mean: jobstatus wix items?");
        assertThat(run("help", "nexudus", "lst").err())
                .startsWith("error: Unknown command: 'jobstatus nexudus lst'. Did you mean: jobstatus nexudus list?");
        assertThat(List.of(run("hlep"), run("nexudus", "lst"), run("help", "wix", "gte")))
                .allSatisfy(r -> assertThat(r.exit()).isEqualTo(JobstatusCli.USAGE));
    }

    @Test
    void aMistypedOptionGetsTheNearestAtEveryLevel() {
        assertThat(run("--verbos").err()).contains("Unknown option: '--verbos'", "--verbose");
        assertThat(run("nexudus", "--hepl").err()).contains("Unknown option: '--hepl'", "--help");
        assertThat(run("wix", "items", "j", "--has-eror").err())
                .contains("Unknown option: '--has-eror'", "--has-error");
        assertThat(run("asana", "wait", "1", "--intreval", "1s").err())
                .contains("Unknown option: '--intreval'", "Possible solutions: --interval");
        assertThat(run("nexudus", "get", "1", "--outptu", "json").err()).contains("--output");
    }

    @Test
    void completionPrintsTheScriptForBashAndZsh() {
        JobstatusCliTest.Run bash = run("completion", "bash");
        JobstatusCliTest.Run zsh = run("completion", "zsh");
        JobstatusCliTest.Run plain = run("completion");
        JobstatusCliTest.Run fish = run("completion", "fish");

        assertThat(bash.exit()).isZero();
        assertThat(bash.out())
                .startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_jobstatus", "ZSH_VERSION", "bashcompinit")
                .contains("completion", "--output", "--order-by", "CreatedOn", "new_project.name", "FAILED_ONLY");
        assertThat(zsh.out()).isEqualTo(bash.out());
        assertThat(plain.out()).isEqualTo(bash.out());
        assertThat(fish.exit()).isEqualTo(JobstatusCli.USAGE);
        assertThat(fish.err()).contains("(SHELL): expected one of [BASH, ZSH]");
        assertThat(run("completion", "--help").out()).contains("source <(jobstatus completion bash)");
    }

    @Test
    void outputJsonOrTableWithJsonAsItsAlias() {
        try (NexudusSimulator nexudus =
                NexudusSimulator.start().seed(3).withoutRateLimits().acceptToken("t")) {
            Map<String, String> env = Map.of("NEXUDUS_TOKEN", "t");
            String base = nexudus.baseUrl().toString();
            JobstatusCliTest.Run json = run(env, "nexudus", "get", "1", "--output", "json", "--base-url", base);
            JobstatusCliTest.Run shortJson = run(env, "nexudus", "list", "-o", "JSON", "--base-url", base);
            JobstatusCliTest.Run alias = run(env, "nexudus", "get", "1", "--json", "--base-url", base);
            JobstatusCliTest.Run table = run(env, "nexudus", "get", "1", "--output", "table", "--base-url", base);
            JobstatusCliTest.Run plain = run(env, "nexudus", "get", "1", "--base-url", base);
            JobstatusCliTest.Run yaml = run(env, "nexudus", "get", "1", "--output", "yaml");
            JobstatusCliTest.Run both = run(env, "nexudus", "get", "1", "--json", "--output", "table");

            assertThat(json.jsonLines())
                    .singleElement()
                    .satisfies(job -> assertThat(job.get("Id").asLong()).isEqualTo(1));
            assertThat(alias.out()).isEqualTo(json.out());
            assertThat(shortJson.jsonLines()).hasSize(3);
            assertThat(table.out()).isEqualTo(plain.out()).containsPattern("(?m)^Id +1$");
            assertThat(yaml.exit()).isEqualTo(JobstatusCli.USAGE);
            assertThat(yaml.err())
                    .startsWith("error: Invalid value for option '--output': expected one of [TABLE, JSON] "
                            + "(case-insensitive) but was 'yaml'");
            assertThat(both.exit()).isEqualTo(JobstatusCli.USAGE);
            assertThat(both.err().strip())
                    .isEqualTo("error: --json and --output table ask for two formats: give one of them");
        }
    }

    @Test
    void getWithSeveralIdsPrintsEachAndReportsAMissingOneWithoutLosingTheOthers() {
        try (NexudusSimulator nexudus = NexudusSimulator.start().seed(3).withoutRateLimits();
                AsanaSimulator asana = AsanaSimulator.start()
                        .addJob("100", "succeeded")
                        .addJob("200", "in_progress")
                        .withoutRateLimits();
                WixSimulator wix = WixSimulator.start()
                        .addJob("w-1", 4, 0)
                        .addJob("w-2", 4, 1)
                        .withoutRateLimits()) {
            Map<String, String> nexudusEnv = Map.of(
                    "NEXUDUS_USERNAME", NexudusSimulator.USERNAME, "NEXUDUS_PASSWORD", NexudusSimulator.PASSWORD);
            String nexudusBase = nexudus.baseUrl().toString();
            JobstatusCliTest.Run tables = run(nexudusEnv, "nexudus", "get", "1", "404", "3", "--base-url", nexudusBase);
            JobstatusCliTest.Run json = run(
                    Map.of("ASANA_TOKEN", AsanaSimulator.TOKEN),
                    "asana",
                    "get",
                    "100",
                    "nope",
                    "200",
                    "-o",
                    "json",
                    "--base-url",
                    asana.baseUrl().toString());
            JobstatusCliTest.Run allThere = run(
                    Map.of("WIX_API_KEY", WixSimulator.API_KEY, "WIX_SITE_ID", WixSimulator.SITE_ID),
                    "wix",
                    "get",
                    "w-1",
                    "w-2",
                    "--json",
                    "--base-url",
                    wix.baseUrl().toString());
            JobstatusCliTest.Run refused = run(
                    Map.of("NEXUDUS_USERNAME", NexudusSimulator.USERNAME, "NEXUDUS_PASSWORD", "wrong"),
                    "nexudus",
                    "get",
                    "1",
                    "2",
                    "3",
                    "--base-url",
                    nexudusBase);

            assertThat(tables.exit()).isEqualTo(JobstatusCli.API_ERROR);
            assertThat(tables.out().split("\n\n"))
                    .satisfiesExactly(
                            first -> assertThat(first).startsWith("Id ").containsPattern("(?m)^Id +1$"),
                            second -> assertThat(second).containsPattern("(?m)^Id +3$"));
            assertThat(tables.err().lines())
                    .singleElement()
                    .asString()
                    .startsWith(
                            "error: 404: nexudus API returned HTTP 404 for GET /api/sys/businessbackgroundjobs/404");
            assertThat(json.exit()).isEqualTo(JobstatusCli.API_ERROR);
            assertThat(json.jsonLines())
                    .extracting(job -> job.get("gid").asText())
                    .containsExactly("100", "200");
            assertThat(json.err()).startsWith("error: nope: asana API returned HTTP 404");
            assertThat(allThere.exit()).isZero();
            assertThat(allThere.jsonLines())
                    .extracting(job -> job.get("id").asText())
                    .containsExactly("w-1", "w-2");
            assertThat(allThere.err()).isEmpty();
            // Refused credentials end the run: every other id would be refused too.
            assertThat(refused.exit()).isEqualTo(JobstatusCli.CREDENTIALS_REFUSED);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err().strip())
                    .isEqualTo("error: 1: the credentials were refused by nexudus (HTTP 400 invalid_grant): check "
                            + "NEXUDUS_USERNAME and NEXUDUS_PASSWORD");
        }
    }
}
