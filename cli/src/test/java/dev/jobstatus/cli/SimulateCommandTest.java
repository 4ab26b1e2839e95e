package dev.jobstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * {@code jobstatus simulate}: the lines it prints, read as a shell would, are the whole environment of the other
 * commands, which then get, list, page items and wait against it.
 */
class SimulateCommandTest {
    private static final Pattern EXPORT = Pattern.compile("export ([A-Z_]+)=(.*)");

    /** Real time plus what the test adds: the rate limits see time pass, the jobs end when the test moves it on. */
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    private final InstantSource clock = () -> Instant.now().plus(ahead.get());
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    @Timeout(120)
    void itsExportsMakeGetListItemsAndWaitWorkAgainstIt() throws Exception {
        PipedInputStream stdout = new PipedInputStream();
        Recording err = new Recording("stop: ");
        SimulateCommand simulate = new SimulateCommand(
                new Context(
                        Map.of(),
                        new PrintStream(new PipedOutputStream(stdout), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        false),
                clock);
        CompletableFuture<Integer> serving =
                CompletableFuture.supplyAsync(() -> new CommandLine(simulate).execute(), threads);
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            // Read to the end: the command closes standard output once the exports are written.
            reader.lines().forEach(lines::add);
        }
        Map<String, String> env = exports(lines);

        JobstatusCliTest.Run get = run(env, "nexudus", "get", "1004");
        JobstatusCliTest.Run list = run(env, "nexudus", "list");
        JobstatusCliTest.Run items = run(env, "wix", "items", SimulateCommand.WIX_FINISHED, "--json");
        JobstatusCliTest.Run failedItems =
                run(env, "wix", "items", SimulateCommand.WIX_FINISHED, "--status", "FAILED_ONLY");
        JobstatusCliTest.Run asanaGet = run(env, "asana", "get", SimulateCommand.ASANA_SUCCEEDED);
        JobstatusCliTest.Run asanaFailed = run(env, "asana", "wait", SimulateCommand.ASANA_FAILED);

        // Waits on running jobs: each has reported the job still running before the clock moves past their ends.
        Recording nexudusProgress = new Recording("nexudus job 1004: RUNNING");
        Recording wixProgress = new Recording("wix job " + SimulateCommand.WIX_RUNNING + ": RUNNING");
        Recording asanaProgress = new Recording("asana job " + SimulateCommand.ASANA_RUNNING + ": RUNNING");
        CompletableFuture<JobstatusCliTest.Run> nexudusWait =
                waitIn(env, nexudusProgress, "nexudus", "wait", "1004", "--interval", "100ms");
        CompletableFuture<JobstatusCliTest.Run> wixWait =
                waitIn(env, wixProgress, "wix", "wait", SimulateCommand.WIX_RUNNING, "--interval", "100ms");
        CompletableFuture<JobstatusCliTest.Run> asanaWait =
                waitIn(env, asanaProgress, "asana", "wait", SimulateCommand.ASANA_RUNNING, "--interval", "100ms");
        for (Recording progress : List.of(nexudusProgress, wixProgress, asanaProgress)) {
            assertThat(progress.seen.await(60, TimeUnit.SECONDS)).isTrue();
        }
        ahead.set(Duration.ofMinutes(10));
        JobstatusCliTest.Run nexudusDone = nexudusWait.get(60, TimeUnit.SECONDS);
        JobstatusCliTest.Run wixDone = wixWait.get(60, TimeUnit.SECONDS);
        JobstatusCliTest.Run asanaDone = asanaWait.get(60, TimeUnit.SECONDS);
        JobstatusCliTest.Run many = run(env, "nexudus", "wait", "1004", "1005", "1006", "--interval", "100ms");
        simulate.stop();

        assertThat(serving.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(lines)
                .contains("unset WIX_ACCOUNT_ID")
                .allSatisfy(line -> assertThat(line).matches("(export [A-Z_]+=.+|unset WIX_ACCOUNT_ID)"));
        assertThat(env)
                .containsKeys(
                        "NEXUDUS_BASE_URL",
                        "NEXUDUS_TOKEN",
                        "WIX_BASE_URL",
                        "WIX_API_KEY",
                        "WIX_SITE_ID",
                        "ASANA_BASE_URL",
                        "ASANA_TOKEN");
        assertThat(env.get("NEXUDUS_BASE_URL")).startsWith("http://");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("serving Nexudus at " + env.get("NEXUDUS_BASE_URL"))
                .endsWith("jobstatus simulate: stopped" + System.lineSeparator());

        assertThat(get.exit()).isZero();
        assertThat(get.out()).contains("1004").contains("Running");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("1001", "1002", "1003", "1004", "1005", "1006", "Failed");
        assertThat(list.err()).contains("6 job(s)");
        assertThat(items.exit()).isZero();
        assertThat(items.jsonLines()).hasSize(120);
        assertThat(failedItems.exit()).isZero();
        assertThat(failedItems.out()).contains("INVALID_ROW").doesNotContain(" yes ");
        assertThat(asanaGet.exit()).isZero();
        assertThat(asanaGet.out()).contains(SimulateCommand.ASANA_SUCCEEDED).contains("succeeded");
        assertThat(asanaFailed.exit()).isEqualTo(JobstatusCli.JOB_FAILED);
        assertThat(asanaFailed.out()).contains("failed");

        assertThat(nexudusDone.exit()).isZero();
        assertThat(nexudusDone.out()).contains("Completed");
        assertThat(wixDone.exit()).isZero();
        assertThat(wixDone.out()).contains("FINISHED");
        assertThat(asanaDone.exit()).isZero();
        assertThat(asanaDone.out()).contains("succeeded");
        // 1005 fails three minutes in.
        assertThat(many.exit()).isEqualTo(JobstatusCli.JOB_FAILED);
        assertThat(many.out()).contains("1004", "1005", "1006", "Failed");
    }

    @Test
    void aPortOutOfRangeOrTakenIsAUsageErrorNamingIt() throws Exception {
        JobstatusCliTest.Run range = JobstatusCliTest.run(Map.of(), "simulate", "--port", "65534");
        JobstatusCliTest.Run taken;
        try (java.net.ServerSocket holder = new java.net.ServerSocket(0)) {
            // The second port of the three is the one held.
            taken = JobstatusCliTest.run(Map.of(), "simulate", "--port", String.valueOf(holder.getLocalPort() - 1));
        }

        assertThat(range.exit()).isEqualTo(JobstatusCli.USAGE);
        assertThat(range.err().strip())
                .isEqualTo("error: --port must be between 1 and 65533 (Asana listens on PORT+2), not 65534");
        assertThat(taken.exit()).isEqualTo(JobstatusCli.USAGE);
        assertThat(taken.err())
                .startsWith("error: cannot start the simulator on port ")
                .contains("(--port ");
        assertThat(taken.out()).isEmpty();
    }

    @Test
    void aBaseUrlComesFromTheOptionThenTheEnvironmentAndABadOneNamesItsVariable() {
        try (dev.jobstatus.testkit.AsanaSimulator asana =
                dev.jobstatus.testkit.AsanaSimulator.start().addJob("7", "succeeded")) {
            String token = dev.jobstatus.testkit.AsanaSimulator.TOKEN;
            String real = asana.baseUrl().toString();
            JobstatusCliTest.Run fromEnv =
                    JobstatusCliTest.run(Map.of("ASANA_TOKEN", token, "ASANA_BASE_URL", real), "asana", "get", "7");
            JobstatusCliTest.Run optionWins = JobstatusCliTest.run(
                    Map.of("ASANA_TOKEN", token, "ASANA_BASE_URL", "htps://me:pw-SECRET@nowhere/"),
                    "asana",
                    "get",
                    "7",
                    "--base-url",
                    real);
            JobstatusCliTest.Run bad = JobstatusCliTest.run(
                    Map.of("NEXUDUS_TOKEN", "t", "NEXUDUS_BASE_URL", "htps://me:pw-SECRET@nowhere/"),
                    "nexudus",
                    "get",
                    "1");
            JobstatusCliTest.Run plain = JobstatusCliTest.run(
                    Map.of("WIX_API_KEY", "k", "WIX_SITE_ID", "s", "WIX_BASE_URL", "http://wix.example.com/"),
                    "wix",
                    "get",
                    "j");

            assertThat(fromEnv.exit()).isZero();
            assertThat(fromEnv.out()).contains("succeeded");
            assertThat(optionWins.exit()).isZero();
            assertThat(bad.exit()).isEqualTo(JobstatusCli.USAGE);
            assertThat(bad.err().strip())
                    .isEqualTo("error: NEXUDUS_BASE_URL is not an http or https URL: htps://***@nowhere/");
            assertThat(plain.exit()).isEqualTo(JobstatusCli.USAGE);
            assertThat(plain.err().strip())
                    .isEqualTo("error: WIX_BASE_URL must use https unless it points at this machine; add "
                            + "--allow-http to send requests (and credentials) unencrypted to http://wix.example.com");
        }
    }

    private CompletableFuture<JobstatusCliTest.Run> waitIn(
            Map<String, String> env, Recording progress, String... args) {
        return CompletableFuture.supplyAsync(
                () -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    int exit = JobstatusCli.run(
                            args,
                            new Context(
                                    env,
                                    new PrintStream(out, true, StandardCharsets.UTF_8),
                                    new PrintStream(progress, true, StandardCharsets.UTF_8),
                                    false));
                    return new JobstatusCliTest.Run(
                            exit, out.toString(StandardCharsets.UTF_8), progress.toString(StandardCharsets.UTF_8));
                },
                threads);
    }

    private static JobstatusCliTest.Run run(Map<String, String> env, String... args) {
        return JobstatusCliTest.run(env, args);
    }

    /** The variables the lines set, values unquoted as a POSIX shell reads single quotes. */
    static Map<String, String> exports(List<String> lines) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher export = EXPORT.matcher(line);
            if (export.matches()) {
                String value = export.group(2);
                env.put(
                        export.group(1),
                        value.startsWith("'")
                                ? value.substring(1, value.length() - 1).replace("'\\''", "'")
                                : value);
            }
        }
        return env;
    }

    /** Standard error as written so far, and a latch that opens when it first contains {@code awaited}. */
    static final class Recording extends ByteArrayOutputStream {
        private final String awaited;
        final CountDownLatch seen = new CountDownLatch(1);

        Recording(String awaited) {
            this.awaited = awaited;
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            super.write(bytes, offset, length);
            check();
        }

        @Override
        public synchronized void write(int b) {
            super.write(b);
            check();
        }

        private void check() {
            if (seen.getCount() > 0 && toString(StandardCharsets.UTF_8).contains(awaited)) {
                seen.countDown();
            }
        }
    }
}
