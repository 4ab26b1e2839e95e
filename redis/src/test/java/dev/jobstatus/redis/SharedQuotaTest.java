package dev.jobstatus.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.exception.RateLimitException;
import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.RedisServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Four clients of one Nexudus account, each with its own connection to one Redis, against a simulator that enforces
 * Nexudus's quota per account: they take their permits from one bucket in Redis, every page is served, and hardly
 * a request is throttled. Without the shared state, the same four clients are throttled. How much of the quota they use is a benchmark figure
 * ({@code benchmarks}, section 6 of its results), not asserted here: a busy machine may slow the clients down.
 */
class SharedQuotaTest {
    private static final int CLIENTS = 4;
    private static final int PAGES_EACH = 13;

    private static RedisServer redis;

    @BeforeAll
    static void startRedisAndWarmUpTheSimulator() throws Exception {
        redis = RedisServer.start();
        // A simulator times each request once it has read it, and a cold one reads its first requests late, so
        // late that the next one, on time, looks early: the simulators of this JVM answer a few requests first.
        try (NexudusSimulator warmUp = NexudusSimulator.start().seed(5);
                NexudusClient nexudus = NexudusClient.builder()
                        .baseUrl(warmUp.baseUrl())
                        .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                        .build()) {
            for (int page = 1; page <= 3; page++) {
                nexudus.backgroundJobs()
                        .list(BackgroundJobQuery.builder()
                                .page(page)
                                .pageSize(5)
                                .build());
            }
        }
    }

    /**
     * Collects this JVM's garbage, which the tests before this one left. The simulator times a request when it
     * dispatches it: a collection while it holds a request would time that request late, so that the next one, sent
     * on time, looks early. The requests of one test allocate too little to fill the young generation again.
     */
    private static void quietHeap() {
        System.gc();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void fourClientsInOneJvmStayWithinOneQuota() throws Exception {
        redis.cli("FLUSHALL");
        quietHeap();
        try (NexudusSimulator simulator = NexudusSimulator.start().seed(300)) {
            List<RedisSharedState> states = new ArrayList<>();
            try {
                listConcurrently(PAGES_EACH, () -> {
                    RedisSharedState shared = Patient.redis(redis.url()).build();
                    states.add(shared);
                    return QuotaWorker.client(simulator.baseUrl().toString(), shared);
                });
            } finally {
                states.forEach(RedisSharedState::close);
            }
            assertWithinQuotaAndServed(simulator);
        }
    }

    @Test
    void fourProcessesStayWithinOneQuota() throws Exception {
        redis.cli("FLUSHALL");
        quietHeap();
        try (NexudusSimulator simulator = NexudusSimulator.start().seed(300)) {
            List<Process> workers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                workers.add(QuotaWorker.process(simulator.baseUrl().toString(), redis.url(), PAGES_EACH)
                        .redirectErrorStream(true)
                        .start());
            }
            // Four JVMs starting at once keep both cores busy for a second or more, and the simulator, which shares
            // them, would then take in some requests late (its clock is the request's arrival at its dispatcher):
            // the next request, on time, looks early. The workers build their clients first; then all list at once.
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process worker : workers) {
                BufferedReader output =
                        new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = output.readLine()) != null && !line.equals(QuotaWorker.READY)) {
                    System.out.println(line);
                }
                assertThat(line).as("worker ready").isEqualTo(QuotaWorker.READY);
                outputs.add(output);
            }
            for (Process worker : workers) {
                worker.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
                worker.getOutputStream().close();
            }
            for (int i = 0; i < workers.size(); i++) {
                assertThat(workers.get(i).waitFor(180, TimeUnit.SECONDS))
                        .as("worker ended")
                        .isTrue();
                StringBuilder rest = new StringBuilder();
                for (String line; (line = outputs.get(i).readLine()) != null; ) {
                    rest.append(line).append('\n');
                }
                System.out.print(rest);
                assertThat(workers.get(i).exitValue()).as(rest.toString()).isZero();
            }
            assertWithinQuotaAndServed(simulator);
        }
    }

    @Test
    void withoutSharedStateTheSameFourClientsAreThrottled() throws Exception {
        try (NexudusSimulator simulator = NexudusSimulator.start().seed(300)) {
            listConcurrently(
                    4,
                    () -> NexudusClient.builder()
                            .baseUrl(simulator.baseUrl())
                            .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                            .build());
            assertThat(simulator.throttledCount()).as("409s").isPositive();
        }
    }

    /** Has {@link #CLIENTS} clients list {@code pages} pages each at once; one that runs out of retries stops. */
    private static void listConcurrently(int pages, Supplier<NexudusClient> clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                NexudusClient nexudus = clients.get();
                runs.add(pool.submit(() -> {
                    try (nexudus) {
                        for (int page = 1; page <= pages; page++) {
                            nexudus.backgroundJobs()
                                    .list(BackgroundJobQuery.builder()
                                            .page(page)
                                            .pageSize(5)
                                            .build());
                        }
                    } catch (RateLimitException e) {
                        // Throttled past its retries: the simulator counted the 409s.
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every page was served, from one bucket, and hardly any request was throttled. The simulator times a request as it
     * reads it: on a busy machine a client woken late for its permit arrives close to the next one's request, which is
     * throttled, so a few 409s are the machine's (how many on a quiet one is section 6 of the benchmarks). Pacing that
     * is not shared, or missing, throttles most requests: more than a quarter fails.
     */
    private static void assertWithinQuotaAndServed(NexudusSimulator simulator) throws Exception {
        int throttled = simulator.throttledCount();
        assertThat(simulator.requestCount() - throttled).as("pages served").isEqualTo(CLIENTS * PAGES_EACH);
        assertThat(throttled).as("409s").isLessThan(CLIENTS * PAGES_EACH / 4);
        assertThat(redis.cli("KEYS", "jobstatus:nexudus/*:quota").lines().toList())
                .as("quota buckets")
                .containsExactly("jobstatus:nexudus/" + NexudusSimulator.USERNAME + ":quota");
    }
}
