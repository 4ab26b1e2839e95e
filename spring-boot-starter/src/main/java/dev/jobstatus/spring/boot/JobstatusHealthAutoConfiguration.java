package dev.jobstatus.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@code jobstatus} health contributor on Boot 3.5's health API, in {@code org.springframework.boot.actuate.health}: one indicator per provider with a client bean, reporting what
 * {@link JobstatusCallOutcomes} recorded of its last call (no call of its own, so no quota spent). Off with
 * {@code management.health.jobstatus.enabled=false}.
 */
@AutoConfiguration(after = JobstatusAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnProperty(prefix = "management.health.jobstatus", name = "enabled", matchIfMissing = true)
public class JobstatusHealthAutoConfiguration {
    /** Created by Spring Boot. */
    public JobstatusHealthAutoConfiguration() {}

    /**
     * {@return the contributor named {@code jobstatus}, with one indicator per provider}
     *
     * @param outcomes the last calls
     * @param beans the application's beans, to find the clients the starter built
     */
    @Bean
    @ConditionalOnMissingBean(name = "jobstatusHealthContributor")
    public CompositeHealthContributor jobstatusHealthContributor(
            JobstatusCallOutcomes outcomes, ConfigurableListableBeanFactory beans) {
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        for (String provider : JobstatusCallOutcomes.providers(beans)) {
            indicators.put(provider, () -> {
                JobstatusCallOutcomes.HealthReport report = outcomes.health(provider);
                return Health.status(report.status())
                        .withDetails(report.details())
                        .build();
            });
        }
        return CompositeHealthContributor.fromMap(indicators);
    }
}
