package dev.jobstatus.benchmarks;

import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import mockwebserver3.MockWebServer;

/** Iterates 1,000,000 listed jobs; run in a JVM with {@code -Xmx64m} to show memory stays flat. Prints "OK count seconds". */
public final class ListingUnderSmallHeap {
    private ListingUnderSmallHeap() {}

    public static void main(String[] args) {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        try (MockWebServer server = Fixtures.syntheticListing(total);
                NexudusClient nexudus = NexudusClient.builder()
                        .baseUrl(server.url("/"))
                        .bearerToken("t")
                        .rateLimiter(RateLimiter.unlimited())
                        .build()) {
            long start = System.nanoTime();
            long count = 0;
            long checksum = 0;
            for (var job : nexudus.backgroundJobs().listAll(BackgroundJobQuery.all())) {
                count++;
                checksum += job.id();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long expected = total * (total + 1) / 2;
            System.out.printf(
                    "%s %d %.1f %d%n", checksum == expected ? "OK" : "WRONG", count, seconds, server.getRequestCount());
        }
    }
}
