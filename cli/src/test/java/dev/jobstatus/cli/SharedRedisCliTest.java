package dev.jobstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.RedisServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code JOBSTATUS_REDIS_URL}: four {@code jobstatus nexudus list} runs side by side share one quota and one token
 * through a real Redis; without it, the same four runs draw throttles and sign in four times.
 */
class SharedRedisCliTest {
    @Test
    void fourListsSideBySideShareOneQuotaAndOneToken() throws Exception {
        try (RedisServer redis = RedisServer.start();
                NexudusSimulator nexudus = NexudusSimulator.start().seed(60)) {
            List<JobstatusCliTest.Run> runs = listFourAtOnce(nexudus, redis.url());
            assertThat(runs)
                    .allSatisfy(run -> assertThat(run.exit()).as(run.err()).isZero())
                    .allSatisfy(run -> assertThat(run.out().lines().count()).isGreaterThanOrEqualTo(60));
            assertThat(nexudus.throttledCount()).as("409s").isZero();
            assertThat(nexudus.tokenRequests()).as("sign-ins").hasSize(1);
        }
    }

    @Test
    void withoutItTheSameFourRunsAreThrottledAndSignInFourTimes() throws Exception {
        try (NexudusSimulator nexudus = NexudusSimulator.start().seed(60)) {
            listFourAtOnce(nexudus, null);
            assertThat(nexudus.throttledCount()).as("409s").isPositive();
            assertThat(nexudus.tokenRequests()).as("sign-ins").hasSize(4);
        }
    }

    private static List<JobstatusCliTest.Run> listFourAtOnce(NexudusSimulator nexudus, String redisUrl)
            throws Exception {
        Map<String, String> env = new HashMap<>(
                Map.of("NEXUDUS_USERNAME", NexudusSimulator.USERNAME, "NEXUDUS_PASSWORD", NexudusSimulator.PASSWORD));
        if (redisUrl != null) {
            env.put(Sharing.REDIS_URL, redisUrl);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JobstatusCliTest.Run>> started = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                started.add(pool.submit(() -> JobstatusCliTest.run(
                        env,
                        "nexudus",
                        "list",
                        "--page-size",
                        "10",
                        "--base-url",
                        nexudus.baseUrl().toString())));
            }
            List<JobstatusCliTest.Run> runs = new ArrayList<>();
            for (Future<JobstatusCliTest.Run> run : started) {
                runs.add(run.get(60, TimeUnit.SECONDS));
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }
}
