package dev.jobstatus.redis;

import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.NexudusSimulator;

/**
 * One of the processes of {@link SharedQuotaTest}: lists {@code pages} pages from the simulator at {@code args[0]},
 * paced through the Redis at {@code args[1]}, and exits 0 when every page arrived.
 */
public final class QuotaWorker {
    private QuotaWorker() {
    }

    /**
     * Runs the worker.
     *
     * @param args the simulator's base URL, the Redis URL and the number of pages
     */
    public static void main(String[] args) {
        int pages = Integer.parseInt(args[2]);
        try (RedisSharedState shared = RedisSharedState.connect(args[1]);
                NexudusClient nexudus = client(args[0], shared)) {
            for (int page = 1; page <= pages; page++) {
                nexudus.backgroundJobs().list(BackgroundJobQuery.builder().page(page).pageSize(5).build());
            }
        }
        System.out.println("listed " + pages + " pages");
    }

    static NexudusClient client(String baseUrl, RedisSharedState shared) {
        return NexudusClient.builder().baseUrl(baseUrl).basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .sharedState(shared).build();
    }
}
