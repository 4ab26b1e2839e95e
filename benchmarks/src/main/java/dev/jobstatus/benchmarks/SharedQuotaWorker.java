package dev.jobstatus.benchmarks;

import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.redis.RedisSharedState;
import dev.jobstatus.testkit.NexudusSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * One process of {@link SharedQuota}: lists {@code args[2]} pages from the simulator at {@code args[0]}, paced through
 * the Redis at {@code args[1]}, once a line arrives on its standard input.
 */
public final class SharedQuotaWorker {
    /** The line a worker prints once its client is built. */
    static final String READY = "ready";

    private SharedQuotaWorker() {}

    /**
     * Runs the worker.
     *
     * @param args the simulator's base URL, the Redis URL and the number of pages
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        try (RedisSharedState shared = RedisSharedState.connect(args[1]);
                NexudusClient nexudus = client(args[0], shared)) {
            System.out.println(READY);
            System.out.flush();
            if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() != null) {
                list(nexudus, Integer.parseInt(args[2]));
            }
        }
    }

    static NexudusClient client(String baseUrl, RedisSharedState shared) {
        return NexudusClient.builder()
                .baseUrl(baseUrl)
                .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .sharedState(shared)
                .build();
    }

    static void list(NexudusClient nexudus, int pages) {
        for (int page = 1; page <= pages; page++) {
            nexudus.backgroundJobs()
                    .list(BackgroundJobQuery.builder().page(page).pageSize(5).build());
        }
    }
}
