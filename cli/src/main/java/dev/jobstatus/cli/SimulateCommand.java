package dev.jobstatus.cli;

import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.WixSimulator;
import dev.jobstatus.testkit.WixSimulator.Step;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobstatus simulate}: serves the testkit's three simulators on loopback until stopped, with a few jobs each,
 * and prints the {@code export} lines that point the other commands at them. Standard output is closed once they are
 * printed, so that {@code eval "$(jobstatus simulate &)"} returns while the simulators keep serving.
 */
@Command(
        name = "simulate",
        description = {
            "Serve simulators of the three APIs on this machine until stopped (Ctrl-C or kill), with a few jobs each: "
                    + "try the other commands without an account.",
            "Prints the export lines (base URLs and test credentials) that point the other commands at them, then "
                    + "closes standard output; the jobs and how to stop it go to standard error."
        },
        footer = {
            "  eval \"$(jobstatus simulate &)\"; jobstatus nexudus list; kill \"$JOBSTATUS_SIMULATE_PID\"",
            "  jobstatus simulate --port 8000      # Nexudus on 8000, Wix on 8001, Asana on 8002"
        })
final class SimulateCommand implements Callable<Integer> {
    /** The Nexudus jobs: ids 1001 to 1006. */
    static final long NEXUDUS_FIRST = 1001;
    /** A finished Wix job with items, one in ten failed. */
    static final String WIX_FINISHED = "5f0c2a1e-0000-4000-8000-000000000001";
    /** A failed Wix job. */
    static final String WIX_FAILED = "5f0c2a1e-0000-4000-8000-000000000002";
    /** A Wix job that finishes two minutes after the start. */
    static final String WIX_RUNNING = "5f0c2a1e-0000-4000-8000-000000000003";
    /** A succeeded Asana job. */
    static final String ASANA_SUCCEEDED = "1209000000000001";
    /** A failed Asana job. */
    static final String ASANA_FAILED = "1209000000000002";
    /** An Asana job that succeeds three minutes after the start. */
    static final String ASANA_RUNNING = "1209000000000003";

    /** The token the Nexudus simulator accepts for this session, exported as {@code NEXUDUS_TOKEN}. */
    private static final String NEXUDUS_TOKEN = "simulated-nexudus-token";

    private final Context context;
    private final InstantSource clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Serve Nexudus on PORT, Wix on PORT+1 and Asana on PORT+2 (default: free ports).")
    private int port;

    SimulateCommand(Context context) {
        this(context, InstantSource.system());
    }

    /** A simulation whose jobs end by {@code clock}, which a test moves on instead of waiting minutes. */
    SimulateCommand(Context context, InstantSource clock) {
        this.context = context;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65533) {
            throw new IllegalArgumentException(
                    "--port must be between 1 and 65533 (Asana listens on PORT+2), not " + port);
        }
        // Whole seconds, as the providers stamp their jobs.
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        boolean interrupted = false;
        try (NexudusSimulator nexudus =
                        nexudus(listen(NexudusSimulator::start, 0).clock(clock), start);
                WixSimulator wix = wix(listen(WixSimulator::start, 1).clock(clock), start);
                AsanaSimulator asana = asana(listen(AsanaSimulator::start, 2).clock(clock), start)) {
            exports(nexudus, wix, asana);
            hint(nexudus, wix, asana);
            Thread hook = new Thread(this::stopAndWait, "jobstatus-simulate-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stop.await();
            } catch (InterruptedException e) {
                // Closing the servers waits for their threads: the interrupt is restored after.
                interrupted = true;
            } finally {
                removeHook(hook);
            }
        }
        context.err().println("jobstatus simulate: stopped");
        stopped.countDown();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return JobstatusCli.OK;
    }

    /** Ends the simulation: the simulators close and {@link #call()} returns. */
    void stop() {
        stop.countDown();
    }

    /** On Ctrl-C or SIGTERM: lets {@link #call()} close the simulators before the JVM halts. */
    private void stopAndWait() {
        stop();
        try {
            stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is what stopped us; it is running.
        }
    }

    /** Starts a simulator on {@code --port} plus {@code offset}, or on a free port. */
    private <S> S listen(IntFunction<S> start, int offset) {
        try {
            return start.apply(port == 0 ? 0 : port + offset);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(
                    e.getMessage()
                            + (port == 0 ? "" : " (--port " + port + " takes " + port + " to " + (port + 2) + ")"),
                    e);
        }
    }

    /** Six jobs: two completed, one failed, three running that complete within five minutes. */
    private static NexudusSimulator nexudus(NexudusSimulator api, Instant start) {
        api.acceptToken(NEXUDUS_TOKEN)
                .addJob(NEXUDUS_FIRST, "Completed")
                .addJob(NEXUDUS_FIRST + 1, "Completed")
                .addJob(NEXUDUS_FIRST + 2, "Failed")
                .addJob(NEXUDUS_FIRST + 3, "Running")
                .addJob(NEXUDUS_FIRST + 4, "Running")
                .addJob(NEXUDUS_FIRST + 5, "Queued");
        return api.changeJob(NEXUDUS_FIRST + 3, "Completed", start.plus(Duration.ofMinutes(1)))
                .changeJob(NEXUDUS_FIRST + 4, "Failed", start.plus(Duration.ofMinutes(3)))
                .changeJob(NEXUDUS_FIRST + 5, "Running", start.plus(Duration.ofSeconds(30)))
                .changeJob(NEXUDUS_FIRST + 5, "Completed", start.plus(Duration.ofMinutes(5)));
    }

    private static WixSimulator wix(WixSimulator api, Instant start) {
        return api.addJob(WIX_FINISHED, 120L, new Step("FINISHED", 108, 12))
                .items(WIX_FINISHED, 120)
                .addJob(WIX_FAILED, 40L, new Step("FAILED", 3, 37))
                .items(WIX_FAILED, 40)
                .addJob(WIX_RUNNING, 1200, start.plus(Duration.ofMinutes(2)));
    }

    private static AsanaSimulator asana(AsanaSimulator api, Instant start) {
        return api.addJob(ASANA_SUCCEEDED, "succeeded")
                .addJob(ASANA_FAILED, "failed")
                .addJob(ASANA_RUNNING, start.plus(Duration.ofMinutes(3)), "succeeded");
    }

    /** The lines for the shell, then the end of standard output: nothing else is written there. */
    private void exports(NexudusSimulator nexudus, WixSimulator wix, AsanaSimulator asana) {
        Map<String, String> exports = new LinkedHashMap<>();
        exports.put("NEXUDUS_BASE_URL", nexudus.baseUrl().toString());
        exports.put("NEXUDUS_TOKEN", NEXUDUS_TOKEN);
        exports.put("WIX_BASE_URL", wix.baseUrl().toString());
        exports.put("WIX_API_KEY", WixSimulator.API_KEY);
        exports.put("WIX_SITE_ID", WixSimulator.SITE_ID);
        exports.put("ASANA_BASE_URL", asana.baseUrl().toString());
        exports.put("ASANA_TOKEN", AsanaSimulator.TOKEN);
        exports.put(
                "JOBSTATUS_SIMULATE_PID", Long.toString(ProcessHandle.current().pid()));
        PrintStream out = context.out();
        // WIX_ACCOUNT_ID with WIX_SITE_ID is refused as ambiguous; every other credential is overridden below.
        out.println("unset WIX_ACCOUNT_ID");
        exports.forEach((name, value) -> out.println("export " + name + "=" + quoted(value)));
        out.close();
    }

    /** {@code value} as one shell word: in single quotes unless it needs none. */
    static String quoted(String value) {
        return value.matches("[A-Za-z0-9_./:@%+=,-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    private void hint(NexudusSimulator nexudus, WixSimulator wix, AsanaSimulator asana) {
        PrintStream err = context.err();
        err.println("jobstatus simulate: serving Nexudus at " + nexudus.baseUrl() + ", Wix at " + wix.baseUrl()
                + ", Asana at " + asana.baseUrl());
        err.println("  nexudus jobs " + NEXUDUS_FIRST + "-" + (NEXUDUS_FIRST + 5) + ": " + NEXUDUS_FIRST + " and "
                + (NEXUDUS_FIRST + 1) + " completed, " + (NEXUDUS_FIRST + 2) + " failed, " + (NEXUDUS_FIRST + 3)
                + " completes in 1 minute, " + (NEXUDUS_FIRST + 4) + " fails in 3, " + (NEXUDUS_FIRST + 5)
                + " completes in 5");
        err.println("  wix jobs " + WIX_FINISHED + " finished (120 items), " + WIX_FAILED + " failed (40 items), "
                + WIX_RUNNING + " finishes in 2 minutes");
        err.println("  asana jobs " + ASANA_SUCCEEDED + " succeeded, " + ASANA_FAILED + " failed, " + ASANA_RUNNING
                + " succeeds in 3 minutes");
        err.println("  try: jobstatus nexudus list; jobstatus wix items " + WIX_FINISHED + "; jobstatus asana wait "
                + ASANA_RUNNING);
        err.println("  stop: Ctrl-C, or kill " + ProcessHandle.current().pid());
    }
}
