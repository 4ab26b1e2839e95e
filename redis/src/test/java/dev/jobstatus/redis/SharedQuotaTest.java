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
    void fourClientsInOneJvmStayWithinOneQuotaAndUseIt() throws Exception {
        redis.cli("FLUSHALL");
        quietHeap();
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
        quietHeap();
        try (NexudusSimulator simulator = NexudusSimulator.start().seed(300)) {
            ConcurrentLinkedQueue<Long> served = timed(simulator);
            List<Process> workers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                // Flags of a short-lived command-line JVM: C1 only and the serial collector, so that four JVMs
                // starting at once on two cores do not spend them on compiler threads. Run nicer than this JVM: the
                // simulator here stands for a server of its own, and starved of the cores by its clients it would
                // time a request late, so that the next one, sent on time, would look early.
                workers.add(new ProcessBuilder("nice", "-n", "10", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        QuotaWorker.class.getName(), simulator.baseUrl().toString(), redis.url(), Integer.toString(PAGES_EACH))
                        .redirectErrorStream(true).start());
            }
            // Four JVMs starting at once keep both cores busy for a second or more, and the simulator, which shares
            // them, would then take in some requests late (its clock is the request's arrival at its dispatcher):
            // the next request, on time, looks early. The workers build their clients first; then all list at once.
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process worker : workers) {
                BufferedReader output = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
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
                assertThat(workers.get(i).waitFor(90, TimeUnit.SECONDS)).as("worker ended").isTrue();
                StringBuilder rest = new StringBuilder();
                for (String line; (line = outputs.get(i).readLine()) != null; ) {
                    rest.append(line).append('\n');
                }
                System.out.print(rest);
                assertThat(workers.get(i).exitValue()).as(rest.toString()).isZero();
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
