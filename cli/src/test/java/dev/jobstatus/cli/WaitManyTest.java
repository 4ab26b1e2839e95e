package dev.jobstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.WixSimulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code wait} with several ids, or {@code -}: one watcher, a line per job as it ends, progress on stderr. */
class WaitManyTest {
    private static final Map<String, String> CREDENTIALS = Map.of(
            "NEXUDUS_USERNAME",
            NexudusSimulator.USERNAME,
            "NEXUDUS_PASSWORD",
            NexudusSimulator.PASSWORD,
            "WIX_API_KEY",
            WixSimulator.API_KEY,
            "WIX_SITE_ID",
            WixSimulator.SITE_ID,
            "ASANA_TOKEN",
            AsanaSimulator.TOKEN);
    private static NexudusSimulator nexudus;
    private static WixSimulator wix;
    private static AsanaSimulator asana;

    @BeforeAll
    static void start() {
        // Seeded Nexudus jobs: 1 Failed, 2 Running, 4, 5 and 9 Completed.
        nexudus = NexudusSimulator.start().seed(30).withoutRateLimits();
        wix = WixSimulator.start()
                .addJob("w-ok", 40, 3)
                .addJob("w-bad", null, new WixSimulator.Step("PROCESSING", 1, 0), new WixSimulator.Step("FAILED", 1, 9))
                .withoutRateLimits();
        asana = AsanaSimulator.start()
                .addJob("100", "in_progress", "succeeded")
                .addJob("200", "in_progress")
                .withoutRateLimits();
    }

    @AfterAll
    static void stop() {
        nexudus.close();
        wix.close();
        asana.close();
    }

    private static JobstatusCliTest.Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = JobstatusCli.run(
                args,
                new Context(
                        CREDENTIALS,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        false,
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        return new JobstatusCliTest.Run(
                exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void nexudusPrintsALinePerJobAndProgressAndExitsZeroWhenAllSucceeded() {
        JobstatusCliTest.Run run = run(
                "",
                "nexudus",
                "wait",
                "4",
                "5",
                "9",
                "--interval",
                "10ms",
                "--base-url",
                nexudus.baseUrl().toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out().lines())
                .containsExactlyInAnyOrder(
                        "4             SUCCEEDED   Completed",
                        "5             SUCCEEDED   Completed",
                        "9             SUCCEEDED   Completed");
        assertThat(run.err().lines())
                .containsExactly("2 running / 1 ended", "1 running / 2 ended", "0 running / 3 ended");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a safety net: the bug this pins was a hang
    void oneJobGivenTwiceInTwoSpellingsIsReportedOnce() {
        JobstatusCliTest.Run run = run(
                "004\n",
                "nexudus",
                "wait",
                "4",
                "-",
                "--interval",
                "10ms",
                "--base-url",
                nexudus.baseUrl().toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out().lines()).containsExactly("4             SUCCEEDED   Completed");
        assertThat(run.err().lines()).containsExactly("0 running / 1 ended");
    }

    @Test
    void idsFromStdinPrintTheListingsRecordAsJsonUnlessFullAndAFailureExitsOne() {
        JobstatusCliTest.Run summaries = run(
                "4\n1 5\n",
                "nexudus",
                "wait",
                "-",
                "--json",
                "--interval",
                "10ms",
                "--base-url",
                nexudus.baseUrl().toString());
        JobstatusCliTest.Run full = run(
                "4 1",
                "nexudus",
                "wait",
                "-",
                "--json",
                "--full",
                "--interval",
                "10ms",
                "--base-url",
                nexudus.baseUrl().toString());

        assertThat(summaries.exit()).isEqualTo(1);
        assertThat(summaries.jsonLines())
                .hasSize(3)
                .allSatisfy(job -> assertThat(
                                job.has("ResultData") && !job.get("ResultData").isNull())
                        .isFalse())
                .anySatisfy(job -> assertThat(job.get("Status").asText()).isEqualTo("Failed"));
        assertThat(full.exit()).isEqualTo(1);
        assertThat(full.jsonLines())
                .hasSize(2)
                .allSatisfy(job -> assertThat(job.get("ResultData").asText()).startsWith("{\"rows\":"));
    }

    @Test
    void aTimeoutExitsFourAndListsWhatIsLeft() {
        JobstatusCliTest.Run nexudusRun = run(
                "",
                "nexudus",
                "wait",
                "4",
                "2",
                "--timeout",
                "1s",
                "--interval",
                "100ms",
                "--base-url",
                nexudus.baseUrl().toString());
        JobstatusCliTest.Run asanaRun = run(
                "",
                "asana",
                "wait",
                "100",
                "200",
                "--timeout",
                "500ms",
                "--interval",
                "10ms",
                "--base-url",
                asana.baseUrl().toString());

        assertThat(nexudusRun.exit()).isEqualTo(4);
        assertThat(nexudusRun.out().lines()).containsExactly("4             SUCCEEDED   Completed");
        assertThat(nexudusRun.err()).contains("error: timed out with 1 job(s) still running: 2");
        assertThat(asanaRun.exit()).isEqualTo(4);
        assertThat(asanaRun.out()).contains("100           SUCCEEDED   succeeded");
        assertThat(asanaRun.err()).contains("error: timed out with 1 job(s) still running: 200");
    }

    @Test
    void wixExitsOneWhenAnyFailedAndAnUnknownIdIsAnError() {
        JobstatusCliTest.Run run = run(
                "",
                "wix",
                "wait",
                "w-ok",
                "w-bad",
                "--interval",
                "10ms",
                "--base-url",
                wix.baseUrl().toString());
        JobstatusCliTest.Run unknown = run(
                "",
                "nexudus",
                "wait",
                "4",
                "99999",
                "--interval",
                "10ms",
                "--base-url",
                nexudus.baseUrl().toString());
        JobstatusCliTest.Run notANumber = run(
                "",
                "nexudus",
                "wait",
                "4",
                "x1",
                "--base-url",
                nexudus.baseUrl().toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines())
                .containsExactlyInAnyOrder("w-ok          SUCCEEDED   FINISHED", "w-bad         FAILED      FAILED");
        assertThat(unknown.exit()).isEqualTo(3);
        assertThat(unknown.err()).contains("error: ").contains("404");
        assertThat(notANumber.exit()).isEqualTo(2);
        assertThat(notANumber.err()).contains("a Nexudus job Id is a whole number, not x1");
    }
}
