package dev.jobstatus.benchmarks;

import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.NoDelayServerSockets;
import dev.jobstatus.testkit.Responses;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Whole-system scenarios, measured once each, with the ideal they are compared to. */
final class Scenarios {
    private Scenarios() {}

    record Listing(long records, long requests, long idealRequests, double seconds, double peakHeapMiB) {}

    /** Auto-pages {@code total} jobs from a synthetic listing with no pacing. */
    static Listing listing(long total) {
        try (MockWebServer server = Fixtures.syntheticListing(total);
                NexudusClient nexudus = NexudusClient.builder()
                        .baseUrl(server.url("/"))
                        .bearerToken("t")
                        .rateLimiter(RateLimiter.unlimited())
                        .build()) {
            long warmUp = nexudus.backgroundJobs().listAll(BackgroundJobQuery.all()).limit(2000).stream()
                    .count();
            int before = server.getRequestCount();
            Heap.resetPeak();
            long start = System.nanoTime();
            long count = nexudus.backgroundJobs().listAll(BackgroundJobQuery.all()).stream()
                    .count();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Listing(count, server.getRequestCount() - before, (total + 999) / 1000, seconds, Heap.peakMiB());
        }
    }

    record SmallHeap(String verdict, long records, double seconds, long requests, int exitCode) {}

    /** Runs {@link ListingUnderSmallHeap} in a fresh JVM with {@code -Xmx64m}. */
    static SmallHeap listingUnderSmallHeap(long total) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ListingUnderSmallHeap.class.getName(),
                        Long.toString(total))
                .redirectErrorStream(true)
                .start();
        String last = "";
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                last = line;
            }
        }
        int exit = process.waitFor();
        String[] parts = last.split(" ");
        if (exit != 0 || parts.length < 4) {
            return new SmallHeap("FAILED: " + last, 0, 0, 0, exit);
        }
        return new SmallHeap(
                parts[0], Long.parseLong(parts[1]), Double.parseDouble(parts[2]), Long.parseLong(parts[3]), exit);
    }

    private static final class Path {
        static java.nio.file.Path of(String first, String... more) {
            return java.nio.file.Path.of(first, more);
        }
    }

    record Polling(
            int jobs,
            long requests,
            long idealRequests,
            int maxSdkThreads,
            int maxWithHelpers,
            double peakHeapMiB,
            double medianLagMs,
            double maxLagMs,
            double intervalMs,
            double seconds,
            long failures,
            String raw) {}

    /**
     * Waits on {@code jobs} Wix jobs at once. The server runs here; the client runs in its own JVM limited to
     * {@code -Xmx64m}, so the heap it reports is the SDK's. Each job turns FINISHED one to three intervals after
     * the start; the lag runs from that moment to its future completing.
     */
    static Polling polling(int jobs, Duration interval) throws Exception {
        long intervalMs = interval.toMillis();
        long origin = System.currentTimeMillis() + 2_000; // leaves the child JVM time to start
        AtomicLong requests = new AtomicLong();
        MockWebServer server = NoDelayServerSockets.apply(new MockWebServer());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                String id = request.getUrl().pathSegments().get(3);
                int i = Integer.parseInt(id.substring(1));
                boolean done = System.currentTimeMillis() >= PollingClient.finishesAt(origin, intervalMs, i);
                return Responses.json(
                        200,
                        "{\"job\":{\"id\":\"" + id + "\",\"status\":\"" + (done ? "FINISHED" : "PROCESSING")
                                + "\",\"counts\":{\"total\":10,\"successCount\":" + (done ? 10 : 4)
                                + ",\"failCount\":0}}}");
            }
        });
        Fixtures.start(server);
        try {
            String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString();
            Process child = new ProcessBuilder(
                            javaBin,
                            "-Xmx64m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            PollingClient.class.getName(),
                            server.url("/").toString(),
                            Integer.toString(jobs),
                            Long.toString(intervalMs),
                            Long.toString(origin))
                    .redirectErrorStream(true)
                    .start();
            String result = "";
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("RESULT") || result.isEmpty()) {
                        result = line;
                    }
                }
            }
            int exit = child.waitFor();
            long ideal = 0;
            for (int i = 0; i < jobs; i++) {
                ideal += (long) Math.ceil(
                                (PollingClient.finishesAt(origin, intervalMs, i) - origin) / (double) intervalMs)
                        + 1;
            }
            String[] f = result.split(" ");
            if (exit != 0 || f.length < 8) {
                return new Polling(
                        jobs,
                        requests.get(),
                        ideal,
                        -1,
                        -1,
                        -1,
                        -1,
                        -1,
                        intervalMs,
                        -1,
                        jobs,
                        "exit " + exit + ": " + result);
            }
            return new Polling(
                    jobs,
                    requests.get(),
                    ideal,
                    Integer.parseInt(f[1]),
                    Integer.parseInt(f[2]),
                    Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]),
                    intervalMs,
                    Double.parseDouble(f[6]),
                    Long.parseLong(f[7]),
                    result);
        } finally {
            server.close();
        }
    }

    record Pacing(int pages, long requests, long throttled, double seconds, double floorSeconds) {}

    /** Lists {@code pages} pages of 1000 from the Nexudus simulator, which enforces 1 request per 100 ms, with the default limiter. */
    static Pacing pacing(int pages) {
        try (NexudusSimulator api = NexudusSimulator.start().seed(pages * 1000);
                NexudusClient nexudus = NexudusClient.builder()
                        .baseUrl(api.baseUrl())
                        .bearerToken("t")
                        .build()) {
            api.acceptToken("t");
            long start = System.nanoTime();
            long count = nexudus.backgroundJobs().listAll(BackgroundJobQuery.all()).stream()
                    .count();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (count != pages * 1000L) {
                throw new IllegalStateException("listed " + count);
            }
            long requests = api.requestCount();
            return new Pacing(pages, requests, requests - pages, seconds, pages * 0.1);
        }
    }
}
