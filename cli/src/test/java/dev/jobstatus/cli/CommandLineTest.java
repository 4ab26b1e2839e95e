package dev.jobstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.testkit.AsanaSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What picocli gives the command line: @argfiles, suggestions for typos, help over bad values, a completion script. */
class CommandLineTest {
    private static JobstatusCliTest.Run run(Map<String, String> env, String... args) {
        return JobstatusCliTest.run(env, args);
    }

    private static List<String> targets(AsanaSimulator asana) throws InterruptedException {
        List<String> targets = new ArrayList<>();
        for (RecordedRequest r; (r = asana.server().takeRequest(10, TimeUnit.MILLISECONDS)) != null; ) {
            targets.add(r.getTarget());
        }
        return targets;
    }

    @Test
    void anArgumentFileIsReadAsItsArgumentsAndADoubleAtIsALiteralAt(@TempDir Path dir) throws Exception {
        try (AsanaSimulator asana =
                AsanaSimulator.start().addJob("100", "succeeded").withoutRateLimits()) {
            Path args = Files.writeString(
                    dir.resolve("args.txt"),
                    "# a job and where it is\nget 100\n--base-url " + asana.baseUrl() + "\n--fields new_project.name\n",
                    StandardCharsets.UTF_8);
            Map<String, String> env = Map.of("ASANA_TOKEN", AsanaSimulator.TOKEN);

            JobstatusCliTest.Run fromFile = run(env, "asana", "@" + args);
            JobstatusCliTest.Run literal = run(
                    env, "asana", "get", "@@100", "--base-url", asana.baseUrl().toString());

            assertThat(fromFile.exit()).as(fromFile.err()).isZero();
            assertThat(fromFile.out()).containsPattern("(?m)^Gid +100$");
            assertThat(literal.exit()).isEqualTo(JobstatusCli.API_ERROR);
            assertThat(targets(asana))
                    .containsExactly("/api/1.0/jobs/100?opt_fields=new_project.name,status", "/api/1.0/jobs/@100");
        }
    }

    @Test
    void aMistypedCommandOrOptionGetsASuggestion() {
        JobstatusCliTest.Run command = run(Map.of(), "nexudos", "get", "1");
        JobstatusCliTest.Run option = run(Map.of(), "nexudus", "list", "--limt", "5");

        assertThat(command.exit()).isEqualTo(JobstatusCli.USAGE);
        assertThat(command.err())
                .startsWith("error: Unmatched argument")
                .contains("Did you mean: jobstatus nexudus")
                .endsWith("try: jobstatus --help\n");
        assertThat(option.exit()).isEqualTo(JobstatusCli.USAGE);
        assertThat(option.err())
                .startsWith("error: Unknown options: '--limt', '5'")
                .contains("--limit");
    }

    @Test
    void helpWinsOverABadValueAnywhereOnTheLine() {
        JobstatusCliTest.Run after = run(Map.of(), "nexudus", "get", "1", "--timeout=abc", "--help");
        JobstatusCliTest.Run before = run(Map.of(), "wix", "wait", "-h", "j", "--interval", "soon");
        JobstatusCliTest.Run without = run(Map.of(), "nexudus", "get", "1", "--timeout=abc");

        assertThat(after.exit()).isZero();
        assertThat(after.err()).isEmpty();
        assertThat(after.out()).startsWith("Usage: jobstatus nexudus get");
        assertThat(before.exit()).isZero();
        assertThat(before.out()).startsWith("Usage: jobstatus wix wait");
        assertThat(without.exit()).isEqualTo(JobstatusCli.USAGE);
        assertThat(without.err()).startsWith("error: Invalid value for option '--timeout': 'abc' is not a duration");
    }

    @Test
    void generateCompletionPrintsABashScriptForEveryCommandAndOption() {
        JobstatusCliTest.Run script = run(Map.of(), "generate-completion");

        assertThat(script.exit()).isZero();
        assertThat(script.out())
                .startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_jobstatus")
                .contains(
                        "nexudus",
                        "wix",
                        "asana",
                        "demo",
                        "--created-from",
                        "--has-error",
                        "--interval",
                        "FAILED_ONLY");
    }

    @Test
    void versionNamesTheSdkAndTheJava() {
        JobstatusCliTest.Run version = run(Map.of(), "--version");

        assertThat(version.exit()).isZero();
        assertThat(version.out())
                .startsWith("jobstatus ")
                .contains("(Java " + System.getProperty("java.version") + ")");
    }
}
