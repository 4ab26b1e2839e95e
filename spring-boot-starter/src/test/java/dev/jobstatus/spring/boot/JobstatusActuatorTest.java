package dev.jobstatus.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.Fault;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.WixSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The actuator side on Spring Boot 3.5's health API: the {@code jobstatus} contributor per provider from the
 * clients' own calls, and {@code configprops} with {@code show-values=always} still masking every secret. (The
 * example application's {@code @SpringBootTest} checks the same over HTTP under Boot 3.5 and 4.0.)
 */
class JobstatusActuatorTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JobstatusAutoConfiguration.class,
                    JobstatusHealthAutoConfiguration.class,
                    JobstatusHealthBoot4AutoConfiguration.class,
                    JobstatusSanitizingAutoConfiguration.class,
                    EndpointAutoConfiguration.class,
                    ConfigurationPropertiesReportEndpointAutoConfiguration.class,
                    EnvironmentEndpointAutoConfiguration.class));

    @Test
    void healthHasOneIndicatorPerProviderFromItsLastCallAndSpendsNoCallOfItsOwn() {
        try (NexudusSimulator nexudusApi =
                        NexudusSimulator.start().withoutRateLimits().seed(3);
                AsanaSimulator asanaApi =
                        AsanaSimulator.start().withoutRateLimits().addJob("1201", "succeeded")) {
            runner.withPropertyValues(
                            "jobstatus.nexudus.base-url=" + nexudusApi.baseUrl(),
                            "jobstatus.nexudus.username=" + NexudusSimulator.USERNAME,
                            "jobstatus.nexudus.password=" + NexudusSimulator.PASSWORD,
                            "jobstatus.asana.base-url=" + asanaApi.baseUrl(),
                            "jobstatus.asana.bearer-token=wrong-token")
                    .run(context -> {
                        CompositeHealthContributor jobstatus =
                                context.getBean("jobstatusHealthContributor", CompositeHealthContributor.class);
                        List<String> names = new ArrayList<>();
                        jobstatus.forEach(named -> names.add(named.getName()));
                        assertThat(names).containsExactly("nexudus", "asana");

                        assertThat(health(jobstatus, "nexudus").getStatus()).isEqualTo(Status.UNKNOWN);
                        assertThat(health(jobstatus, "nexudus").getDetails()).containsEntry("lastCall", "none");
                        assertThat(nexudusApi.server().getRequestCount()).isZero();

                        context.getBean(NexudusClient.class).backgroundJobs().get(1);
                        assertThat(health(jobstatus, "nexudus").getStatus()).isEqualTo(Status.UP);
                        assertThat(health(jobstatus, "nexudus").getDetails()).containsEntry("lastCall", "succeeded");

                        AsanaClient asana = context.getBean(AsanaClient.class);
                        assertThatThrownBy(() -> asana.jobs().get("1201")).isInstanceOf(AuthenticationException.class);
                        int asanaRequests = asanaApi.server().getRequestCount();
                        Health refused = health(jobstatus, "asana");
                        assertThat(refused.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(refused.getDetails())
                                .containsEntry("lastCall", "failed")
                                .containsEntry("error", "AuthenticationException")
                                .containsEntry("credentials", "refused");
                        assertThat(refused.toString()).doesNotContain("wrong-token");
                        assertThat(asanaApi.server().getRequestCount()).isEqualTo(asanaRequests);
                    });
        }
    }

    @Test
    void anApplicationsOwnClientWhoseCallsTheStarterDoesNotHearHasNoComponentThatStaysUnknown() {
        try (NexudusSimulator nexudusApi =
                        NexudusSimulator.start().withoutRateLimits().seed(1);
                NexudusClient own = NexudusClient.builder()
                        .baseUrl(nexudusApi.baseUrl())
                        .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                        .build()) {
            runner.withPropertyValues("jobstatus.asana.bearer-token=t", "jobstatus.asana.base-url=http://localhost:1")
                    .withBean(NexudusClient.class, () -> own)
                    .run(context -> {
                        CompositeHealthContributor jobstatus =
                                context.getBean("jobstatusHealthContributor", CompositeHealthContributor.class);
                        List<String> names = new ArrayList<>();
                        jobstatus.forEach(named -> names.add(named.getName()));
                        assertThat(names).containsExactly("asana");
                    });
        }
    }

    @Test
    void healthCanBeSwitchedOff() {
        runner.withPropertyValues("jobstatus.asana.bearer-token=t", "management.health.jobstatus.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("jobstatusHealthContributor"));
    }

    @Test
    void configpropsMasksEverySecretEvenWithShowValuesAlways() {
        runner.withPropertyValues(
                        "management.endpoint.configprops.show-values=always",
                        "spring.jmx.enabled=true",
                        "management.endpoints.jmx.exposure.include=configprops",
                        "jobstatus.nexudus.username=" + NexudusSimulator.USERNAME,
                        "jobstatus.nexudus.password=" + NexudusSimulator.PASSWORD,
                        "jobstatus.wix.api-key=" + WixSimulator.API_KEY,
                        "jobstatus.wix.site-id=" + WixSimulator.SITE_ID,
                        "jobstatus.asana.client-id=" + AsanaSimulator.CLIENT_ID,
                        "jobstatus.asana.client-secret=" + AsanaSimulator.CLIENT_SECRET,
                        "jobstatus.asana.refresh-token=" + AsanaSimulator.REFRESH_TOKEN,
                        "jobstatus.redis.url=redis://jobs:redis-secret@localhost:1")
                .run(context -> {
                    StringBuilder report = new StringBuilder();
                    context.getBean(ConfigurationPropertiesReportEndpoint.class)
                            .configurationPropertiesWithPrefix("jobstatus")
                            .getContexts()
                            .values()
                            .forEach(c -> c.getBeans()
                                    .values()
                                    .forEach(bean ->
                                            report.append(bean.getProperties()).append(bean.getInputs())));
                    assertThat(report.toString())
                            .contains(
                                    NexudusSimulator.USERNAME, WixSimulator.SITE_ID, AsanaSimulator.CLIENT_ID, "******")
                            .doesNotContain(
                                    NexudusSimulator.PASSWORD,
                                    WixSimulator.API_KEY,
                                    AsanaSimulator.CLIENT_SECRET,
                                    AsanaSimulator.REFRESH_TOKEN,
                                    "redis-secret");
                });
    }

    @Test
    void refusedCredentialsAreDownUntilACallSucceeds() {
        try (AsanaSimulator asanaApi =
                AsanaSimulator.start().withoutRateLimits().addJob("1201", "succeeded")) {
            runner.withPropertyValues(
                            "jobstatus.asana.base-url=" + asanaApi.baseUrl(),
                            "jobstatus.asana.bearer-token=" + AsanaSimulator.TOKEN,
                            "jobstatus.asana.retry.max-retries=0")
                    .run(context -> {
                        CompositeHealthContributor jobstatus =
                                context.getBean("jobstatusHealthContributor", CompositeHealthContributor.class);
                        AsanaClient asana = context.getBean(AsanaClient.class);
                        asanaApi.inject(Fault.status(401));
                        assertThatThrownBy(() -> asana.jobs().get("1201")).isInstanceOf(AuthenticationException.class);
                        assertThat(health(jobstatus, "asana").getStatus()).isEqualTo(Status.DOWN);

                        asanaApi.inject(Fault.status(503));
                        assertThatThrownBy(() -> asana.jobs().get("1201"))
                                .isNotInstanceOf(AuthenticationException.class);
                        assertThat(health(jobstatus, "asana").getStatus())
                                .as("a later failure of another kind does not clear the refusal")
                                .isEqualTo(Status.DOWN);

                        asana.jobs().get("1201");
                        Health back = health(jobstatus, "asana");
                        assertThat(back.getStatus()).isEqualTo(Status.UP);
                        assertThat(back.getDetails())
                                .containsEntry("lastCall", "succeeded")
                                .doesNotContainKey("credentials");
                    });
        }
    }

    @Test
    void envMasksEverySecretEvenWithShowValuesAlwaysInEveryForm() {
        runner.withPropertyValues(
                        "management.endpoint.env.show-values=always",
                        "spring.jmx.enabled=true",
                        "management.endpoints.jmx.exposure.include=env",
                        "jobstatus.nexudus.username=" + NexudusSimulator.USERNAME,
                        "jobstatus.nexudus.password=" + NexudusSimulator.PASSWORD,
                        "jobstatus.wix.api-key=" + WixSimulator.API_KEY,
                        "jobstatus.wix.site-id=" + WixSimulator.SITE_ID,
                        "jobstatus.redis.url=redis://jobs:redis-secret@localhost:1")
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(
                                "systemEnvironment-test",
                                Map.of(
                                        "JOBSTATUS_ASANA_BEARER_TOKEN", "asana-env-secret",
                                        "JOBSTATUS_ASANA_BASE_URL", "http://localhost:1"))))
                .run(context -> {
                    EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
                    StringBuilder report = new StringBuilder();
                    env.environment(null)
                            .getPropertySources()
                            .forEach(source -> source.getProperties()
                                    .forEach((name, value) -> report.append(name)
                                            .append('=')
                                            .append(value.getValue())
                                            .append('\n')));
                    for (String name : List.of(
                            "jobstatus.nexudus.password",
                            "jobstatus.wix.api-key",
                            "jobstatus.asana.bearer-token",
                            "jobstatus.redis.url")) {
                        env.environmentEntry(name)
                                .getPropertySources()
                                .forEach(source -> report.append(name)
                                        .append('=')
                                        .append(
                                                source.getProperty() == null
                                                        ? null
                                                        : source.getProperty().getValue())
                                        .append('\n'));
                    }
                    assertThat(report.toString())
                            .contains(NexudusSimulator.USERNAME, WixSimulator.SITE_ID, "http://localhost:1", "******")
                            .doesNotContain(
                                    NexudusSimulator.PASSWORD,
                                    WixSimulator.API_KEY,
                                    "asana-env-secret",
                                    "redis-secret");
                });
    }

    private static Health health(CompositeHealthContributor jobstatus, String provider) {
        return ((HealthIndicator) jobstatus.getContributor(provider)).health();
    }
}
