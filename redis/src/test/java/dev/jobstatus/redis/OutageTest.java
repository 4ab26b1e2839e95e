package dev.jobstatus.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.NexudusSimulator.TokenRequest;
import dev.jobstatus.testkit.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped, frozen or refusing in the middle of a run: every call still ends, served through the process's own
 * pacing and token, nothing logged holds a secret, and pacing and the token go back to Redis when it returns; or, when
 * set to, calls fail with a typed exception instead. The outcome is asserted, never how long it took: Redis gets
 * safety-net timeouts ({@link Patient}), except where a frozen Redis needs a command timeout to be noticed at all.
 */
class OutageTest {
    private static final String REDIS_PASSWORD = "redis-secret-pw";
    private static final BackgroundJobQuery PAGE =
            BackgroundJobQuery.builder().pageSize(5).build();

    @Test
    void callsEndWhileRedisIsDownAndGoBackToRedisWhenItReturns() throws Exception {
        try (RedisServer redis = RedisServer.start("--requirepass", REDIS_PASSWORD);
                NexudusSimulator simulator = NexudusSimulator.start().seed(50);
                LogCapture log = new LogCapture()) {
            String url = "redis://:" + REDIS_PASSWORD + "@127.0.0.1:" + redis.port();
            try (RedisSharedState first = Patient.redis(url).build();
                    RedisSharedState second = Patient.redis(url).build();
                    NexudusClient a = client(simulator, first);
                    NexudusClient b = client(simulator, second)) {
                listEach(3, a, b);
                assertThat(log.lines(Level.WARNING)).isEmpty();

                redis.stop();
                listEach(4, a, b);
                assertThat(log.lines(Level.WARNING))
                        .as("one warning per shared state")
                        .hasSize(2)
                        .allSatisfy(line ->
                                assertThat(line).contains("redis://127.0.0.1:" + redis.port(), "in this process"));

                redis.restart();
                // Each client tries Redis again 300 ms after its last failure; a few hundred pages are a safety net.
                for (int round = 0; round < 300 && log.lines(Level.INFO).size() < 2; round++) {
                    listEach(1, a, b);
                }
                assertThat(log.lines(Level.INFO)).as("back on Redis").hasSize(2);
                listEach(2, a, b);
                String key = "jobstatus:nexudus/" + NexudusSimulator.USERNAME;
                assertThat(redis.cli("-a", REDIS_PASSWORD, "--no-auth-warning", "EXISTS", key + ":quota"))
                        .isEqualTo("1");
                // The token is shared again too: a revoked token is renewed by one client for both.
                long refreshes = simulator.tokenRequests().stream()
                        .filter(r -> r.grantType().equals("refresh_token"))
                        .count();
                simulator.revokeAccessTokens();
                listEach(2, a, b);
                assertThat(simulator.tokenRequests().stream()
                                .filter(r -> r.grantType().equals("refresh_token"))
                                .count())
                        .isEqualTo(refreshes + 1);
                assertThat(redis.cli("-a", REDIS_PASSWORD, "--no-auth-warning", "KEYS", key + "/*:token")
                                .lines())
                        .hasSize(1);
            }
            String logged = log.all();
            assertThat(logged).doesNotContain(REDIS_PASSWORD, NexudusSimulator.PASSWORD);
            for (TokenRequest grant : simulator.tokenRequests()) {
                grant.form().values().forEach(value -> assertThat(logged).doesNotContain(value));
            }
            assertThat(logged).doesNotContain("access-", "refresh-");
        }
    }

    @Test
    void aFrozenRedisHoldsACallNoLongerThanTheCommandTimeout() throws Exception {
        try (RedisServer redis = RedisServer.start();
                NexudusSimulator simulator = NexudusSimulator.start().seed(50);
                RedisSharedState shared = Patient.redis(redis.url())
                        .commandTimeout(Duration.ofMillis(200))
                        .build();
                NexudusClient nexudus = client(simulator, shared);
                LogCapture log = new LogCapture()) {
            nexudus.backgroundJobs().list(PAGE);
            redis.freeze();
            try {
                // The call's own deadline is far away: what ends its wait for Redis is the command timeout.
                assertThat(nexudus.backgroundJobs()
                                .withOptions(RequestOptions.timeout(Duration.ofSeconds(60)))
                                .list(PAGE)
                                .records())
                        .isNotEmpty();
                assertThat(log.lines(Level.WARNING))
                        .as("the outage, noticed by the command timeout")
                        .last()
                        .asString()
                        .contains("did not answer within 200 ms", "in this process");
            } finally {
                redis.thaw();
            }
        }
    }

    @Test
    void failWhenUnavailableFailsTheCallWithATypedException() throws Exception {
        try (RedisServer redis = RedisServer.start("--requirepass", REDIS_PASSWORD);
                NexudusSimulator simulator = NexudusSimulator.start().seed(50)) {
            String url = "redis://:" + REDIS_PASSWORD + "@127.0.0.1:" + redis.port();
            try (RedisSharedState shared =
                            Patient.redis(url).failWhenUnavailable(true).build();
                    NexudusClient nexudus = client(simulator, shared)) {
                nexudus.backgroundJobs().list(PAGE);
                redis.stop();
                assertThatThrownBy(() -> nexudus.backgroundJobs().list(PAGE))
                        .isInstanceOf(RedisUnavailableException.class)
                        .hasMessageContaining("redis://127.0.0.1:" + redis.port())
                        .satisfies(e -> assertThat(((RedisUnavailableException) e).provider())
                                .isEqualTo("nexudus"))
                        .satisfies(e -> assertThat(e.toString()).doesNotContain(REDIS_PASSWORD));
            }
        }
    }

    @Test
    void afterTheSharedStateIsClosedClientsPaceAndKeepTokensInTheirOwnProcess() throws Exception {
        try (RedisServer redis = RedisServer.start();
                NexudusSimulator simulator = NexudusSimulator.start().seed(50);
                LogCapture log = new LogCapture()) {
            // Closed on purpose, so even a state set to fail while Redis is away goes local, as close() documents.
            for (boolean failWhenUnavailable : new boolean[] {false, true}) {
                RedisSharedState shared = Patient.redis(redis.url())
                        .failWhenUnavailable(failWhenUnavailable)
                        .build();
                try (NexudusClient nexudus = client(simulator, shared)) {
                    nexudus.backgroundJobs().list(PAGE);

                    shared.close();

                    nexudus.backgroundJobs().list(PAGE);
                    nexudus.backgroundJobs().getAsync(1).get(30, java.util.concurrent.TimeUnit.SECONDS);
                    // A rejected token is renewed in this process.
                    simulator.revokeAccessTokens();
                    nexudus.backgroundJobs().list(PAGE);
                }
            }
            assertThat(log.lines(Level.WARNING)).as("closing is no outage").isEmpty();
        }
    }

    @Test
    void aWrongRedisPasswordIsNeverRepeatedInTheException() throws Exception {
        try (RedisServer redis = RedisServer.start("--requirepass", REDIS_PASSWORD);
                NexudusSimulator simulator = NexudusSimulator.start().seed(50);
                RedisSharedState shared = Patient.redis("redis://:wrong-secret@127.0.0.1:" + redis.port())
                        .failWhenUnavailable(true)
                        .build();
                NexudusClient nexudus = client(simulator, shared)) {
            assertThatThrownBy(() -> nexudus.backgroundJobs().list(PAGE))
                    .isInstanceOf(RedisUnavailableException.class)
                    .satisfies(e -> assertThat(e.toString() + e.getCause()).doesNotContain("wrong-secret"));
        }
    }

    static NexudusClient client(NexudusSimulator simulator, RedisSharedState shared) {
        return NexudusClient.builder()
                .baseUrl(simulator.baseUrl())
                .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .sharedState(shared)
                .build();
    }

    private static void listEach(int pages, NexudusClient... clients) throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (NexudusClient client : clients) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < pages; i++) {
                        client.backgroundJobs().list(PAGE);
                    }
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        assertThat(failures).isEmpty();
    }
}
