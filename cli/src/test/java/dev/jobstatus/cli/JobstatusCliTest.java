package dev.jobstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.Fault;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.Responses;
import dev.jobstatus.testkit.WixSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class JobstatusCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static NexudusSimulator nexudus;
    private static WixSimulator wix;
    private static AsanaSimulator asana;

    @BeforeAll
    static void start() {
        nexudus = NexudusSimulator.start()
                .seed(30)
                .addJob(7, "Queued", "Running", "Completed")
                .addJob(8, "Running", "Failed")
                .withoutRateLimits();
        wix = WixSimulator.start()
                .addJob("w-ok", 40, 3)
                .addJob("w-bad", null, new WixSimulator.Step("PROCESSING", 1, 0), new WixSimulator.Step("FAILED", 1, 9))
                .items("w-ok", 12)
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

    record Run(int exit, String out, String err) {
        List<JsonNode> jsonLines() {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    try {
                        lines.add(JSON.readTree(line));
                    } catch (Exception e) {
                        throw new AssertionError("not a JSON line: " + line, e);
                    }
                }
            }
            return lines;
        }
    }

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

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = JobstatusCli.run(
                args,
                new Context(
                        env,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        false));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(CREDENTIALS, args);
    }

    private static List<RecordedRequest> drain(MockWebServer server) throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(10, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
            all.add(r);
        }
        return all;
    }

    @Test
    void nexudusGetPrintsTheJobAsATableOrAJsonLine() {
        Run table = run("nexudus", "get", "3", "--base-url", nexudus.baseUrl().toString());
        Run json = run("nexudus", "get", "3", "--base-url", nexudus.baseUrl().toString(), "--json");

        assertThat(table.exit()).isZero();
        assertThat(table.out())
                .containsPattern("(?m)^Id +3$")
                .containsPattern("(?m)^Status +Queued$")
                .containsPattern("(?m)^ResultData +\\{\"rows\":3}$");
        assertThat(json.exit()).isZero();
        assertThat(json.jsonLines()).singleElement().satisfies(job -> {
            // JSON lines use the provider's own field names.
            assertThat(job.get("Id").asLong()).isEqualTo(3);
            assertThat(job.get("ResultData").asText()).isEqualTo("{\"rows\":3}");
        });
    }

    @Test
    void nexudusListSendsTheFiltersAndPagesThrough() throws Exception {
        drain(nexudus.server());
        Run run = run(
                "nexudus",
                "list",
                "--status",
                "Completed",
                "--user-email",
                "user3@example.com",
                "--created-from",
                "2025-01-01T00:00",
                "--created-to",
                "2025-01-31T08:00",
                "--order-by",
                "CreatedOn",
                "--desc",
                "--page-size",
                "1",
                "--limit",
                "1",
                "--json",
                "--base-url",
                nexudus.baseUrl().toString());

        assertThat(run.exit()).isZero();
        assertThat(run.jsonLines()).singleElement().satisfies(job -> {
            assertThat(job.get("Status").asText()).isEqualTo("Completed");
            assertThat(job.get("UserEmail").asText()).isEqualTo("user3@example.com");
        });
        List<RecordedRequest> requests = drain(nexudus.server());
        assertThat(requests.get(1).getTarget())
                .isEqualTo(
                        "/api/sys/businessbackgroundjobs?page=1&size=1&orderBy=CreatedOn&dir=-1"
                                + "&BusinessBackgroundJob_User_Email=user3@example.com&BusinessBackgroundJob_Status=Completed"
                                + "&from_BusinessBackgroundJob_CreatedOn=2025-01-01T00:00&to_BusinessBackgroundJob_CreatedOn=2025-01-31T08:00");
        assertThat(requests).hasSize(2); // a token and one page: two jobs match, but the limit stops the listing
    }

    @Test
    void nexudusListTableHasAHeaderAndACount() {
        Run run = run(
                "nexudus",
                "list",
                "--description",
                "Bulk edit",
                "--base-url",
                nexudus.baseUrl().toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out().lines().findFirst())
                .get()
                .asString()
                .startsWith("ID")
                .contains("DESCRIPTION");
        assertThat(run.out().lines().skip(1))
                .hasSize(7)
                .allSatisfy(line -> assertThat(line).endsWith("Bulk edit"));
        assertThat(run.err()).contains("7 job(s)");
    }

    /** Clears the screen, sets the window title, forges a row, turns red with a C1 CSI, and reverses the rest. */
    private static final String HOSTILE =
            "Import\u001b[2J\u001b]0;pwned\u0007\r\n99  Completed  forged\t\u009b31m\u202Eevil\u2066";

    private static final String HOSTILE_ESCAPED =
            "Import\\u001b[2J\\u001b]0;pwned\\u0007\\r\\n99  Completed  forged\\t\\u009b31m\\u202eevil\\u2066";
    /** Any character a terminal acts on instead of printing, but the line ends the CLI writes itself. */
    private static final String TERMINAL_CONTROL =
            "[\\p{Cc}&&[^\\n]]|[\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c]";

    @Test
    void textAServerWroteIsEscapedForTheTerminalAndStaysValidJson() throws Exception {
        try (NexudusSimulator hostile =
                NexudusSimulator.start().withoutRateLimits().acceptToken("t")) {
            Map<String, Object> job = new HashMap<>();
            job.put("Id", 5L);
            job.put("Status", "Failed\u001b[8m");
            job.put("Description", HOSTILE);
            job.put("UserEmail", "ann\u0085@example.com");
            job.put("ResultData", "{\"note\":\"\u001b]0;title\u0007\"}");
            hostile.addJob(job);
            Map<String, String> env = Map.of("NEXUDUS_TOKEN", "t");
            String base = hostile.baseUrl().toString();

            Run get = run(env, "nexudus", "get", "5", "--base-url", base);
            Run list = run(env, "nexudus", "list", "--base-url", base);
            Run json = run(env, "nexudus", "list", "--json", "--base-url", base);
            Run usage = run(env, "nexudus", "get", "5\u001b[2J", "--base-url", base);

            assertThat(List.of(get, list, json, usage))
                    .allSatisfy(r -> assertThat(r.out() + r.err()).doesNotContainPattern(TERMINAL_CONTROL));
            assertThat(get.out())
                    .contains(
                            "Description  " + HOSTILE_ESCAPED + "\n",
                            "Status       Failed\\u001b[8m\n",
                            "User         ann\\u0085@example.com\n",
                            "ResultData   {\"note\":\"\\u001b]0;title\\u0007\"}\n");
            assertThat(list.out().lines())
                    .hasSize(2)
                    .last()
                    .asString()
                    .startsWith("5           Failed\\u001b[8m")
                    .contains("Import\\u001b[2J");
            assertThat(json.jsonLines()).singleElement().satisfies(line -> {
                assertThat(line.get("Description").asText()).isEqualTo(HOSTILE);
                assertThat(line.get("UserEmail").asText()).isEqualTo("ann\u0085@example.com");
            });
            assertThat(usage.exit()).isEqualTo(2);
            assertThat(usage.err()).contains("'5\\u001b[2J' is not a whole number");
        }
    }

    @Test
    void aListingWhoseFirstPageFailsPrintsOnlyTheError() {
        try (NexudusSimulator failing =
                        NexudusSimulator.start().seed(3).withoutRateLimits().acceptToken("t");
                WixSimulator wixFailing = WixSimulator.start()
                        .addJob("w-1", 40, 3)
                        .items("w-1", 5)
                        .withoutRateLimits()) {
            failing.inject(Fault.status(403));
            wixFailing.inject(Fault.status(403));

            Run nexudusList = run(
                    Map.of("NEXUDUS_TOKEN", "t"),
                    "nexudus",
                    "list",
                    "--base-url",
                    failing.baseUrl().toString());
            Run wixItems = run(
                    "wix", "items", "w-1", "--base-url", wixFailing.baseUrl().toString());
            Run empty = run(
                    Map.of("NEXUDUS_TOKEN", "t"),
                    "nexudus",
                    "list",
                    "--status",
                    "Nothing",
                    "--base-url",
                    failing.baseUrl().toString());

            assertThat(List.of(nexudusList, wixItems)).allSatisfy(r -> {
                assertThat(r.exit()).isEqualTo(JobstatusCli.API_ERROR);
                assertThat(r.out()).isEmpty();
                assertThat(r.err().lines()).singleElement().asString().contains("API returned HTTP 403");
            });
            // A listing that answered, with nothing in it, still shows its header.
            assertThat(empty.exit()).isZero();
            assertThat(empty.out().lines()).singleElement().asString().startsWith("ID ");
            assertThat(empty.err()).contains("0 job(s)");
        }
    }

    @Test
    void aListingWithoutItsRecordsArrayIsAnErrorNotNoJobs() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(Responses.json(200, "{\"Message\": \"An error has occurred.\"}"));

            Run run = run(
                    Map.of("NEXUDUS_TOKEN", "t"),
                    "nexudus",
                    "list",
                    "--base-url",
                    server.url("/").toString());

            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.err())
                    .startsWith(
                            "error: nexudus API returned HTTP 200 with a body that is not BusinessBackgroundJob listing")
                    .contains("'Records'")
                    .doesNotContain("job(s)");
        }
    }

    @Test
    void waitExitsZeroOnSuccessAndOneOnFailure() {
        Run ok = run(
                "nexudus",
                "wait",
                "7",
                "--interval",
                "10ms",
                "--base-url",
                nexudus.baseUrl().toString());
        Run failed = run(
                "nexudus",
                "wait",
                "8",
                "--interval",
                "10ms",
                "--base-url",
                nexudus.baseUrl().toString(),
                "--json");

        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).containsPattern("(?m)^State +SUCCEEDED$");
        assertThat(ok.err().lines()).hasSize(3).last().asString().contains("nexudus job 7: SUCCEEDED");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.jsonLines())
                .singleElement()
                .satisfies(job -> assertThat(job.get("Status").asText()).isEqualTo("Failed"));
    }

    @Test
    void wixGetItemsAndWaitWithProgress() {
        Run get =
                run("wix", "get", "w-ok", "--json", "--base-url", wix.baseUrl().toString());
        Run items = run(
                "wix",
                "items",
                "w-ok",
                "--has-error",
                "--limit",
                "1",
                "--base-url",
                wix.baseUrl().toString());
        Run waited = run(
                "wix",
                "wait",
                "w-ok",
                "--interval",
                "10ms",
                "--base-url",
                wix.baseUrl().toString());
        Run failed = run(
                "wix",
                "wait",
                "w-bad",
                "--interval",
                "10ms",
                "--base-url",
                wix.baseUrl().toString());

        assertThat(get.exit()).isZero();
        assertThat(get.jsonLines().get(0).get("status").asText()).isEqualTo("INITIALIZED");
        assertThat(items.out().lines())
                .containsExactly(
                        "ID                        ENTITY                    OK     ERROR",
                        "item-9                    entity-9                  no     INVALID_ROW: row 9 is invalid");
        assertThat(waited.exit()).isZero();
        assertThat(waited.err())
                .contains("wix job w-ok: RUNNING, 20/40 done, 2 failed")
                .contains("SUCCEEDED, 40/40 done");
        assertThat(failed.exit()).isEqualTo(1);
    }

    @Test
    void asanaGetSendsFieldsAndPrettyAndWaitTimesOut() throws Exception {
        drain(asana.server());
        Run get = run(
                "asana",
                "get",
                "100",
                "--fields",
                "status,new_project.name",
                "--pretty",
                "--base-url",
                asana.baseUrl().toString());
        Run timeout = run(
                "asana",
                "wait",
                "200",
                "--timeout",
                "300ms",
                "--interval",
                "50ms",
                "--base-url",
                asana.baseUrl().toString());

        assertThat(get.exit()).isZero();
        assertThat(get.out())
                .containsPattern("(?m)^Gid +100$")
                .containsPattern("(?m)^NewProject +1001 Copy of Launch plan$");
        assertThat(drain(asana.server()).get(0).getTarget())
                .isEqualTo("/api/1.0/jobs/100?opt_fields=status,new_project.name&opt_pretty=true");
        assertThat(timeout.exit()).isEqualTo(4);
        assertThat(timeout.err())
                .contains("error: gave up waiting for asana job 200")
                .contains("last state RUNNING")
                .doesNotContain("\tat ");
    }

    @Test
    void asanaWaitTakesFieldsAndStillSeesTheJobEnd() throws Exception {
        drain(asana.server());
        Run waited = run(
                "asana",
                "wait",
                "100",
                "--fields",
                "new_project.name",
                "--interval",
                "10ms",
                "--base-url",
                asana.baseUrl().toString());

        assertThat(waited.exit()).isZero();
        assertThat(waited.out()).containsPattern("(?m)^NewProject +1001 Copy of Launch plan$");
        assertThat(drain(asana.server()))
                .allSatisfy(poll ->
                        assertThat(poll.getUrl().queryParameter("opt_fields")).isEqualTo("new_project.name,status"));
    }

    @Test
    void wixItemsTakeTheStatusFilter() {
        Run succeeded = run(
                "wix",
                "items",
                "w-ok",
                "--status",
                "SUCCESSFUL_ONLY",
                "--limit",
                "2",
                "--base-url",
                wix.baseUrl().toString());

        assertThat(succeeded.exit()).isZero();
        assertThat(succeeded.out().lines().skip(1).toList())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).endsWith(" yes"));
    }

    @Test
    @Timeout(30)
    void aWaitOrAGetAgainstAServerThatNeverAnswersEndsWithinItsTimeoutWithExitCode4() throws Exception {
        try (java.net.ServerSocket silent =
                new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                java.util.List<java.net.Socket> held = new java.util.ArrayList<>();
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // accepted, read by nobody, never answered
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String base = "http://127.0.0.1:" + silent.getLocalPort() + "/";
            Run waited =
                    run(Map.of("NEXUDUS_TOKEN", "t"), "nexudus", "wait", "7", "--timeout", "2s", "--base-url", base);
            Run got = run(Map.of("ASANA_TOKEN", "t"), "asana", "get", "7", "--timeout", "1s", "--base-url", base);

            // The commands end by their own deadline (the test's own timeout is the safety net against a hang).
            assertThat(waited.exit()).isEqualTo(4);
            assertThat(waited.err().lines())
                    .last()
                    .asString()
                    .startsWith("error: gave up waiting for nexudus job 7: its 2000 ms timeout");
            assertThat(got.exit()).isEqualTo(4);
            // The command's deadline is counted from when it parsed --timeout; the call starts a few ms later (more on
            // a busy machine), so its own deadline is what is left of the 1000 ms.
            java.util.regex.Matcher message = java.util.regex.Pattern.compile(
                            "error: asana API call GET /jobs/7 did not finish within its (\\d+) ms deadline \\(attempts 1\\)")
                    .matcher(got.err().strip());
            assertThat(message.matches()).as(got.err()).isTrue();
            assertThat(Integer.parseInt(message.group(1))).isBetween(1, 1000);
        }
    }

    @Test
    void missingCredentialsNameTheVariables() {
        Run nexudusRun = run(Map.of(), "nexudus", "get", "1");
        Run wixRun = run(Map.of(), "wix", "get", "x");
        Run asanaRun = run(Map.of(), "asana", "wait", "1");

        assertThat(nexudusRun.exit()).isEqualTo(2);
        assertThat(nexudusRun.err().strip())
                .isEqualTo(
                        "error: nexudus credentials missing: set NEXUDUS_TOKEN, or NEXUDUS_USERNAME and NEXUDUS_PASSWORD");
        assertThat(wixRun.err().strip())
                .isEqualTo("error: wix credentials missing: set WIX_API_KEY with WIX_SITE_ID or "
                        + "WIX_ACCOUNT_ID, or WIX_CLIENT_ID, WIX_CLIENT_SECRET and WIX_INSTANCE_ID");
        assertThat(asanaRun.err().strip())
                .isEqualTo("error: asana credentials missing: set ASANA_TOKEN, or ASANA_CLIENT_ID, "
                        + "ASANA_CLIENT_SECRET and ASANA_REFRESH_TOKEN");
        assertThat(asanaRun.exit()).isEqualTo(2);
    }

    @Test
    void usageErrorsExitTwo() {
        Run unknown = run("nexudus", "list", "--colour", "red");
        Run badNumber = run("nexudus", "get", "not-a-number");
        Run badTime = run("nexudus", "list", "--created-from", "yesterday");
        Run insecure = run("asana", "get", "1", "--base-url", "http://asana.example.com/api/1.0");

        assertThat(List.of(unknown.exit(), badNumber.exit(), badTime.exit(), insecure.exit()))
                .containsOnly(2);
        assertThat(unknown.err()).contains("Unknown options: '--colour', 'red'");
        assertThat(insecure.err()).contains("must use https");
        assertThat(run("--help").out()).contains("nexudus", "wix", "asana", "demo");
    }

    @Test
    void apiErrorsExitThreeWithOneLineNamingProviderStatusAndRequestId() {
        Run missing =
                run("asana", "get", "404404", "--base-url", asana.baseUrl().toString());
        nexudus.inject(Fault.status(500))
                .inject(Fault.status(500))
                .inject(Fault.status(500))
                .inject(Fault.status(500));
        Run serverError = run(
                Map.of("NEXUDUS_TOKEN", "t"),
                "nexudus",
                "get",
                "1",
                "--base-url",
                nexudus.baseUrl().toString());

        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err().strip())
                .isEqualTo("error: asana API returned HTTP 404 for GET /api/1.0/jobs/404404: "
                        + "job: Not a recognized ID: 404404 (attempts 1)");
        assertThat(serverError.exit()).isEqualTo(3);
        assertThat(serverError.err())
                .contains(
                        "nexudus API returned HTTP 500 for GET /api/sys/businessbackgroundjobs/1: "
                                + "An error has occurred.",
                        "attempts 4");
        assertThat(serverError.err().lines()).hasSize(1);
    }

    @Test
    void verboseAddsTheStackTrace() {
        Run run = run(
                "asana",
                "get",
                "404404",
                "--verbose",
                "--base-url",
                asana.baseUrl().toString());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err())
                .contains("dev.jobstatus.core.exception.NotFoundException")
                .contains("\tat ");
    }

    @Test
    void connectionFailuresExitFive() throws Exception {
        MockWebServer closed = new MockWebServer();
        closed.start();
        String url = closed.url("/api/1.0").toString();
        closed.close();

        Run run = run("asana", "get", "1", "--base-url", url);

        assertThat(run.exit()).isEqualTo(5);
        assertThat(run.err()).startsWith("error: asana API connection failed on GET /api/1.0/jobs/1");
    }

    @Test
    void theDemoRunsOfflineAndExitsZero() {
        Run demo = run(Map.of(), "demo");

        assertThat(demo.exit()).isZero();
        assertThat(demo.out())
                .contains(
                        "== Nexudus: list failed jobs",
                        "500 failed jobs in 2 page requests",
                        "was answered 409",
                        "wix job d3c1a9e2-import FINISHED",
                        "asana job 1209876543210 succeeded");
        assertThat(demo.err()).contains("wix job d3c1a9e2-import: RUNNING", "SUCCEEDED, 1200/1200 done");
    }
}
