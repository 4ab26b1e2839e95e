package dev.jobstatus.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.SharedState;
import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.internal.transport.Threads;
import dev.jobstatus.micrometer.JobstatusObservations;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.redis.RedisSharedState;
import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.WixSimulator;
import dev.jobstatus.wix.WixClient;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Each condition of the auto-configuration in a real application context, with real calls to the testkit's
 * simulators on loopback: configured, unconfigured and half-configured providers, the application's own bean,
 * Redis present or absent, an observation registry present or absent, and secrets kept out of failures and
 * {@code toString()}. Uses no API that differs between Spring Boot 3.5 and 4.0, so it runs under both.
 */
class JobstatusAutoConfigurationTest {
    private static final NexudusSimulator NEXUDUS =
            NexudusSimulator.start().withoutRateLimits().seed(3);
    private static final WixSimulator WIX = WixSimulator.start().withoutRateLimits();
    private static final AsanaSimulator ASANA =
            AsanaSimulator.start().withoutRateLimits().addJob("1201", "succeeded");

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JobstatusAutoConfiguration.class));

    @AfterAll
    static void stop() {
        NEXUDUS.close();
        WIX.close();
        ASANA.close();
    }

    static String[] nexudus() {
        return new String[] {
            "jobstatus.nexudus.base-url=" + NEXUDUS.baseUrl(),
            "jobstatus.nexudus.username=" + NexudusSimulator.USERNAME,
            "jobstatus.nexudus.password=" + NexudusSimulator.PASSWORD
        };
    }

    static String[] wix() {
        return new String[] {
            "jobstatus.wix.base-url=" + WIX.baseUrl(),
            "jobstatus.wix.api-key=" + WixSimulator.API_KEY,
            "jobstatus.wix.site-id=" + WixSimulator.SITE_ID
        };
    }

    static String[] asana() {
        return new String[] {
            "jobstatus.asana.base-url=" + ASANA.baseUrl(), "jobstatus.asana.bearer-token=" + AsanaSimulator.TOKEN
        };
    }

    @Test
    void unconfiguredMakesNoClient() {
        runner.run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(NexudusClient.class)
                    .doesNotHaveBean(WixClient.class)
                    .doesNotHaveBean(AsanaClient.class)
                    .hasSingleBean(JobstatusCallOutcomes.class);
        });
    }

    @Test
    void eachConfiguredProviderGetsAWorkingClientClosedWithTheContext() {
        NexudusClient[] kept = new NexudusClient[1];
        runner.withPropertyValues(nexudus())
                .withPropertyValues(wix())
                .withPropertyValues(asana())
                .withPropertyValues(
                        "jobstatus.nexudus.retry.max-retries=0",
                        "jobstatus.nexudus.read-timeout=5s",
                        "jobstatus.asana.poll.initial-interval=10ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    kept[0] = context.getBean(NexudusClient.class);
                    assertThat(kept[0].backgroundJobs().get(1).id()).isEqualTo(1);
                    assertThat(context.getBean(WixClient.class).asyncJobs()).isNotNull();
                    assertThat(context.getBean(AsanaClient.class)
                                    .jobs()
                                    .get("1201")
                                    .gid())
                            .isEqualTo("1201");
                    assertThat(context.getBean(JobstatusCallOutcomes.class).lastCall("nexudus"))
                            .isEqualTo(new JobstatusCallOutcomes.LastCall(true, null, false));
                });
        assertThatThrownBy(() -> kept[0].backgroundJobs().get(1)).isInstanceOf(ClientClosedException.class);
    }

    @Test
    void closingTheContextEndsPendingWaitsAndEveryThreadTheClientsStarted() throws Exception {
        Set<Thread> before = Threads.live();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        Set<Thread> started = new HashSet<>();
        runner.withPropertyValues(nexudus())
                .withPropertyValues(asana())
                .withPropertyValues("jobstatus.asana.poll.initial-interval=10m", "jobstatus.asana.poll.timeout=1h")
                .run(context -> {
                    context.getBean(NexudusClient.class)
                            .backgroundJobs()
                            .waiter(1)
                            .awaitAsync()
                            .get(30, TimeUnit.SECONDS);
                    ASANA.addJob("1299", "in_progress");
                    pending.add(context.getBean(AsanaClient.class)
                            .jobs()
                            .waiter("1299")
                            .awaitAsync());
                    started.addAll(Threads.live());
                });
        for (CompletableFuture<?> wait : pending) {
            assertThatThrownBy(() -> wait.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(ClientClosedException.class);
        }
        started.addAll(Threads.live());
        started.removeAll(before);
        assertThat(started).extracting(Thread::getName).anyMatch(name -> name.startsWith("jobstatus-nexudus-"));
        assertThat(started).allSatisfy(thread -> {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(thread.isAlive())
                    .as(thread.getName() + " after the context closed")
                    .isFalse();
        });
    }

    @Test
    void onlyTheConfiguredProviderGetsAClient() {
        runner.withPropertyValues(asana())
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(AsanaClient.class)
                        .doesNotHaveBean(NexudusClient.class)
                        .doesNotHaveBean(WixClient.class));
    }

    @Test
    void aHalfDoneConfigurationFailsNamingTheMissingPropertyAndNoValue() {
        assertFailure(
                "jobstatus.nexudus.password is not set: jobstatus.nexudus.username needs it",
                "jobstatus.nexudus.username=someone@example.com");
        assertFailure(
                "No credentials for nexudus: set jobstatus.nexudus.bearer-token, or jobstatus.nexudus.username and "
                        + "jobstatus.nexudus.password",
                "jobstatus.nexudus.base-url=" + NEXUDUS.baseUrl());
        assertFailure(
                "More than one way of authenticating to nexudus",
                "jobstatus.nexudus.bearer-token=tok-secret-1",
                "jobstatus.nexudus.username=someone@example.com",
                "jobstatus.nexudus.password=pw-secret-2");
        assertFailure(
                "Set exactly one of jobstatus.wix.site-id and jobstatus.wix.account-id with jobstatus.wix.api-key",
                "jobstatus.wix.api-key=key-secret-3");
        assertFailure(
                "jobstatus.wix.api-key is not set: jobstatus.wix.account-id needs it",
                "jobstatus.wix.account-id=acc-1");
        assertFailure(
                "jobstatus.wix.instance-id is not set: jobstatus.wix.client-id needs it",
                "jobstatus.wix.client-id=app-1",
                "jobstatus.wix.client-secret=cs-secret-4");
        assertFailure(
                "jobstatus.asana.refresh-token is not set: jobstatus.asana.client-id needs it",
                "jobstatus.asana.client-id=app-2",
                "jobstatus.asana.client-secret=cs-secret-5");
    }

    private void assertFailure(String message, String... properties) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            StringBuilder all = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                all.append(t).append('\n');
            }
            assertThat(all.toString()).contains(message).doesNotContain("secret-", "someone@example.com");
        });
    }

    @Test
    void theApplicationsOwnClientWins() {
        try (NexudusClient own = NexudusClient.builder()
                .baseUrl(NEXUDUS.baseUrl())
                .bearerToken("own")
                .build()) {
            runner.withPropertyValues(nexudus())
                    .withBean(NexudusClient.class, () -> own)
                    .run(context -> assertThat(context)
                            .hasNotFailed()
                            .getBean(NexudusClient.class)
                            .isSameAs(own));
        }
    }

    @Test
    void redisOnTheClassPathWithAUrlSharesStateAndWithoutTheModuleItIsIgnored() {
        runner.withPropertyValues(nexudus())
                .withPropertyValues("jobstatus.redis.url=redis://localhost:1")
                .run(context -> {
                    assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(SharedState.class)
                            .hasSingleBean(NexudusClient.class);
                    assertThat(context.getBean(SharedState.class)).isInstanceOf(RedisSharedState.class);
                });
        runner.withPropertyValues(nexudus()).run(context -> assertThat(context).doesNotHaveBean(SharedState.class));
        runner.withPropertyValues(nexudus())
                .withPropertyValues("jobstatus.redis.url=redis://localhost:1")
                .withClassLoader(new FilteredClassLoader(RedisSharedState.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(SharedState.class)
                        .hasSingleBean(NexudusClient.class));
    }

    @Test
    void withAnObservationRegistryEveryCallIsObservedAndWithoutOneNothingIs() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        runner.withPropertyValues(nexudus())
                .withBean(ObservationRegistry.class, () -> registry)
                .run(context -> {
                    assertThat(context).hasSingleBean(JobstatusObservations.class);
                    context.getBean(NexudusClient.class).backgroundJobs().get(2);
                    assertThat(meters.get(JobstatusObservations.OPERATIONS)
                                    .tag("jobstatus.operation", "get")
                                    .timer()
                                    .count())
                            .isEqualTo(1);
                });
        runner.withPropertyValues(nexudus())
                .run(context -> assertThat(context).doesNotHaveBean(JobstatusObservations.class));
        runner.withPropertyValues(nexudus())
                .withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(JobstatusObservations.class));
    }

    @Test
    void refusedCredentialsAreRecordedWithoutTheirValue() {
        runner.withPropertyValues(
                        "jobstatus.asana.base-url=" + ASANA.baseUrl(), "jobstatus.asana.bearer-token=wrong-secret-6")
                .run(context -> {
                    AsanaClient asana = context.getBean(AsanaClient.class);
                    assertThatThrownBy(() -> asana.jobs().get("1201"))
                            .isInstanceOf(AuthenticationException.class)
                            .satisfies(e -> assertThat(e.toString()).doesNotContain("wrong-secret-6"));
                    assertThat(context.getBean(JobstatusCallOutcomes.class).lastCall("asana"))
                            .isEqualTo(new JobstatusCallOutcomes.LastCall(false, "AuthenticationException", true));
                    assertThat(context.getBean(JobstatusCallOutcomes.class)
                                    .health("asana")
                                    .status())
                            .isEqualTo("DOWN");
                    assertThat(context.getBean(JobstatusProperties.class) + " " + asana)
                            .doesNotContain("wrong-secret-6");
                });
    }

    @Test
    void theSanitizerKnowsTheSecretsInEveryFormTheEndpointsShow() {
        assertThat(JobstatusSanitizingAutoConfiguration.isSecret("jobstatus.nexudus.bearer-token"))
                .isTrue();
        assertThat(JobstatusSanitizingAutoConfiguration.isSecret("jobstatus.nexudus.bearerToken"))
                .isTrue();
        assertThat(JobstatusSanitizingAutoConfiguration.isSecret("JOBSTATUS_NEXUDUS_PASSWORD"))
                .isTrue();
        assertThat(JobstatusSanitizingAutoConfiguration.isSecret("JOBSTATUS_WIX_API_KEY"))
                .isTrue();
        assertThat(JobstatusSanitizingAutoConfiguration.isSecret("jobstatus.wix.clientSecret"))
                .isTrue();
        assertThat(JobstatusSanitizingAutoConfiguration.isSecret("jobstatus.asana.refresh-token"))
                .isTrue();
        assertThat(JobstatusSanitizingAutoConfiguration.isSecret("jobstatus.redis.url"))
                .isTrue();
        assertThat(JobstatusSanitizingAutoConfiguration.isSecret("jobstatus.wix.site-id"))
                .isFalse();
        assertThat(JobstatusSanitizingAutoConfiguration.isSecret("jobstatus.nexudus.username"))
                .isFalse();
        assertThat(JobstatusSanitizingAutoConfiguration.isSecret("spring.datasource.password"))
                .isFalse();
    }
}
