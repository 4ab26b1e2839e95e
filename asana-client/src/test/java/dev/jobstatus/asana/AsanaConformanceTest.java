package dev.jobstatus.asana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.asana.model.Job;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.testkit.AsanaSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Asana as its reference describes it: opt_fields is the exact set returned, and OAuth tokens expire. */
class AsanaConformanceTest {
    private final ManualTimeSource time = new ManualTimeSource();
    private final AsanaSimulator simulator = AsanaSimulator.start().withoutRateLimits();

    @AfterEach
    void stop() {
        simulator.close();
    }

    private AsanaClient.Builder builder() {
        return AsanaClient.builder()
                .baseUrl(simulator.baseUrl())
                .timeSource(time)
                .pollPolicy(PollPolicy.builder()
                        .initialInterval(Duration.ofSeconds(1))
                        .build());
    }

    @Test
    void aWaitWithCallerPickedFieldsAsksForStatusAndEnds() throws Exception {
        simulator.addJob("9", "not_started", "in_progress", "succeeded");
        try (AsanaClient asana = builder().bearerToken(AsanaSimulator.TOKEN).build()) {
            Job done = asana.jobs()
                    .waitFor(
                            "9",
                            JobOptions.builder()
                                    .fields(JobField.NEW_PROJECT_NAME)
                                    .build());

            assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(done.newProject().name()).isEqualTo("Copy of Launch plan");
            assertThat(done.resourceSubtype())
                    .as("not asked for, so not returned")
                    .isNull();
        }
        RecordedRequest poll = simulator.server().takeRequest();
        assertThat(poll.getUrl().queryParameter("opt_fields")).isEqualTo("new_project.name,status");
    }

    @Test
    void withoutStatusTheJobHasNoStateWhichIsWhyTheSdkAsksForIt() {
        simulator.addJob("9", "succeeded");
        try (AsanaClient asana = builder().bearerToken(AsanaSimulator.TOKEN).build()) {
            Job exact = asana.jobs()
                    .get(
                            "9",
                            JobOptions.builder()
                                    .fields(JobField.NEW_PROJECT_NAME)
                                    .includeStatus(false)
                                    .build());

            assertThat(exact.status()).isNull();
            assertThat(exact.state()).isEqualTo(JobState.UNKNOWN);
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedTaskTemplateFieldIsStillSent() throws Exception {
        simulator.addJob("9", "succeeded");
        try (AsanaClient asana = builder().bearerToken(AsanaSimulator.TOKEN).build()) {
            asana.jobs()
                    .get(
                            "9",
                            JobOptions.builder()
                                    .fields(JobField.NEW_TASK_TEMPLATE_NAME)
                                    .build());
        }
        assertThat(simulator.server().takeRequest().getUrl().queryParameter("opt_fields"))
                .isEqualTo("new_task_template.name,status");
    }

    @Test
    void anOAuthAppFetchesItsTokenAndRenewsItBeforeExpiryAndAfterA401() {
        simulator.addJob("9", "succeeded");
        try (AsanaClient asana = builder()
                .oauthRefresh(AsanaSimulator.CLIENT_ID, AsanaSimulator.CLIENT_SECRET, AsanaSimulator.REFRESH_TOKEN)
                .build()) {
            asana.jobs().get("9");
            asana.jobs().get("9");
            assertThat(simulator.refreshGrants()).isEqualTo(1);

            time.advance(Duration.ofMinutes(59).plusSeconds(30)); // inside the minute before the hour runs out
            asana.jobs().get("9");
            assertThat(simulator.refreshGrants()).isEqualTo(2);

            simulator.revokeAccessTokens();
            assertThat(asana.jobs().get("9").gid()).isEqualTo("9");
            assertThat(simulator.refreshGrants()).isEqualTo(3);
            assertThat(asana.toString()).doesNotContain(AsanaSimulator.CLIENT_SECRET, AsanaSimulator.REFRESH_TOKEN);
        }
    }

    @Test
    void manyThreadsMeetingAnExpiredTokenShareOneRenewal() throws Exception {
        simulator.addJob("9", "succeeded");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (AsanaClient asana = builder()
                .oauthRefresh(AsanaSimulator.CLIENT_ID, AsanaSimulator.CLIENT_SECRET, AsanaSimulator.REFRESH_TOKEN)
                .build()) {
            asana.jobs().get("9");
            simulator.revokeAccessTokens();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Job>> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                jobs.add(pool.submit(() -> {
                    start.await();
                    return asana.jobs().get("9");
                }));
            }
            start.countDown();
            for (Future<Job> job : jobs) {
                assertThat(job.get().gid()).isEqualTo("9");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(simulator.refreshGrants()).isEqualTo(2);
    }

    @Test
    void aWrongClientSecretFailsWithoutShowingIt() {
        simulator.addJob("9", "succeeded");
        try (AsanaClient asana = builder()
                .oauthRefresh(AsanaSimulator.CLIENT_ID, "not-the-secret", AsanaSimulator.REFRESH_TOKEN)
                .build()) {
            assertThatThrownBy(() -> asana.jobs().get("9"))
                    .isInstanceOf(dev.jobstatus.core.exception.AuthenticationException.class)
                    .hasMessageContaining("invalid_client")
                    .hasMessageNotContaining("not-the-secret");
        }
    }

    @Test
    void exactlyOneWayOfAuthenticating() {
        assertThatThrownBy(() -> AsanaClient.builder()
                        .bearerToken("a")
                        .oauthRefresh("c", "s", "r")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Choose one");
    }
}
