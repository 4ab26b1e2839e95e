package dev.jobstatus.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.time.TimeSource;
import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.NexudusSimulator.TokenRequest;
import dev.jobstatus.testkit.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Four clients of one Nexudus password-grant account, each with its own connection to one Redis (as four processes
 * would have): one sign-in among them, and when the token nears expiry, or is revoked, exactly one refresh grant
 * reaches the simulator, whose refreshes invalidate the account's earlier refresh tokens, and every client carries
 * on with the new token.
 */
class SharedTokenTest {
    private static final int CLIENTS = 4;

    @Test
    void fourClientsSignInOnceAndRenewOnce() throws Exception {
        // An hour's token, renewed a minute before it expires: the clients' clock is moved past that minute, so that
        // the renewal comes when the test says, however slow the machine, and the next one not for another hour.
        JumpingClock clock = new JumpingClock();
        try (RedisServer redis = RedisServer.start();
                NexudusSimulator simulator = NexudusSimulator.start().seed(50).tokenLifetime(3600)) {
            List<RedisSharedState> states = new ArrayList<>();
            List<NexudusClient> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                RedisSharedState shared = Patient.redis(redis.url()).build();
                states.add(shared);
                clients.add(NexudusClient.builder()
                        .baseUrl(simulator.baseUrl())
                        .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                        .sharedState(shared)
                        .timeSource(clock)
                        .build());
            }
            try {
                listConcurrently(clients, 2);
                assertThat(grants(simulator, "password")).as("password grants").isEqualTo(1);
                assertThat(grants(simulator, "refresh_token"))
                        .as("refresh grants")
                        .isZero();

                clock.jump(Duration.ofSeconds(3600 - 59));
                listConcurrently(clients, 3);
                assertThat(grants(simulator, "password")).as("password grants").isEqualTo(1);
                assertThat(grants(simulator, "refresh_token"))
                        .as("refresh grants once it nears expiry")
                        .isEqualTo(1);

                simulator.revokeAccessTokens();
                listConcurrently(clients, 2);
                assertThat(grants(simulator, "password")).as("password grants").isEqualTo(1);
                assertThat(grants(simulator, "refresh_token"))
                        .as("refresh grants after a 401")
                        .isEqualTo(2);
                // One token key: the account's, at the simulator's origin, for these credentials (a fingerprint, never
                // the password).
                assertThat(redis.cli("KEYS", "jobstatus:nexudus/*:token")
                                .lines()
                                .toList())
                        .singleElement()
                        .asString()
                        .startsWith("jobstatus:nexudus/" + NexudusSimulator.USERNAME + "/http://"
                                + simulator.baseUrl().host() + ":"
                                + simulator.baseUrl().port() + "/kdf-")
                        .doesNotContain(NexudusSimulator.PASSWORD);
            } finally {
                clients.forEach(NexudusClient::close);
                states.forEach(RedisSharedState::close);
            }
        }
    }

    @Test
    void aClientAtAnotherBaseUrlOrWithAWrongPasswordNeverGetsTheSharedToken() throws Exception {
        try (RedisServer redis = RedisServer.start();
                NexudusSimulator simulator = NexudusSimulator.start().seed(3).withoutRateLimits();
                NexudusSimulator elsewhere = NexudusSimulator.start().seed(3).withoutRateLimits();
                RedisSharedState one = Patient.redis(redis.url()).build();
                RedisSharedState two = Patient.redis(redis.url()).build();
                RedisSharedState three = Patient.redis(redis.url()).build();
                NexudusClient right = NexudusClient.builder()
                        .baseUrl(simulator.baseUrl())
                        .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                        .sharedState(one)
                        .build();
                NexudusClient wrong = NexudusClient.builder()
                        .baseUrl(simulator.baseUrl())
                        .passwordGrant(NexudusSimulator.USERNAME, "not the password")
                        .sharedState(two)
                        .build();
                NexudusClient other = NexudusClient.builder()
                        .baseUrl(elsewhere.baseUrl())
                        .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                        .sharedState(three)
                        .build()) {
            right.backgroundJobs().get(1);

            assertThatThrownBy(() -> wrong.backgroundJobs().get(1)).isInstanceOf(AuthenticationException.class);
            assertThat(other.backgroundJobs().get(2).id()).isEqualTo(2);

            assertThat(simulator.tokenRequests())
                    .extracting(r -> r.form().get("password"))
                    .containsExactly(NexudusSimulator.PASSWORD, "not the password");
            assertThat(elsewhere.tokenRequests())
                    .extracting(TokenRequest::grantType)
                    .containsExactly("password");
            assertThat(elsewhere.server().takeRequest().getRequestLine())
                    .as("a sign-in first, no borrowed token")
                    .isEqualTo("POST /api/token HTTP/1.1");
            assertThat(simulator.server().getRequestCount())
                    .as("the sign-in, the call, the refused sign-in")
                    .isEqualTo(3);
        }
    }

    /** Has every client list {@code pages} pages, all four at once; every call must succeed. */
    private static void listConcurrently(List<NexudusClient> clients, int pages) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        CountDownLatch ready = new CountDownLatch(clients.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (NexudusClient client : clients) {
                runs.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    for (int page = 0; page < pages; page++) {
                        client.backgroundJobs()
                                .list(BackgroundJobQuery.builder().pageSize(5).build());
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

    /** The system clock, whose wall-clock time a test can move forward; its monotonic time and sleeps are real. */
    private static final class JumpingClock implements TimeSource {
        private volatile Duration ahead = Duration.ZERO;

        void jump(Duration by) {
            ahead = ahead.plus(by);
        }

        @Override
        public Instant now() {
            return Instant.now().plus(ahead);
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            TimeSource.system().sleep(duration);
        }
    }

    private static long grants(NexudusSimulator simulator, String type) {
        return simulator.tokenRequests().stream()
                .map(TokenRequest::grantType)
                .filter(type::equals)
                .count();
    }
}
