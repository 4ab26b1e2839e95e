package dev.jobstatus.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private RunAll() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "benchmarks/RESULTS.md");
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Written by `java -jar benchmarks/target/benchmarks.jar` (after `mvn -B -q -DskipTests package`), ")
                .append(LocalDate.now()).append(".\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB max heap, Java ")
                .append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.name"))
                .append("), ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(". A shared, noisy machine: every figure is a ratio against a baseline measured in the same run ")
                .append("on the same loopback server.\n\n");

        Collection<RunResult> get = run(GetOverheadBenchmark.class);
        Map<String, Double> medians = new LinkedHashMap<>();
        for (RunResult r : get) {
            medians.put(name(r), r.getPrimaryResult().getStatistics().getPercentile(50));
        }
        md.append("## 1. Per-call overhead: `get()` vs raw OkHttp + Jackson (target: SDK median ≤ 1.10× raw)\n\n");
        md.append("| provider | SDK median µs | raw median µs | SDK / raw | target met |\n|---|---|---|---|---|\n");
        for (String provider : new String[] {"nexudus", "wix", "asana"}) {
            double sdk = medians.get(provider + "Sdk");
            double raw = medians.get(provider + "Raw");
            md.append(String.format("| %s | %.1f | %.1f | %.2f× | %s |%n", provider, sdk, raw, sdk / raw, sdk / raw <= 1.10 ? "yes" : "no"));
        }
        md.append("\nJMH sample time, 1 fork, 3 × 2 s warm-up, 5 × 2 s measurement, one thread.\n\n");

        Collection<RunResult> mapping = run(MappingBenchmark.class);
        Map<String, Double> ops = new LinkedHashMap<>();
        for (RunResult r : mapping) {
            ops.put(name(r), r.getPrimaryResult().getScore());
        }
        double ratio = ops.get("sdk") / ops.get("plainJackson");
        md.append("## 2. Mapping a 1,000-record Nexudus page (target: ≥ 0.95× plain Jackson throughput)\n\n");
        md.append(String.format("| SDK pages/s | plain Jackson pages/s | SDK / plain | target met |%n|---|---|---|---|%n| %.0f | %.0f | %.2f× | %s |%n%n",
                ops.get("sdk"), ops.get("plainJackson"), ratio, ratio >= 0.95 ? "yes" : "no"));
        md.append("The SDK's side includes what it does beyond databind: the client's zone for zoneless timestamps and a status ")
                .append("classification (a copied record) per job.\n\n");

        Scenarios.Listing listing = Scenarios.listing(100_000);
        md.append("## 3. Listing (target: exactly ceil(n/1000) requests; 1,000,000 records in -Xmx64m)\n\n");
        md.append(String.format("- 100,000 records: %d page requests (ideal %d, ratio %.2f×), %.1f s, %,.0f records/s, "
                        + "peak heap %.0f MiB (whole JVM, simulator included).%n",
                listing.requests(), listing.idealRequests(), (double) listing.requests() / listing.idealRequests(),
                listing.seconds(), listing.records() / listing.seconds(), listing.peakHeapMiB()));
        Scenarios.SmallHeap small = Scenarios.listingUnderSmallHeap(1_000_000);
        md.append(String.format("- 1,000,000 records in a JVM with `-Xmx64m`: %s — %,d records, %d requests, %.1f s (exit %d).%n%n",
                small.verdict().equals("OK") ? "completed, every id seen once (checksum)" : small.verdict(),
                small.records(), small.requests(), small.seconds(), small.exitCode()));

        md.append("## 4. Polling at scale: 10,000 concurrent async waits (targets: ≤ 8 SDK threads, ≤ 64 MB heap, ")
                .append("completion within one poll interval of the job turning terminal)\n\n");
        md.append("| poll interval | done in | failed | SDK threads (max) | with OkHttp helpers (max) | peak heap (whole JVM) | requests / ideal polls | lag median | lag max | max lag / interval |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Duration interval : new Duration[] {Duration.ofSeconds(5), Duration.ofMillis(500)}) {
            Scenarios.Polling polling = Scenarios.polling(10_000, interval);
            md.append(String.format("| %.0f ms | %.1f s | %d | %d | %d | %.0f MiB | %d / %d = %.2f× | %.0f ms | %.0f ms | %.2f× |%n",
                    polling.intervalMs(), polling.seconds(), polling.failures(), polling.maxSdkThreads(), polling.maxWithHelpers(),
                    polling.peakHeapMiB(),
                    polling.requests(), polling.idealRequests(), (double) polling.requests() / polling.idealRequests(),
                    polling.medianLagMs(), polling.maxLagMs(), polling.maxLagMs() / polling.intervalMs()));
        }
        md.append("\nJobs finish one to three intervals after the start; the lag runs from that moment to the future ")
                .append("completing. \"Ideal polls\" assumes every wait's first poll at the start and then one per interval; ")
                .append("waits started later need fewer. ")
                .append("SDK threads are the ones its factories started (HTTP workers, the timer), counted by identity since ")
                .append("OkHttp renames a worker while it runs a call; OkHttp's JVM-wide helpers (task runners, connection closer, ")
                .append("Okio watchdog) are started from them and idle out by themselves.\n\n");

        Scenarios.Pacing pacing = Scenarios.pacing(20);
        md.append("## 5. Rate-limit pacing: 20 pages from the Nexudus simulator enforcing 1 request per 100 ms ")
                .append("(targets: zero 409s with the default limiter; wall time ≤ 1.2× the 100 ms × requests floor)\n\n");
        md.append(String.format("- %d requests, %d throttled (409); %.2f s against a floor of %.2f s: %.2f×.%n",
                pacing.requests(), pacing.throttled(), pacing.seconds(), pacing.floorSeconds(), pacing.seconds() / pacing.floorSeconds()));
        md.append("""

                ## Reading these numbers

                - **Per-call overhead is inside this machine's noise.** Two earlier runs on the same machine and code gave
                  nexudus 1.19× / wix 0.89× / asana 1.02×, then nexudus 0.87× / wix 1.19× / asana 1.03×: the ratio of one
                  provider swings by ±20% from run to run, and the providers share every line of transport code. One fork of
                  10 s cannot resolve a 10% target on a shared 2-core machine; what would: several interleaved forks, or
                  instruction counts (callgrind) instead of time. The SDK's extra work per call over the raw baseline is
                  small and known: building the URL and headers, the retry/limiter bookkeeping, and (Nexudus) one record
                  copy for the derived state.
                - **Mapping**: an earlier run measured the SDK at 0.64× plain Jackson. Part of it was real: the default
                  Nexudus status classifier normalised each status with `String.replaceAll`, compiling a regex for each of
                  the 1,000 records of a page; it now normalises each distinct status once. The remaining extra work is one
                  record copy per job to attach its state.
                - **Heap** figures are of the whole JVM, with the loopback server, its JSON and MockWebServer's buffers in
                  it; the SDK's own share is not isolated here (a server in another process would). The 1,000,000-record
                  run in a 64 MiB JVM holds the server too, and completes.
                - **Polling at 500 ms** asks this machine for 20,000 requests a second; client and server share two cores
                  and serve about 3,500 a second, so polls fall behind the cadence and the lag grows past one interval.
                  At 5 s the same 10,000 waits keep to the cadence.
                """);
        Files.writeString(output, md.toString());
        System.out.println(md);
    }

    private static Collection<RunResult> run(Class<?> benchmark) throws RunnerException {
        Options options = new OptionsBuilder().include(benchmark.getSimpleName()).forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2)).threads(1).build();
        return new Runner(options).run();
    }

    private static String name(RunResult r) {
        String label = r.getParams().getBenchmark();
        return label.substring(label.lastIndexOf('.') + 1);
    }

    static void write(Path path, String text) throws IOException {
        Files.writeString(path, text);
    }
}
