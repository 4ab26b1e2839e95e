package dev.jobstatus.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.exception.RateLimitException;
import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.RedisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * Nexudus's quota per account: together they stay within it (no 409) and use at least 0.85 of its floor of one
 * request per 100 ms. Without the shared state, the same four clients are throttled.
 */
class SharedQuotaTest {
    private static final int CLIENTS = 4;
    private static final int PAGES_EACH = 13;
    /** Nexudus's floor: one request per 100 ms. */
    private static final double QUOTA_PER_SECOND = 10.0;

    private static RedisServer redis;

    @BeforeAll
    static void startRedisAndWarmUpTheSimulator() throws Exception {
        redis = RedisServer.start();
        // A simulator times each request once it has read it, and a cold one reads its first requests late, so
        // late that the next one, on time, looks early: the simulators of this JVM answer a few requests first.
        try (NexudusSimulator warmUp = NexudusSimulator.start().seed(5);
                NexudusClient nexudus = NexudusClient.builder().baseUrl(warmUp.baseUrl())
                        .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD).build()) {
            for (int page = 1; page <= 3; page++) {
                nexudus.backgroundJobs().list(BackgroundJobQuery.builder().page(page).pageSize(5).build());
            }
        }
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void fourClientsInOneJvmStayWithinOneQuotaAndUseIt() throws Exception {
        redis.cli("FLUSHALL");
        try (NexudusSimulator simulator = NexudusSimulator.start().seed(300)) {
            ConcurrentLinkedQueue<Long> served = timed(simulator);
            List<RedisSharedState> states = new ArrayList<>();
            try {
                listConcurrently(PAGES_EACH, () -> {
                    RedisSharedState shared = RedisSharedState.connect(redis.url());
                    states.add(shared);
                    return QuotaWorker.client(simulator.baseUrl().toString(), shared);
                });
            } finally {
                states.forEach(RedisSharedState::close);
            }
            assertWithinQuotaAndUsingIt("4 clients, 1 JVM", simulator, served);
        }
    }

    @Test
    void fourProcessesStayWithinOneQuotaAndUseIt() throws Exception {
        redis.cli("FLUSHALL");
        try (NexudusSimulator simulator = NexudusSimulator.start().seed(300)) {
            ConcurrentLinkedQueue<Long> served = timed(simulator);
            List<Process> workers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                // Flags of a short-lived command-line JVM: C1 only and the serial collector, so that four JVMs
                // starting at once on two cores do not spend them on compiler threads.
                workers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        QuotaWorker.class.getName(), simulator.baseUrl().toString(), redis.url(), Integer.toString(PAGES_EACH))
                        .redirectErrorStream(true).start());
            }
            for (Process worker : workers) {
                assertThat(worker.waitFor(90, TimeUnit.SECONDS)).as("worker ended").isTrue();
                String output = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                System.out.print(output);
                assertThat(worker.exitValue()).as(output).isZero();
            }
            assertWithinQuotaAndUsingIt("4 processes", simulator, served);
        }
    }

    @Test
    void withoutSharedStateTheSameFourClientsAreThrottled() throws Exception {
        try (NexudusSimulator simulator = NexudusSimulator.start().seed(300)) {
            listConcurrently(4, () -> NexudusClient.builder().baseUrl(simulator.baseUrl())
                    .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD).build());
            assertThat(simulator.throttledCount()).as("409s").isPositive();
        }
    }

    private static ConcurrentLinkedQueue<Long> timed(NexudusSimulator simulator) {
        ConcurrentLinkedQueue<Long> served = new ConcurrentLinkedQueue<>();
        simulator.beforeEachListing(() -> served.add(System.nanoTime()));
        return served;
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
                            nexudus.backgroundJobs().list(BackgroundJobQuery.builder().page(page).pageSize(5).build());
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

    private static void assertWithinQuotaAndUsingIt(String what, NexudusSimulator simulator, Collection<Long> served) {
        assertThat(simulator.throttledCount()).as("409s").isZero();
        assertThat(served).hasSize(CLIENTS * PAGES_EACH);
        long first = served.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = served.stream().mapToLong(Long::longValue).max().orElseThrow();
        double rate = (served.size() - 1) / ((last - first) / 1e9);
        System.out.printf("%s: %d requests at %.2f/s, %.2fx the quota's floor, 0 throttled%n", what, served.size(), rate,
                rate / QUOTA_PER_SECOND);
        assertThat(rate).as("requests per second").isGreaterThanOrEqualTo(0.85 * QUOTA_PER_SECOND);
    }
}
