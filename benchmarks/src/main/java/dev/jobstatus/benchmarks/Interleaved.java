package dev.jobstatus.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The SDK against its baseline measured in one JVM with the two alternating in short blocks (SDK, baseline,
 * baseline, SDK, ...), so that drift in the machine's load lands on both sides alike: {@code get()} against the
 * raw call, and page mapping against plain Jackson. Besides wall time it records the process's CPU time per
 * operation, which counts the SDK's work on every thread (a watchdog woken, say) but not the time spent waiting
 * for a busy core.
 */
final class Interleaved {
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Interleaved() {}

    /**
     * Per operation, in microseconds: wall time as the median over the blocks; the process's CPU time and the calling
     * thread's CPU time as the mean over all calls; and the bytes the calling thread allocated, the mean over all calls
     * (the server's threads left out, so the figure is the client's alone).
     */
    record Pair(
            double sdkWallUs,
            double rawWallUs,
            double sdkCpuUs,
            double rawCpuUs,
            double sdkThreadCpuUs,
            double rawThreadCpuUs,
            double sdkThreadBytes,
            double rawThreadBytes) {
        double threadBytesRatio() {
            return sdkThreadBytes / rawThreadBytes;
        }

        double threadCpuRatio() {
            return ratio(sdkThreadCpuUs, rawThreadCpuUs);
        }

        double wallRatio() {
            return ratio(sdkWallUs, rawWallUs);
        }

        double cpuRatio() {
            return ratio(sdkCpuUs, rawCpuUs);
        }

        /** Two sides too short for the clock to see (0 and 0 on a smoke run) are equal, not NaN. */
        private static double ratio(double sdk, double raw) {
            return sdk == 0 && raw == 0 ? 1.0 : sdk / raw;
        }
    }

    /** One comparison: the SDK's side and its baseline. */
    private record Side(String name, Callable<?> sdk, Callable<?> baseline) {}

    /** Measures each provider's pair: {@code rounds} rounds of two blocks each side, {@code calls} calls a block. */
    static Map<String, Pair> get(int rounds, int calls) throws Exception {
        return onGetBenchmark(
                rounds,
                calls,
                bench -> List.of(
                        new Side("nexudus", bench::nexudusSdk, bench::nexudusRaw),
                        new Side("nexudus, both untimed", bench::nexudusSdkUntimed, bench::nexudusRaw),
                        new Side("wix", bench::wixSdk, bench::wixRaw),
                        new Side("asana", bench::asanaSdk, bench::asanaRaw)));
    }

    /**
     * Measures {@code get()} with a listener against the default (no listener): an observing no-op listener, and
     * {@code JobstatusTelemetry} on OpenTelemetry's API with no SDK installed. In each pair the "raw" side is the
     * default SDK.
     */
    static Map<String, Pair> listeners(int rounds, int calls) throws Exception {
        return onGetBenchmark(
                rounds,
                calls,
                bench -> List.of(
                        new Side("observing no-op listener", bench::nexudusObservedSdk, bench::nexudusSdk),
                        new Side("OpenTelemetry API, no SDK", bench::nexudusOpenTelemetrySdk, bench::nexudusSdk)));
    }

    /**
     * Measures each provider's {@code get()} and a Wix items page against the lean raw baseline ({@link Lean}: a
     * default ObjectMapper, plain records, no call timeout, the same URLs), each comparison in {@code forks} fresh JVMs
     * of its own against a {@link LoopbackServer} in another JVM, as a user's application calls an API. A JVM's
     * compiled code differs from run to run (what the compilers inlined), so one JVM's ratio is one draw: the
     * result holds every fork's.
     */
    static Map<String, List<Pair>> lean(int forks, int rounds, int calls) throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            return leanForks(forks, rounds, calls, server.baseUrl());
        }
    }

    /**
     * As {@link #lean}, with both clients answered by an interceptor instead of a server
     * ({@link GetOverheadBenchmark#startOffline()}): the clients' own work a call, OkHttp's call machinery included,
     * without the loopback's system calls and wake-ups, whose cost moves more from run to run than the difference sought.
     */
    static Map<String, List<Pair>> offline(int forks, int rounds, int calls) throws Exception {
        return leanForks(forks, rounds, calls, OFFLINE);
    }

    private static final String OFFLINE = "offline";
    /** Calls a block offline: a call takes 10-50 µs there, against 200 µs on the loopback. */
    static final int OFFLINE_CALLS = 10_000;

    private static Map<String, List<Pair>> leanForks(int forks, int rounds, int calls, String baseUrl)
            throws Exception {
        Map<String, List<Pair>> byName = new LinkedHashMap<>();
        for (int fork = 0; fork < forks; fork++) {
            for (int side = 0; side < LEAN_SIDES; side++) {
                String[] result = leanChild(side, rounds, calls, baseUrl).split("\t");
                double[] v = new double[8];
                for (int i = 0; i < 8; i++) {
                    v[i] = Double.parseDouble(result[i + 2]);
                }
                byName.computeIfAbsent(result[1], k -> new ArrayList<>())
                        .add(new Pair(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
            }
        }
        return byName;
    }

    /** Each figure's median over {@code forks}. */
    static Pair median(List<Pair> forks) {
        List<double[]> rows = new ArrayList<>();
        for (Pair p : forks) {
            rows.add(new double[] {
                p.sdkWallUs(),
                p.rawWallUs(),
                p.sdkCpuUs(),
                p.rawCpuUs(),
                p.sdkThreadCpuUs(),
                p.rawThreadCpuUs(),
                p.sdkThreadBytes(),
                p.rawThreadBytes()
            });
        }
        return new Pair(
                median(rows, 0),
                median(rows, 1),
                median(rows, 2),
                median(rows, 3),
                median(rows, 4),
                median(rows, 5),
                median(rows, 6),
                median(rows, 7));
    }

    private static final int LEAN_SIDES = 4;

    private static List<Side> leanSides(GetOverheadBenchmark bench) {
        return List.of(
                new Side("nexudus get", bench::nexudusSdk, bench::nexudusLean),
                new Side("wix get", bench::wixSdk, bench::wixLean),
                new Side("asana get", bench::asanaSdk, bench::asanaLean),
                new Side("wix items page (50)", bench::wixItemsSdk, bench::wixItemsLean));
    }

    /** Runs one lean comparison in a new JVM; returns its "pair" line. */
    private static String leanChild(int side, int rounds, int calls, String baseUrl) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Interleaved.class.getName(),
                        "lean-side",
                        String.valueOf(side),
                        String.valueOf(rounds),
                        String.valueOf(calls),
                        baseUrl)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String pair = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("pair\t")) {
                    pair = line;
                }
            }
        }
        int exit = child.waitFor();
        if (pair == null || exit != 0) {
            throw new IOException("lean comparison " + side + " exited " + exit + " without a result");
        }
        return pair;
    }

    /** The child of {@link #leanChild}: measures one comparison and prints its "pair" line. */
    private static void leanSide(int side, int rounds, int calls, String baseUrl) throws Exception {
        GetOverheadBenchmark bench = new GetOverheadBenchmark();
        if (baseUrl.equals(OFFLINE)) {
            bench.startOffline();
        } else {
            bench.start(baseUrl);
        }
        try {
            Side measured = leanSides(bench).get(side);
            Pair p = measure(measured.sdk(), measured.baseline(), rounds, calls);
            System.out.printf(
                    Locale.ROOT,
                    "pair\t%s\t%f\t%f\t%f\t%f\t%f\t%f\t%f\t%f%n",
                    measured.name(),
                    p.sdkWallUs(),
                    p.rawWallUs(),
                    p.sdkCpuUs(),
                    p.rawCpuUs(),
                    p.sdkThreadCpuUs(),
                    p.rawThreadCpuUs(),
                    p.sdkThreadBytes(),
                    p.rawThreadBytes());
        } finally {
            bench.stop();
        }
    }

    /** Starts one {@link GetOverheadBenchmark}, measures each of its {@code sides} in turn, and stops it. */
    private static Map<String, Pair> onGetBenchmark(
            int rounds, int calls, java.util.function.Function<GetOverheadBenchmark, List<Side>> sides)
            throws Exception {
        GetOverheadBenchmark bench = new GetOverheadBenchmark();
        bench.start();
        try {
            Map<String, Pair> pairs = new LinkedHashMap<>();
            for (Side side : sides.apply(bench)) {
                pairs.put(side.name(), measure(side.sdk(), side.baseline(), rounds, calls));
            }
            return pairs;
        } finally {
            bench.stop();
        }
    }

    /** Measures mapping a 1,000-record page: {@code rounds} rounds of two blocks each side, {@code pages} a block. */
    static Pair mapping(int rounds, int pages) throws Exception {
        MappingBenchmark bench = new MappingBenchmark();
        bench.prepare();
        return measure(bench::sdk, bench::plainJackson, rounds, pages);
    }

    private static Pair measure(Callable<?> sdk, Callable<?> raw, int rounds, int calls) throws Exception {
        for (int i = 0; i < 3; i++) { // warm-up: let both sides compile
            block(sdk, calls);
            block(raw, calls);
        }
        List<double[]> sdkBlocks = new ArrayList<>();
        List<double[]> rawBlocks = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            sdkBlocks.add(block(sdk, calls));
            rawBlocks.add(block(raw, calls));
            rawBlocks.add(block(raw, calls));
            sdkBlocks.add(block(sdk, calls));
        }
        // The process CPU clock ticks coarsely (10 ms here), so process CPU time is summed over every block, not
        // medianed. The calling thread's CPU clock counts nanoseconds, so it takes the median like wall time: a block
        // that shared its core with a neighbour's burst does not move it.
        return new Pair(
                median(sdkBlocks, 0),
                median(rawBlocks, 0),
                mean(sdkBlocks, 1),
                mean(rawBlocks, 1),
                median(sdkBlocks, 2),
                median(rawBlocks, 2),
                mean(sdkBlocks, 3),
                mean(rawBlocks, 3));
    }

    /** Returns {wall µs, process CPU µs, calling thread's CPU µs, calling thread's bytes} per call for one block. */
    private static double[] block(Callable<?> call, int calls) throws Exception {
        long cpu = processCpuNanos();
        long threadCpu = THREADS.getCurrentThreadCpuTime();
        long bytes = allocatedBytes();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            if (call.call() == null) {
                throw new IllegalStateException("a call returned null");
            }
        }
        long wall = System.nanoTime() - start;
        return new double[] {
            wall / 1e3 / calls,
            (processCpuNanos() - cpu) / 1e3 / calls,
            (THREADS.getCurrentThreadCpuTime() - threadCpu) / 1e3 / calls,
            (allocatedBytes() - bytes) / (double) calls
        };
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) THREADS)
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(List<double[]> blocks, int column) {
        double[] values = blocks.stream().mapToDouble(b -> b[column]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double mean(List<double[]> blocks, int column) {
        return blocks.stream().mapToDouble(b -> b[column]).average().orElse(Double.NaN);
    }

    /** Runs the measurements alone: {@code java -cp benchmarks.jar dev.jobstatus.benchmarks.Interleaved}. */
    public static void main(String[] args) throws Exception {
        if (args.length == 5 && args[0].equals("lean-side")) {
            leanSide(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
            System.exit(0);
        }
        boolean offline = List.of(args).contains(OFFLINE);
        if (offline || List.of(args).contains("lean")) {
            (offline ? offline(5, 10, OFFLINE_CALLS) : lean(5, 10, 2000)).forEach((what, forks) -> {
                Pair p = median(forks);
                System.out.printf(
                        "%s wall %.1f/%.1f = %.3fx thread cpu %.1f/%.1f = %.3fx thread bytes %.0f/%.0f = %.3fx; "
                                + "thread cpu by JVM %s%n",
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
                        forks.stream()
                                .map(f -> String.format("%.3fx", f.threadCpuRatio()))
                                .toList());
            });
            return;
        }
        if (List.of(args).contains("listeners")) {
            listeners(10, 2000)
                    .forEach((what, p) -> System.out.printf(
                            "%s wall %.1f/%.1f = %.3fx cpu %.1f/%.1f = %.3fx%n",
                            what,
                            p.sdkWallUs(),
                            p.rawWallUs(),
                            p.wallRatio(),
                            p.sdkCpuUs(),
                            p.rawCpuUs(),
                            p.cpuRatio()));
            return;
        }
        Pair mapping = mapping(10, 100);
        System.out.printf(
                "mapping wall %.0f/%.0f = %.3fx cpu %.0f/%.0f = %.3fx%n",
                mapping.sdkWallUs(),
                mapping.rawWallUs(),
                mapping.wallRatio(),
                mapping.sdkCpuUs(),
                mapping.rawCpuUs(),
                mapping.cpuRatio());
        get(10, 2000)
                .forEach((provider, p) -> System.out.printf(
                        "%s wall %.1f/%.1f = %.2fx cpu %.1f/%.1f = %.2fx%n",
                        provider,
                        p.sdkWallUs(),
                        p.rawWallUs(),
                        p.wallRatio(),
                        p.sdkCpuUs(),
                        p.rawCpuUs(),
                        p.cpuRatio()));
    }
}
