package dev.jobstatus.benchmarks;

import dev.jobstatus.core.internal.transport.Threads;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.wix.WixClient;
import dev.jobstatus.wix.model.AsyncJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of the polling scenario, run in its own JVM (with {@code -Xmx64m}) so its heap is the SDK's
 * alone. Arguments: base URL, jobs, interval ms, origin (epoch ms). Prints one {@code RESULT} line.
 */
public final class PollingClient {
    private PollingClient() {}

    /** When job {@code i} finishes: one to three intervals after the origin. Shared with the server side. */
    static long finishesAt(long originMillis, long intervalMillis, int i) {
        return originMillis + intervalMillis + (i * 7919L % 1000) * 2 * intervalMillis / 1000;
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int jobs = Integer.parseInt(args[1]);
        long interval = Long.parseLong(args[2]);
        long origin = Long.parseLong(args[3]);
        PollPolicy policy = PollPolicy.builder()
                .initialInterval(Duration.ofMillis(interval))
                .multiplier(1)
                .jitter(0)
                .timeout(Duration.ofMinutes(2))
                .build();
        AtomicInteger maxThreads = new AtomicInteger();
        AtomicInteger maxWithHelpers = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxThreads.accumulateAndGet(Threads.liveThreads(), Math::max);
                maxWithHelpers.accumulateAndGet(Threads.liveThreadsWithLibraryHelpers(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        Thread.sleep(Math.max(0, origin - System.currentTimeMillis())); // every wait starts at the common origin
        AtomicLong failures = new AtomicLong();
        Heap.resetPeak();
        sampler.start();
        long start = System.nanoTime();
        try (WixClient wix = WixClient.builder()
                .baseUrl(url)
                .accessToken("t")
                .rateLimiter(RateLimiter.unlimited())
                .build()) {
            List<CompletableFuture<AsyncJob>> waits = new ArrayList<>(jobs);
            for (int i = 0; i < jobs; i++) {
                long finish = finishesAt(origin, interval, i);
                waits.add(wix.asyncJobs()
                        .waiter("j" + i)
                        .policy(policy)
                        .awaitAsync()
                        .whenComplete((job, error) -> {
                            if (error != null || job.state() != JobState.SUCCEEDED) {
                                failures.incrementAndGet();
                            } else {
                                lags.add(System.currentTimeMillis() - finish);
                            }
                        }));
            }
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null)
                    .get(5, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        List<Long> sorted = new ArrayList<>(lags);
        Collections.sort(sorted);
        System.out.printf(
                "RESULT %d %d %.1f %d %d %.2f %d%n",
                maxThreads.get(),
                maxWithHelpers.get(),
                Heap.peakMiB(),
                sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2),
                sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1),
                seconds,
                failures.get());
    }
}
