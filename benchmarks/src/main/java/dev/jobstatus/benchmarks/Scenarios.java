package dev.jobstatus.benchmarks;

import dev.jobstatus.core.JobState;
import dev.jobstatus.core.PollPolicy;
import dev.jobstatus.core.RateLimiter;
import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.NoDelayServerSockets;
import dev.jobstatus.wix.WixClient;
import dev.jobstatus.wix.model.AsyncJob;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Whole-system scenarios, measured once each, with the ideal they are compared to. */
final class Scenarios {
    private Scenarios() {
    }

    record Listing(long records, long requests, long idealRequests, double seconds, double peakHeapMiB) { }

    /** Auto-pages {@code total} jobs from a synthetic listing with no pacing. */
    static Listing listing(long total) {
        try (MockWebServer server = Fixtures.syntheticListing(total);
             NexudusClient nexudus = NexudusClient.builder().baseUrl(server.url("/")).bearerToken("t")
                     .rateLimiter(RateLimiter.unlimited()).build()) {
            nexudus.backgroundJobs().listAll(BackgroundJobQuery.all()).limit(2000).stream().count(); // warm-up
            int before = server.getRequestCount();
            Heap.resetPeak();
            long start = System.nanoTime();
            long count = nexudus.backgroundJobs().listAll(BackgroundJobQuery.all()).stream().count();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Listing(count, server.getRequestCount() - before, (total + 999) / 1000, seconds, Heap.peakMiB());
        }
    }

    record SmallHeap(String verdict, long records, double seconds, long requests, int exitCode) { }

    /** Runs {@link ListingUnderSmallHeap} in a fresh JVM with {@code -Xmx64m}. */
    static SmallHeap listingUnderSmallHeap(long total) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                ListingUnderSmallHeap.class.getName(), Long.toString(total)).redirectErrorStream(true).start();
        String last = "";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                last = line;
            }
        }
        int exit = process.waitFor();
        String[] parts = last.split(" ");
        if (exit != 0 || parts.length < 4) {
            return new SmallHeap("FAILED: " + last, 0, 0, 0, exit);
        }
        return new SmallHeap(parts[0], Long.parseLong(parts[1]), Double.parseDouble(parts[2]), Long.parseLong(parts[3]), exit);
    }

    private static final class Path {
        static java.nio.file.Path of(String first, String... more) {
            return java.nio.file.Path.of(first, more);
        }
    }

    record Polling(int jobs, long requests, long idealRequests, int maxSdkThreads, int maxWithHelpers, double peakHeapMiB,
                   double medianLagMs, double maxLagMs, double intervalMs, double seconds, long failures) { }

    /**
     * Waits on {@code jobs} Wix jobs at once. Each job turns FINISHED at its own moment, one to three intervals
     * after the start; the server counts polls. The lag is the time from a job turning terminal to its future completing.
     */
    static Polling polling(int jobs, Duration interval) throws Exception {
        long origin = System.nanoTime();
        Map<String, Long> finishesAt = new ConcurrentHashMap<>();
        for (int i = 0; i < jobs; i++) {
            // Each job finishes between one and three intervals after the start.
            finishesAt.put("j" + i, origin + interval.toNanos() + (i * 7919L % 1000) * 2 * interval.toNanos() / 1000);
        }
        AtomicLong requests = new AtomicLong();
        MockWebServer server = NoDelayServerSockets.apply(new MockWebServer());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                String id = request.getUrl().pathSegments().get(3);
                boolean done = System.nanoTime() >= finishesAt.get(id);
                return Fixtures.json("{\"job\":{\"id\":\"" + id + "\",\"status\":\"" + (done ? "FINISHED" : "PROCESSING")
                        + "\",\"counts\":{\"total\":10,\"successCount\":" + (done ? 10 : 4) + ",\"failCount\":0}}}");
            }
        });
        Fixtures.start(server);
        PollPolicy policy = PollPolicy.builder().initialInterval(interval).multiplier(1).jitter(0).timeout(Duration.ofMinutes(2)).build();
        AtomicInteger maxThreads = new AtomicInteger();
        AtomicInteger maxWithHelpers = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxThreads.accumulateAndGet(dev.jobstatus.core.internal.Threads.liveThreads(), Math::max);
                maxWithHelpers.accumulateAndGet(dev.jobstatus.core.internal.Threads.liveThreadsWithLibraryHelpers(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<Double> lags = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        try (WixClient wix = WixClient.builder().baseUrl(server.url("/")).accessToken("t").rateLimiter(RateLimiter.unlimited())
                .build()) {
            Heap.resetPeak();
            sampler.start();
            long start = System.nanoTime();
            List<CompletableFuture<AsyncJob>> waits = new ArrayList<>(jobs);
            for (int i = 0; i < jobs; i++) {
                String id = "j" + i;
                waits.add(wix.asyncJobs().waiter(id).policy(policy).awaitAsync().whenComplete((job, error) -> {
                    if (error != null || job.state() != JobState.SUCCEEDED) {
                        failures.incrementAndGet();
                    } else {
                        lags.add((System.nanoTime() - finishesAt.get(id)) / 1e6);
                    }
                }));
            }
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(5, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            sampler.join();
            long ideal = 0;
            for (long at : finishesAt.values()) {
                // Polls at 0, i, 2i, ... until the first one at or after the job finished.
                ideal += (long) Math.ceil((at - origin) / (double) interval.toNanos()) + 1;
            }
            List<Double> sorted = new ArrayList<>(lags);
            sorted.sort(null);
            return new Polling(jobs, requests.get(), ideal, maxThreads.get(), maxWithHelpers.get(), Heap.peakMiB(),
                    sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2),
                    sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1), interval.toMillis(), seconds, failures.get());
        } finally {
            server.close();
        }
    }


    record Pacing(int pages, long requests, long throttled, double seconds, double floorSeconds) { }

    /** Lists {@code pages} pages of 1000 from the Nexudus simulator, which enforces 1 request per 100 ms, with the default limiter. */
    static Pacing pacing(int pages) {
        try (NexudusSimulator api = NexudusSimulator.start().seed(pages * 1000);
             NexudusClient nexudus = NexudusClient.builder().baseUrl(api.baseUrl()).bearerToken("t").build()) {
            api.acceptToken("t");
            long start = System.nanoTime();
            long count = nexudus.backgroundJobs().listAll(BackgroundJobQuery.all()).stream().count();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (count != pages * 1000L) {
                throw new IllegalStateException("listed " + count);
            }
            long requests = api.requestCount();
            return new Pacing(pages, requests, requests - pages, seconds, pages * 0.1);
        }
    }
}
