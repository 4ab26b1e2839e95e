package dev.jobstatus.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and scenario and writes {@code benchmarks/RESULTS.md}: run from the repository root with
 * {@code java -jar benchmarks/target/benchmarks.jar [output-file]}.
 */
public final class RunAll {
    private RunAll() {}

    /**
     * How big a run is: the full run behind RESULTS.md, or a smoke run that exercises every benchmark and scenario
     * at the smallest size (for the test suite; its numbers mean nothing).
     */
    record Config(
            boolean smoke,
            int forks,
            int warmups,
            int iterations,
            TimeValue time,
            long listing,
            long smallHeapListing,
            int jobs,
            List<Duration> intervals,
            int pages,
            int rounds,
            int calls,
            int pagesPerBlock,
            List<Integer> watchedJobs,
            int watchedAsanaJobs) {
        static final Config FULL = new Config(
                false,
                3,
                3,
                5,
                TimeValue.seconds(1),
                100_000,
                1_000_000,
                10_000,
                List.of(Duration.ofSeconds(5), Duration.ofMillis(500)),
                20,
                10,
                2000,
                100,
                List.of(100, 1_000, 10_000),
                300);
        static final Config SMOKE = new Config(
                true,
                0,
                1,
                1,
                TimeValue.milliseconds(100),
                3_000,
                5_000,
                200,
                List.of(Duration.ofMillis(300)),
                3,
                1,
                20,
                2,
                List.of(20),
                10);
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        List<String> rest =
                List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        Path output = Path.of(rest.isEmpty() ? "benchmarks/RESULTS.md" : rest.get(0));
        String md = run(smoke ? Config.SMOKE : Config.FULL);
        Files.writeString(output, md);
        System.out.println(md);
    }

    /** Runs everything and returns the report. */
    static String run(Config config) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append(
                        "Written by `java -jar benchmarks/target/benchmarks.jar` (after `./mvnw -B -q -DskipTests package`), ")
                .append(LocalDate.now())
                .append(".\n\n");
        md.append("Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .append(" MiB max heap, Java ")
                .append(System.getProperty("java.version"))
                .append(" (")
                .append(System.getProperty("java.vm.name"))
                .append("), ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append(
                        ". A shared, noisy machine: every figure is a ratio against a baseline measured in the same run ")
                .append("on the same loopback server.\n\n");

        Collection<RunResult> get = run(GetOverheadBenchmark.class, config);
        Map<String, Double> medians = new LinkedHashMap<>();
        Map<String, Double> allocations = new LinkedHashMap<>();
        for (RunResult r : get) {
            medians.put(name(r), r.getPrimaryResult().getStatistics().getPercentile(50));
            allocations.put(name(r), allocation(r));
        }
        md.append("## 1. Per-call overhead: `get()` vs raw OkHttp + Jackson (target: SDK median ≤ 1.25× raw)\n\n");
        md.append(
                        "| provider | SDK median µs | raw median µs | SDK / raw | target met | SDK B/call | raw B/call | SDK / raw bytes |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (String provider : new String[] {"nexudus", "wix", "asana"}) {
            double sdk = medians.get(provider + "Sdk");
            double raw = medians.get(provider + "Raw");
            double sdkBytes = allocations.get(provider + "Sdk");
            double rawBytes = allocations.get(provider + "Raw");
            md.append(String.format(
                    "| %s | %.1f | %.1f | %.2f× | %s | %.0f | %.0f | %.2f× |%n",
                    provider,
                    sdk,
                    raw,
                    sdk / raw,
                    sdk / raw <= 1.25 ? "yes" : "no",
                    sdkBytes,
                    rawBytes,
                    sdkBytes / rawBytes));
        }
        double timed = medians.getOrDefault("nexudusRawCallTimeout", Double.NaN);
        md.append(String.format(
                "%nLike for like: the raw baseline with the SDK's 60 s call timeout, which OkHttp keeps with Okio's "
                        + "watchdog thread, woken on each call (the SDK sets the same timeout on each call), took "
                        + "%.1f µs, so Nexudus SDK / timed raw = %.2f×, and the timeout alone costs %.2f× over the untimed raw call.%n",
                timed, medians.get("nexudusSdk") / timed, timed / medians.get("nexudusRaw")));
        md.append(String.format(
                "%nJMH sample time, %d fork(s), %d × %s warm-up, %d × %s measurement, one thread; bytes allocated "
                        + "per call from JMH's GC profiler (gc.alloc.rate.norm), a count that the machine's noise does not move.%n%n",
                config.forks(), config.warmups(), config.time(), config.iterations(), config.time()));
        md.append(String.format(
                "Interleaved, in one JVM: %d rounds of SDK, raw, raw, SDK blocks of %,d calls each, so that the "
                        + "machine's drift lands on both sides; wall time per call is the median block, CPU time the whole process's "
                        + "(every thread) per call over all blocks.%n%n",
                config.rounds(), config.calls()));
        md.append(
                        "| provider | SDK wall µs | raw wall µs | SDK / raw wall | SDK CPU µs | raw CPU µs | SDK / raw CPU |\n")
                .append("|---|---|---|---|---|---|---|\n");
        Interleaved.get(config.rounds(), config.calls())
                .forEach((provider, p) -> md.append(String.format(
                        "| %s | %.1f | %.1f | %.2f× | %.1f | %.1f | %.2f× |%n",
                        provider,
                        p.sdkWallUs(),
                        p.rawWallUs(),
                        p.wallRatio(),
                        p.sdkCpuUs(),
                        p.rawCpuUs(),
                        p.cpuRatio())));
        md.append(
                "\n\"Both untimed\" is the SDK built with `callTimeout(Duration.ZERO)` against the same raw call.\n\n");

        md.append("## 1a. Against the lean raw baseline (targets: ≤ 1.25× wall, calling-thread CPU and bytes)\n\n");
        md.append(
                        "The lean raw call is what a hand-written client does with the least work: a default `ObjectMapper` (no ")
                .append("modules), a plain record of strings and numbers, no call timeout, the SDK's own URL (Asana's ")
                .append(
                        "`opt_fields` included) and headers. The baseline of section 1 maps into the SDK's records with its ")
                .append("deserializers and timeouts, which hides part of the cost.\n\n");
        md.append(
                "| call | SDK median µs | lean median µs | wall | SDK B/call | lean B/call | bytes |\n|---|---|---|---|---|---|---|\n");
        for (String[] call : new String[][] {
            {"nexudus get", "nexudusSdk", "nexudusLean"},
            {"wix get", "wixSdk", "wixLean"},
            {"asana get", "asanaSdk", "asanaLean"},
            {"wix items page (50)", "wixItemsSdk", "wixItemsLean"}
        }) {
            md.append(String.format(
                    "| %s | %.1f | %.1f | %.2f× | %.0f | %.0f | %.2f× |%n",
                    call[0],
                    medians.get(call[1]),
                    medians.get(call[2]),
                    medians.get(call[1]) / medians.get(call[2]),
                    allocations.get(call[1]),
                    allocations.get(call[2]),
                    allocations.get(call[1]) / allocations.get(call[2])));
        }
        // One JVM's ratio moves by 10-20% with what its compilers made of the code, more than the gap measured: five
        // draws, not JMH's three, for a median that holds still.
        int leanForks = config.smoke() ? 1 : 5;
        md.append(
                        "\nThe JMH bytes above are the whole JVM's, the loopback server's threads included, which dilutes the ratio. ")
                .append(String.format(
                        "Interleaved (SDK, lean, lean, SDK blocks), each comparison in %d fresh JVMs of its own ",
                        leanForks))
                .append(
                        "against the loopback server in a JVM of its own, as an application calls an API; the calling thread's CPU ")
                .append(
                        "time and the bytes it allocated (the client's alone); each figure the median over the JVMs, and the ")
                .append(
                        "thread-CPU ratio of each JVM (what the compilers made of the code differs from JVM to JVM):\n\n")
                .append(
                        "| call | SDK wall µs | lean wall µs | wall | SDK thread CPU µs | lean thread CPU µs | thread CPU ")
                .append("| SDK thread B/call | lean thread B/call | thread bytes | thread CPU by JVM |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        Interleaved.lean(leanForks, config.rounds(), config.calls()).forEach((what, forks) -> {
            Interleaved.Pair p = Interleaved.median(forks);
            md.append(String.format(
                    "| %s | %.1f | %.1f | %.2f× | %.1f | %.1f | %.2f× | %.0f | %.0f | %.2f× | %s |%n",
                    what,
                    p.sdkWallUs(),
                    p.rawWallUs(),
                    p.wallRatio(),
                    p.sdkThreadCpuUs(),
                    p.rawThreadCpuUs(),
                    p.threadCpuRatio(),
                    p.sdkThreadBytes(),
                    p.rawThreadBytes(),
                    p.threadBytesRatio(),
                    String.join(
                            ", ",
                            forks.stream()
                                    .map(f -> String.format("%.2f×", f.threadCpuRatio()))
                                    .toList())));
        });
        int offlineCalls = config.smoke() ? config.calls() : Interleaved.OFFLINE_CALLS;
        md.append(
                        "\nWithout the network: the same comparisons, both clients on one OkHttp client whose interceptor answers each ")
                .append("request with the same body (`Interleaved offline`), in fresh JVMs, blocks of ")
                .append(String.format(
                        "%,d calls. What is left is each client's own work and OkHttp's call machinery, which ",
                        offlineCalls))
                .append("the loopback's system calls and wake-ups, moving from run to run, no longer drown:\n\n")
                .append(
                        "| call | SDK thread CPU µs | lean thread CPU µs | thread CPU | SDK thread B/call | lean thread B/call | thread bytes ")
                .append("| thread CPU by JVM |\n|---|---|---|---|---|---|---|---|\n");
        Interleaved.offline(leanForks, config.rounds(), offlineCalls).forEach((what, forks) -> {
            Interleaved.Pair p = Interleaved.median(forks);
            md.append(String.format(
                    "| %s | %.2f | %.2f | %.2f× | %.0f | %.0f | %.2f× | %s |%n",
                    what,
                    p.sdkThreadCpuUs(),
                    p.rawThreadCpuUs(),
                    p.threadCpuRatio(),
                    p.sdkThreadBytes(),
                    p.rawThreadBytes(),
                    p.threadBytesRatio(),
                    String.join(
                            ", ",
                            forks.stream()
                                    .map(f -> String.format("%.2f×", f.threadCpuRatio()))
                                    .toList())));
        });
        md.append("\n");

        md.append("## 1b. Listeners: `get()` with a `ClientListener`, against the default (none)\n\n");
        md.append("| listener | JMH median µs | default median µs | ratio | B/call | default B/call | ratio |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (String[] variant : new String[][] {
            {"observing no-op listener", "nexudusObservedSdk"},
            {"`JobstatusTelemetry`, OpenTelemetry API without SDK", "nexudusOpenTelemetrySdk"}
        }) {
            md.append(String.format(
                    "| %s | %.1f | %.1f | %.2f× | %.0f | %.0f | %.2f× |%n",
                    variant[0],
                    medians.get(variant[1]),
                    medians.get("nexudusSdk"),
                    medians.get(variant[1]) / medians.get("nexudusSdk"),
                    allocations.get(variant[1]),
                    allocations.get("nexudusSdk"),
                    allocations.get(variant[1]) / allocations.get("nexudusSdk")));
        }
        md.append("\nInterleaved in one JVM, each against the default SDK in alternating blocks:\n\n")
                .append(
                        "| listener | wall µs | default wall µs | ratio | CPU µs | default CPU µs | ratio |\n|---|---|---|---|---|---|---|\n");
        Interleaved.listeners(config.rounds(), config.calls())
                .forEach((what, p) -> md.append(String.format(
                        "| %s | %.1f | %.1f | %.3f× | %.1f | %.1f | %.3f× |%n",
                        what, p.sdkWallUs(), p.rawWallUs(), p.wallRatio(), p.sdkCpuUs(), p.rawCpuUs(), p.cpuRatio())));
        md.append("\n");

        ColdStart.Result cold = ColdStart.measure(config.smoke() ? 1 : 9);
        md.append("## 1c. Cold start: process start to the first job (target: ≤ 1.15× the lean raw client)\n\n");
        md.append(String.format(
                "Fresh JVMs, %d spawns a side, alternating; Asana `get` against the loopback server. Median from "
                        + "spawn to the job fetched: SDK %.0f ms, lean raw %.0f ms, **%.2f×**. Of which building the client "
                        + "(in the child): SDK %.0f ms, lean raw (`OkHttpClient` + `ObjectMapper`) %.0f ms.%n%n",
                cold.spawns(), cold.sdkMs(), cold.leanMs(), cold.ratio(), cold.sdkBuildMs(), cold.leanBuildMs()));
        ColdStart.Cli cli = ColdStart.cli(config.smoke() ? 1 : 20, null);
        md.append("CLI `jobstatus asana get` against the loopback server, median of ")
                .append(cli.runs())
                .append(" runs each, alternating: ")
                .append(
                        Double.isNaN(cli.launcherMs())
                                ? "not measured (build `cli` first)."
                                : String.format(
                                        "launcher `cli/target/jobstatus` %.0f ms, `java -jar cli/target/jobstatus.jar` %.0f ms, "
                                                + "a bare `java -Xshare:auto` hello-world %.0f ms: the launcher **%.2f×** the hello-world.",
                                        cli.launcherMs(), cli.plainJarMs(), cli.helloMs(), cli.launcherRatio()))
                .append("\n\n");

        Collection<RunResult> mapping = run(MappingBenchmark.class, config);
        Map<String, Double> ops = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        for (RunResult r : mapping) {
            ops.put(name(r), r.getPrimaryResult().getScore());
            errors.put(name(r), r.getPrimaryResult().getScoreError());
        }
        double ratio = ops.get("sdk") / ops.get("plainJackson");
        md.append("## 2. Mapping a 1,000-record Nexudus page (target: ≥ 0.95× plain Jackson throughput)\n\n");
        md.append(String.format(
                "| SDK pages/s | plain Jackson pages/s | SDK / plain | target met |%n|---|---|---|---|%n"
                        + "| %.0f%s | %.0f%s | %.3f× | %s |%n%n",
                ops.get("sdk"),
                plusMinus(errors.get("sdk")),
                ops.get("plainJackson"),
                plusMinus(errors.get("plainJackson")),
                ratio,
                ratio >= 0.95 ? "yes" : "no"));
        md.append("Scores ± JMH's 99.9% confidence half-width. ");
        Interleaved.Pair interleaved = Interleaved.mapping(config.rounds(), config.pagesPerBlock());
        md.append(String.format(
                "Interleaved in one JVM (%d rounds of SDK, plain, plain, SDK blocks of %d pages): a page takes "
                        + "%.0f µs with the SDK and %.0f µs with plain Jackson, SDK / plain throughput %.3f× by wall time and "
                        + "%.3f× by the process's CPU time. ",
                config.rounds(),
                config.pagesPerBlock(),
                interleaved.sdkWallUs(),
                interleaved.rawWallUs(),
                1 / interleaved.wallRatio(),
                1 / interleaved.cpuRatio()));
        md.append(
                        "The SDK's side includes what it does beyond databind: the client's zone for zoneless timestamps and a status ")
                .append("classification per job, made as each record is built.\n\n");

        Scenarios.Listing listing = Scenarios.listing(config.listing());
        md.append("## 3. Listing (target: exactly ceil(n/1000) requests; 1,000,000 records in -Xmx64m)\n\n");
        md.append(String.format(
                "- %,d records: %d page requests (ideal %d, ratio %.2f×), %.1f s, %,.0f records/s, "
                        + "peak heap %.0f MiB (whole JVM, simulator included).%n",
                listing.records(),
                listing.requests(),
                listing.idealRequests(),
                (double) listing.requests() / listing.idealRequests(),
                listing.seconds(),
                listing.records() / listing.seconds(),
                listing.peakHeapMiB()));
        Scenarios.SmallHeap small = Scenarios.listingUnderSmallHeap(config.smallHeapListing());
        md.append(String.format(
                "- %,d records in a JVM with `-Xmx64m`: %s — %,d records, %d requests, %.1f s (exit %d).%n%n",
                config.smallHeapListing(),
                small.verdict().equals("OK") ? "completed, every id seen once (checksum)" : small.verdict(),
                small.records(),
                small.requests(),
                small.seconds(),
                small.exitCode()));

        md.append(String.format(
                        "## 4. Polling at scale: %,d concurrent async waits (targets: ≤ 8 SDK threads, ≤ 64 MB heap, ",
                        config.jobs()))
                .append("completion within one poll interval of the job turning terminal)\n\n");
        md.append(
                        "| poll interval | done in | failed | SDK threads (max) | with OkHttp helpers (max) | client heap peak (own JVM, -Xmx64m) "
                                + "| requests / ideal polls | lag median | lag max | max lag / interval |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Duration interval : config.intervals()) {
            Scenarios.Polling polling = Scenarios.polling(config.jobs(), interval);
            md.append(String.format(
                    "| %.0f ms | %.1f s | %d | %d | %d | %.0f MiB | %d / %d = %.2f× | %.0f ms | %.0f ms | %.2f× |%n",
                    polling.intervalMs(),
                    polling.seconds(),
                    polling.failures(),
                    polling.maxSdkThreads(),
                    polling.maxWithHelpers(),
                    polling.peakHeapMiB(),
                    polling.requests(),
                    polling.idealRequests(),
                    (double) polling.requests() / polling.idealRequests(),
                    polling.medianLagMs(),
                    polling.maxLagMs(),
                    polling.maxLagMs() / polling.intervalMs()));
        }
        md.append("\nJobs finish one to three intervals after the start; the lag runs from that moment to the future ")
                .append(
                        "completing. \"Ideal polls\" assumes every wait's first poll at the start and then one per interval; ")
                .append("waits started later need fewer. ")
                .append(
                        "SDK threads are the ones its factories started (HTTP workers, the timer), counted by identity since ")
                .append(
                        "OkHttp renames a worker while it runs a call; OkHttp's JVM-wide helpers (task runners, connection closer, ")
                .append("Okio watchdog) are started from them and idle out by themselves.\n\n");

        Scenarios.Pacing pacing = Scenarios.pacing(config.pages());
        md.append("## 5. Rate-limit pacing: " + config.pages()
                        + " pages from the Nexudus simulator enforcing 1 request per 100 ms ")
                .append(
                        "(targets: zero 409s with the default limiter; wall time ≤ 1.2× the 100 ms × requests floor)\n\n");
        md.append(String.format(
                "- %d requests, %d throttled (409); %.2f s against a floor of %.2f s: %.2f×.%n",
                pacing.requests(),
                pacing.throttled(),
                pacing.seconds(),
                pacing.floorSeconds(),
                pacing.seconds() / pacing.floorSeconds()));
        int quotaPages = config.smoke() ? 2 : 13;
        SharedQuota.Result quota = SharedQuota.measure(quotaPages);
        md.append("\n## 6. Shared quota on Redis: ")
                .append(SharedQuota.PROCESSES)
                .append(" processes, one Nexudus account ")
                .append("(targets: zero 409s; ≥ 0.85× the quota's floor of 10 requests/s)\n\n");
        md.append(String.format(
                        "Each process lists %d pages through `RedisSharedState` from one simulator enforcing Nexudus's "
                                + "windows per account; the baseline is one client alone through the same Redis, in the same run.%n%n",
                        quotaPages))
                .append(
                        "| run | requests | requests/s | / quota floor (10/s) | / one client alone | 409s |\n|---|---|---|---|---|---|\n");
        md.append(String.format(
                "| one client alone | %d | %.2f | %.2f× | 1.00× | %d |%n",
                quota.alone().requests(),
                quota.alone().perSecond(),
                quota.alone().ofQuota(),
                quota.alone().throttled()));
        md.append(String.format(
                "| %d processes | %d | %.2f | %.2f× | %.2f× | %d |%n",
                SharedQuota.PROCESSES,
                quota.processes().requests(),
                quota.processes().perSecond(),
                quota.processes().ofQuota(),
                quota.processes().perSecond() / quota.alone().perSecond(),
                quota.processes().throttled()));
        md.append('\n').append(Watching.section(config.watchedJobs(), config.watchedAsanaJobs()));
        md.append(
                config.smoke()
                        ? "\n(Smoke run: every benchmark and scenario at its smallest size; the numbers mean nothing.)\n"
                        : """

                ## Reading these numbers

                - **Per-call overhead** is a few microseconds on a loopback call of 100-250 µs, at the edge of this
                  machine's noise: JMH medians of the same code have ranged from 0.75× to 1.51× between runs, and
                  section 1a's interleaved table (fresh JVMs, the server in a JVM of its own) is the figure to read.
                  Most of a loopback call is the kernel's and OkHttp's, the same for any client on OkHttp. The SDK's
                  timeouts are OkHttp's own (connect, read, write, and the call's deadline as its call timeout), as
                  the raw call of section 1 sets them; the lean call of section 1a sets none. Bytes allocated per
                  call, which noise does not move, are the figure the SDK's own work shows in (the typed records,
                  headers, the request id, the retry bookkeeping).
                - **Mapping**: an early run measured the SDK at 0.64× plain Jackson, because the default Nexudus status
                  classifier compiled a regex for each record; it now normalises each distinct status once. Nexudus
                  timestamps (two a record) are read by the SDK's one `Instant` reader on both sides (the baseline reads
                  into the same records). Each record is read by plain Jackson and then given its state with
                  `withState`, one small copy a record, traded for leaving Jackson's internals alone. JMH runs the two sides minutes
                  apart, and on this machine its error bars are wide: the interleaved figure is the steadier one.
                - **Heap**: the listing figure is of the whole JVM, server included. The polling client runs in its own JVM
                  capped at 64 MiB, so its peak is the SDK's (10,000 futures and their jobs, garbage not yet collected
                  included; the cap bounds it, and the run completing under the cap is the result); the 1,000,000-record
                  listing runs in a 64 MiB JVM together with its page server, and completes.
                - **Polling at 500 ms** asks this machine for 20,000 requests a second; client and server share two cores
                  and serve about 3,500 a second, so polls fall behind the cadence and the lag grows past one interval.
                  At 5 s the same 10,000 waits keep to the cadence.
                """);
        return md.toString();
    }

    private static Collection<RunResult> run(Class<?> benchmark, Config config) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(benchmark.getName())
                .forks(config.forks())
                .warmupIterations(config.warmups())
                .warmupTime(config.time())
                .measurementIterations(config.iterations())
                .measurementTime(config.time())
                .threads(1)
                .addProfiler(GCProfiler.class)
                .build();
        return new Runner(options).run();
    }

    /** Returns the bytes allocated per operation, from the GC profiler. */
    @SuppressWarnings("rawtypes") // JMH declares its results map with the raw Result type
    private static double allocation(RunResult result) {
        return result.getSecondaryResults().entrySet().stream()
                .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                .mapToDouble(e -> e.getValue().getScore())
                .findFirst()
                .orElse(Double.NaN);
    }

    /** JMH's error half-width, which a single iteration (the smoke run) does not have. */
    private static String plusMinus(double error) {
        return Double.isFinite(error) ? String.format(" ± %.0f", error) : "";
    }

    private static String name(RunResult r) {
        String label = r.getParams().getBenchmark();
        return label.substring(label.lastIndexOf('.') + 1);
    }
}
