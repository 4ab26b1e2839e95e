package dev.jobstatus.benchmarks;

import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.redis.RedisSharedState;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.RedisServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * How much of one Nexudus quota (its floor: one request per 100 ms) clients sharing it through one Redis use: four
 * processes, and one client alone as the baseline of the same run. The rate is served requests over the span from
 * the first to the last, as the simulator timed them; the 409s are the simulator's count.
 */
final class SharedQuota {
    /** Nexudus's floor: one request per 100 ms. */
    static final double QUOTA_PER_SECOND = 10.0;

    static final int PROCESSES = 4;

    private SharedQuota() {}

    record Run(int requests, double perSecond, int throttled) {
        double ofQuota() {
            return perSecond / QUOTA_PER_SECOND;
        }
    }

    record Result(Run alone, Run processes) {}

    /** Measures one client alone, then {@link #PROCESSES} processes, each listing {@code pages} pages. */
    static Result measure(int pages) throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Run alone;
            try (NexudusSimulator simulator = NexudusSimulator.start().seed(300);
                    RedisSharedState shared = RedisSharedState.connect(redis.url());
                    NexudusClient nexudus =
                            SharedQuotaWorker.client(simulator.baseUrl().toString(), shared)) {
                ConcurrentLinkedQueue<Long> served = timed(simulator);
                SharedQuotaWorker.list(nexudus, pages);
                alone = run(simulator, served);
            }
            redis.cli("FLUSHALL");
            try (NexudusSimulator simulator = NexudusSimulator.start().seed(300)) {
                ConcurrentLinkedQueue<Long> served = timed(simulator);
                processes(simulator, redis, pages);
                return new Result(alone, run(simulator, served));
            }
        }
    }

    /** Starts the processes, lets them all list once each has built its client, and waits for them. */
    private static void processes(NexudusSimulator simulator, RedisServer redis, int pages) throws Exception {
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            workers.add(new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-cp",
                            System.getProperty("java.class.path"),
                            SharedQuotaWorker.class.getName(),
                            simulator.baseUrl().toString(),
                            redis.url(),
                            Integer.toString(pages))
                    .redirectErrorStream(true)
                    .start());
        }
        List<BufferedReader> outputs = new ArrayList<>();
        for (Process worker : workers) {
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = output.readLine()) != null && !line.equals(SharedQuotaWorker.READY)) {
                System.out.println(line);
            }
            outputs.add(output);
        }
        for (Process worker : workers) {
            worker.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
            worker.getOutputStream().close();
        }
        for (int i = 0; i < workers.size(); i++) {
            for (String line; (line = outputs.get(i).readLine()) != null; ) {
                System.out.println(line);
            }
            if (!workers.get(i).waitFor(5, TimeUnit.MINUTES) || workers.get(i).exitValue() != 0) {
                throw new IllegalStateException("a shared-quota worker failed");
            }
        }
    }

    private static ConcurrentLinkedQueue<Long> timed(NexudusSimulator simulator) {
        ConcurrentLinkedQueue<Long> served = new ConcurrentLinkedQueue<>();
        simulator.beforeEachListing(() -> served.add(System.nanoTime()));
        return served;
    }

    private static Run run(NexudusSimulator simulator, ConcurrentLinkedQueue<Long> served) {
        long first = served.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = served.stream().mapToLong(Long::longValue).max().orElseThrow();
        double perSecond = served.size() < 2 ? Double.NaN : (served.size() - 1) / ((last - first) / 1e9);
        return new Run(served.size(), perSecond, simulator.throttledCount());
    }
}
