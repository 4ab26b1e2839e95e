package dev.jobstatus.redis;

import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.NexudusSimulator;
import java.nio.file.Path;

/**
 * One of the processes of {@link SharedQuotaTest}: lists {@code pages} pages from the simulator at {@code args[0]},
 * paced through the Redis at {@code args[1]}, once a line arrives on its standard input, and exits 0 when every page
 * arrived.
 */
public final class QuotaWorker {
    /** The line a worker prints once its client is built; it lists when a line arrives on its standard input. */
    static final String READY = "ready";

    private QuotaWorker() {}

    /**
     * Runs the worker.
     *
     * @param args the simulator's base URL, the Redis URL and the number of pages
     */
    public static void main(String[] args) throws java.io.IOException {
        int pages = Integer.parseInt(args[2]);
        try (RedisSharedState shared = Patient.redis(args[1]).build();
                NexudusClient nexudus = client(args[0], shared)) {
            // Ready, then wait for the test's word, so that all four list together, each with its JVM started.
            System.out.println(READY);
            System.out.flush();
            if (new java.io.BufferedReader(
                                    new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                            .readLine()
                    == null) {
                return;
            }
            for (int page = 1; page <= pages; page++) {
                nexudus.backgroundJobs()
                        .list(BackgroundJobQuery.builder()
                                .page(page)
                                .pageSize(5)
                                .build());
            }
        }
        System.out.println("listed " + pages + " pages");
    }

    /**
     * {@return a worker process, to start: it lists {@code pages} pages from the simulator at {@code baseUrl}, paced
     * through the Redis at {@code redisUrl}, once a line arrives on its standard input}
     */
    static ProcessBuilder process(String baseUrl, String redisUrl, int pages) {
        // Flags of a short-lived command-line JVM: C1 only and the serial collector, so that several JVMs starting at
        // once on two cores do not spend them on compiler threads.
        return new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                QuotaWorker.class.getName(),
                baseUrl,
                redisUrl,
                Integer.toString(pages));
    }

    static NexudusClient client(String baseUrl, RedisSharedState shared) {
        return NexudusClient.builder()
                .baseUrl(baseUrl)
                .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .sharedState(shared)
                .build();
    }
}
