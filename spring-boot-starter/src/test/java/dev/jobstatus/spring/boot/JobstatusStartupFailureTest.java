package dev.jobstatus.spring.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

/**
 * Every way a careless configuration can be wrong fails at startup with a message that names the property at fault
 * and carries no secret: each provider's incomplete or doubled credentials, blank and line-broken values, and
 * settings the client refuses (a base URL that is not one, zero or negative timeouts, a value of the wrong type).
 */
@ExtendWith(SoftAssertionsExtension.class)
class JobstatusStartupFailureTest {
    @InjectSoftAssertions
    private SoftAssertions softly;

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JobstatusAutoConfiguration.class));

    @Test
    void everyIncompleteOrDoubledNexudusConfigurationNamesTheProperty() {
        assertFailure("jobstatus.nexudus.password", "jobstatus.nexudus.username=someone@example.com");
        assertFailure("jobstatus.nexudus.username", "jobstatus.nexudus.password=secret-1");
        assertFailure("jobstatus.nexudus.bearer-token", "jobstatus.nexudus.read-timeout=5s");
        assertFailure(
                "jobstatus.nexudus.bearer-token",
                "jobstatus.nexudus.bearer-token=secret-1",
                "jobstatus.nexudus.username=someone@example.com");
        assertFailure(
                "jobstatus.nexudus.bearer-token",
                "jobstatus.nexudus.bearer-token=secret-1",
                "jobstatus.nexudus.password=secret-2");
        assertFailure("jobstatus.nexudus.bearer-token", "jobstatus.nexudus.bearer-token=   ");
        assertFailure(
                "jobstatus.nexudus.password",
                "jobstatus.nexudus.username=someone@example.com",
                "jobstatus.nexudus.password=\t");
    }

    @Test
    void everyIncompleteOrDoubledWixConfigurationNamesTheProperty() {
        assertFailure("jobstatus.wix.site-id", "jobstatus.wix.api-key=secret-1");
        assertFailure(
                "jobstatus.wix.account-id",
                "jobstatus.wix.api-key=secret-1",
                "jobstatus.wix.site-id=s",
                "jobstatus.wix.account-id=a");
        assertFailure("jobstatus.wix.api-key", "jobstatus.wix.site-id=s");
        assertFailure("jobstatus.wix.client-secret", "jobstatus.wix.client-id=c", "jobstatus.wix.instance-id=i");
        assertFailure("jobstatus.wix.client-id", "jobstatus.wix.client-secret=secret-1");
        assertFailure("jobstatus.wix.client-id", "jobstatus.wix.instance-id=i");
        assertFailure(
                "jobstatus.wix.api-key",
                "jobstatus.wix.api-key=secret-1",
                "jobstatus.wix.site-id=s",
                "jobstatus.wix.client-id=c",
                "jobstatus.wix.client-secret=secret-2",
                "jobstatus.wix.instance-id=i");
        assertFailure(
                "jobstatus.wix.site-id",
                "jobstatus.wix.site-id=s",
                "jobstatus.wix.client-id=c",
                "jobstatus.wix.client-secret=secret-2",
                "jobstatus.wix.instance-id=i");
    }

    @Test
    void everyIncompleteOrDoubledAsanaConfigurationNamesTheProperty() {
        assertFailure("jobstatus.asana.client-secret", "jobstatus.asana.client-id=c");
        assertFailure(
                "jobstatus.asana.client-id",
                "jobstatus.asana.client-secret=secret-1",
                "jobstatus.asana.refresh-token=secret-2");
        assertFailure(
                "jobstatus.asana.bearer-token",
                "jobstatus.asana.bearer-token=secret-1",
                "jobstatus.asana.refresh-token=secret-2");
        assertFailure("jobstatus.asana.bearer-token", "jobstatus.asana.base-url=https://app.asana.com/api/1.0");
    }

    @Test
    void aValueTheClientRefusesNamesThePropertyAndNoSecret() {
        assertFailure(
                "jobstatus.nexudus.base-url",
                "jobstatus.nexudus.bearer-token=secret-1",
                "jobstatus.nexudus.base-url=spaces.nexudus.com");
        assertFailure(
                "jobstatus.asana.base-url",
                "jobstatus.asana.bearer-token=secret-1",
                "jobstatus.asana.base-url=http://app.asana.example/api/1.0");
        assertFailure(
                "jobstatus.asana.connect-timeout",
                "jobstatus.asana.bearer-token=secret-1",
                "jobstatus.asana.connect-timeout=0s");
        assertFailure(
                "jobstatus.asana.read-timeout",
                "jobstatus.asana.bearer-token=secret-1",
                "jobstatus.asana.read-timeout=-1s");
        assertFailure(
                "jobstatus.asana.call-timeout",
                "jobstatus.asana.bearer-token=secret-1",
                "jobstatus.asana.call-timeout=-5s");
        assertFailure(
                "jobstatus.asana.read-timeout",
                "jobstatus.asana.bearer-token=secret-1",
                "jobstatus.asana.read-timeout=banana");
        assertFailure(
                "jobstatus.wix.retry.max-retries",
                "jobstatus.wix.api-key=secret-1",
                "jobstatus.wix.site-id=s",
                "jobstatus.wix.retry.max-retries=-1");
        assertFailure(
                "jobstatus.wix.retry.initial-backoff",
                "jobstatus.wix.api-key=secret-1",
                "jobstatus.wix.site-id=s",
                "jobstatus.wix.retry.initial-backoff=-1s");
        assertFailure(
                "jobstatus.wix.poll.multiplier",
                "jobstatus.wix.api-key=secret-1",
                "jobstatus.wix.site-id=s",
                "jobstatus.wix.poll.multiplier=0.5");
        assertFailure(
                "jobstatus.wix.poll.initial-interval",
                "jobstatus.wix.api-key=secret-1",
                "jobstatus.wix.site-id=s",
                "jobstatus.wix.poll.initial-interval=0s");
        assertFailure(
                "jobstatus.wix.poll.timeout",
                "jobstatus.wix.api-key=secret-1",
                "jobstatus.wix.site-id=s",
                "jobstatus.wix.poll.timeout=-1s");
    }

    @Test
    void aSecretWithALineBreakNamesItsPropertyAtStartup() {
        // As a secret read from a file or a Windows-edited .env often is; withPropertyValues would strip it.
        Map<String, Map<String, Object>> configurations = Map.of(
                "jobstatus.nexudus.bearer-token",
                Map.of("jobstatus.nexudus.base-url", "http://localhost:1"),
                "jobstatus.wix.api-key",
                Map.of("jobstatus.wix.base-url", "http://localhost:1", "jobstatus.wix.site-id", "s"),
                "jobstatus.asana.client-secret",
                Map.of(
                        "jobstatus.asana.base-url", "http://localhost:1",
                        "jobstatus.asana.client-id", "c",
                        "jobstatus.asana.refresh-token", "secret-2"));
        configurations.forEach((property, others) -> {
            Map<String, Object> values = new LinkedHashMap<>(others);
            values.put(property, "secret-1\r\n");
            runner.withInitializer(context -> context.getEnvironment()
                            .getPropertySources()
                            .addFirst(new MapPropertySource("secrets", values)))
                    .run(context -> assertNamed(context, property, property));
        });
    }

    @Test
    void aRedisUrlThatIsNoneNamesThePropertyAndNotItsPassword() {
        assertFailure(
                "jobstatus.redis.url",
                "jobstatus.asana.bearer-token=secret-1",
                "jobstatus.redis.url=http://jobs:secret-2@redis.internal:6379");
        assertFailure("jobstatus.redis.url", "jobstatus.asana.bearer-token=secret-1", "jobstatus.redis.url= ");
    }

    private void assertFailure(String property, String... properties) {
        runner.withPropertyValues(properties)
                .run(context -> assertNamed(context, property, String.join(", ", properties)));
    }

    private void assertNamed(AssertableApplicationContext context, String property, String description) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
            chain.add(t.toString());
        }
        softly.assertThat(String.join("\n", chain))
                .as(description)
                .contains(property)
                .doesNotContain("secret-", "someone@example.com");
    }
}
