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
 * through a real Redis; without it, the same four runs sign in four times and draw far more throttles.
 *
 * <p>The quota is compared, not required to be spotless: the runs pace to 1 request per 110 ms against Nexudus's 1
 * per 100 ms, and on a busy machine the simulator can see two paced requests less than 100 ms apart, which it answers
 * 409 (and the run retries) as Nexudus would. Four runs that did not share the quota send four times the rate.
 */
class SharedRedisCliTest {
    @Test
    void fourListsSideBySideShareOneQuotaAndOneToken() throws Exception {
        int sharedThrottles;
        try (RedisServer redis = RedisServer.start();
                NexudusSimulator nexudus = NexudusSimulator.start().seed(60)) {
            List<JobstatusCliTest.Run> runs = listFourAtOnce(nexudus, redis.url());
            // Every run lists all 60 jobs, unless the simulator, timing its window on a loaded machine, refused one
            // page four times (the retry policy's budget); no run fails any other way.
            assertThat(runs).allSatisfy(run -> {
                if (run.exit() == 0) {
                    assertThat(run.out().lines().count()).isGreaterThanOrEqualTo(60);
                } else {
                    assertThat(run.err()).as("exit %d", run.exit()).contains("returned HTTP 409");
                }
            });
            assertThat(runs)
                    .as("runs that listed every job")
                    .anySatisfy(run -> assertThat(run.exit()).isZero());
            assertThat(nexudus.tokenRequests()).as("sign-ins").hasSize(1);
            sharedThrottles = nexudus.throttledCount();
        }
        try (NexudusSimulator nexudus = NexudusSimulator.start().seed(60)) {
            // Uncoordinated, the runs compete for the same 100 ms: some may give up after four refusals.
            List<JobstatusCliTest.Run> alone = listFourAtOnce(nexudus, null);
            // Each run that listed its jobs signed in on its own (the simulator records the sign-ins it answered; a run
            // refused four times may have given up before it signed in).
            long listed = alone.stream().filter(run -> run.exit() == 0).count();
            assertThat(listed).as("runs that listed every job without Redis").isPositive();
            assertThat((long) nexudus.tokenRequests().size())
                    .as("sign-ins without Redis")
                    .isGreaterThanOrEqualTo(listed);
            // Four sign-ins and four first pages in the same instant: three of each are refused at least. Each refused
            // run then holds back for the Retry-After it was given, which keeps the count from growing further.
            assertThat(nexudus.throttledCount()).as("409s without Redis").isGreaterThanOrEqualTo(3);
            assertThat(sharedThrottles)
                    .as("409s through Redis, against %d without", nexudus.throttledCount())
                    .isLessThan(nexudus.throttledCount());
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
