package dev.jobstatus.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.NexudusSimulator.TokenRequest;
import dev.jobstatus.testkit.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
        // A token lives 63 s and is renewed a minute before it expires: 3 s after each grant.
        try (RedisServer redis = RedisServer.start();
                NexudusSimulator simulator = NexudusSimulator.start().seed(50).tokenLifetime(63)) {
            List<RedisSharedState> states = new ArrayList<>();
            List<NexudusClient> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                RedisSharedState shared = Patient.redis(redis.url()).build();
                states.add(shared);
                clients.add(NexudusClient.builder()
                        .baseUrl(simulator.baseUrl())
                        .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                        .sharedState(shared)
                        .build());
            }
            try {
                runUntil(clients, () -> grants(simulator, "refresh_token") >= 1, 3);
                assertThat(grants(simulator, "password")).as("password grants").isEqualTo(1);
                assertThat(grants(simulator, "refresh_token"))
                        .as("refresh grants after expiry")
                        .isEqualTo(1);

                simulator.revokeAccessTokens();
                runUntil(clients, () -> true, 2);
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

    /**
     * Has every client list pages concurrently until {@code done} holds, then {@code after} more pages each; every
     * call must succeed.
     */
    private static void runUntil(List<NexudusClient> clients, java.util.function.BooleanSupplier done, int after)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        AtomicBoolean reached = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(clients.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (NexudusClient client : clients) {
                runs.add(pool.submit(() -> {
                    started.countDown();
                    int remaining = after;
                    // A few hundred pages, as a safety net: the renewal comes a few seconds in, whatever the pace.
                    for (int pages = 0; remaining > 0 && pages < 500; pages++) {
                        client.backgroundJobs()
                                .list(BackgroundJobQuery.builder().pageSize(5).build());
                        if (reached.get() || done.getAsBoolean()) {
                            reached.set(true);
                            remaining--;
                        }
                    }
                    assertThat(remaining).as("calls after the renewal").isZero();
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

    private static long grants(NexudusSimulator simulator, String type) {
        return simulator.tokenRequests().stream()
                .map(TokenRequest::grantType)
                .filter(type::equals)
                .count();
    }
}
