package dev.jobstatus.nexudus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.NexudusSimulator.TokenRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Token renewal as Nexudus documents it, against a simulator that refuses anything else. */
class NexudusRenewalTest {
    private final ManualTimeSource time = new ManualTimeSource();
    private final NexudusSimulator simulator = NexudusSimulator.start().seed(3).clock(time::now);

    @AfterEach
    void stop() {
        simulator.close();
    }

    private NexudusClient.Builder passwordGrant() {
        return NexudusClient.builder()
                .baseUrl(simulator.baseUrl())
                .timeSource(time)
                .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD);
    }

    @Test
    void aWaitThatOutlivesItsTokenRenewsItWithTheRefreshGrantWhileTheServerClosesEveryConnection() {
        simulator
                .closeConnectionAfterEachResponse()
                .tokenLifetime(1800)
                .addJob(2, 40, "Queued", "Running", "Completed");
        try (NexudusClient client = passwordGrant()
                .pollPolicy(PollPolicy.builder()
                        .initialInterval(Duration.ofMinutes(1))
                        .maxInterval(Duration.ofMinutes(1))
                        .multiplier(1)
                        .jitter(0)
                        .timeout(Duration.ofHours(4))
                        .build())
                .build()) {

            var job = client.backgroundJobs().waitFor(2);

            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        }
        // 81 polls a minute apart: the half-hour token is renewed in its 29th minute, and again half an hour later.
        List<TokenRequest> grants = simulator.tokenRequests();
        assertThat(grants)
                .extracting(TokenRequest::grantType)
                .containsExactly("password", "refresh_token", "refresh_token");
        assertThat(grants).extracting(TokenRequest::clientIdHeader).containsOnly(NexudusSimulator.USERNAME);
    }

    @Test
    void theRefreshCarriesTheConfiguredClientIdAsAHeader() {
        try (NexudusClient client = passwordGrant().clientId("cid-7").build()) {
            client.backgroundJobs().get(1);
            simulator.revokeAccessTokens();
            client.backgroundJobs().get(1);
        }

        assertThat(simulator.tokenRequests())
                .containsExactly(
                        new TokenRequest(
                                java.util.Map.of(
                                        "grant_type",
                                        "password",
                                        "username",
                                        NexudusSimulator.USERNAME,
                                        "password",
                                        NexudusSimulator.PASSWORD),
                                "cid-7"),
                        new TokenRequest(
                                java.util.Map.of("grant_type", "refresh_token", "refresh_token", "refresh-1"),
                                "cid-7"));
    }

    @Test
    void aTwoFactorSupplierIsAskedForAFreshCodeAtEachPasswordGrant() {
        simulator.requireTotp();
        AtomicInteger asked = new AtomicInteger();
        try (NexudusClient client = passwordGrant()
                .totp(() -> String.valueOf(100_000 + asked.incrementAndGet()))
                .build()) {
            client.backgroundJobs().get(1);
            simulator.revokeAccessTokens();
            simulator.revokeRefreshTokens();
            client.backgroundJobs().get(2);
        }

        assertThat(asked).hasValue(2);
        assertThat(simulator.tokenRequests())
                .extracting(r -> r.form().get("totp"))
                .containsExactly("100001", null, "100002");
    }

    @Test
    void aSingleTwoFactorCodeIsNeverReplayed() {
        simulator.requireTotp();
        try (NexudusClient client = passwordGrant()
                .totp("123456")
                .rateLimiter(RateLimiter.unlimited())
                .build()) {
            client.backgroundJobs().get(1);
            simulator.revokeAccessTokens();
            simulator.revokeRefreshTokens();

            AuthenticationException e = catchThrowableOfType(
                    AuthenticationException.class, () -> client.backgroundJobs().get(2));

            assertThat(e.getMessage())
                    .contains("two-factor code", "totp(Supplier)")
                    .doesNotContain(NexudusSimulator.PASSWORD);
        }
        assertThat(simulator.tokenRequests())
                .extracting(TokenRequest::grantType)
                .containsExactly("password", "refresh_token");
        assertThat(simulator.tokenRequests().get(0).form()).containsEntry("totp", "123456");
    }

    @Test
    void manyThreadsMeetingAnExpiredTokenRenewItOnceAndNoneLosesItsRefreshToken() throws Exception {
        simulator.withoutRateLimits();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (NexudusClient client =
                passwordGrant().rateLimiter(RateLimiter.unlimited()).build()) {
            client.backgroundJobs().get(1);
            simulator.revokeAccessTokens();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return client.backgroundJobs().get(3).id();
                }));
            }
            start.countDown();
            for (Future<Long> result : results) {
                assertThat(result.get()).isEqualTo(3);
            }
            // Renewed twice over: each refresh invalidated the one before, and the client kept the newest.
            simulator.revokeAccessTokens();
            client.backgroundJobs().get(1);
        } finally {
            pool.shutdownNow();
        }

        assertThat(simulator.tokenRequests())
                .extracting(TokenRequest::grantType)
                .containsExactly("password", "refresh_token", "refresh_token");
    }
}
