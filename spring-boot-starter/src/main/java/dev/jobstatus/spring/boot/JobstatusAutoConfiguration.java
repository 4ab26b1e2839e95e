package dev.jobstatus.spring.boot;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.SharedState;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.micrometer.JobstatusObservations;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.redis.RedisSharedState;
import dev.jobstatus.wix.WixClient;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures a client bean for each provider with {@code jobstatus.<provider>.*} properties (none for the
 * others; an application's own client bean wins), closed with the context. Each client tells its calls to every
 * {@link ClientListener} bean: {@link JobstatusCallOutcomes} for health, {@link JobstatusObservations} when the
 * application has an {@link ObservationRegistry}, and any of the application's own. With the redis module on the
 * class path and {@code jobstatus.redis.url} set, the clients share quota and tokens through Redis.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
        })
@EnableConfigurationProperties(JobstatusProperties.class)
public class JobstatusAutoConfiguration {
    /** Created by Spring Boot. */
    public JobstatusAutoConfiguration() {}

    /**
     * {@return the record of each provider's last call, for health}
     */
    @Bean
    @ConditionalOnMissingBean
    public JobstatusCallOutcomes jobstatusCallOutcomes() {
        return new JobstatusCallOutcomes();
    }

    /**
     * {@return the Nexudus client}
     *
     * @param properties the {@code jobstatus.*} properties
     * @param listeners the listener beans
     * @param sharedState the shared state, if any
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(OnProviderConfigured.Nexudus.class)
    public NexudusClient nexudusClient(
            JobstatusProperties properties,
            ObjectProvider<ClientListener> listeners,
            ObjectProvider<SharedState> sharedState) {
        return factory(listeners, sharedState).nexudus(properties.getNexudus());
    }

    /**
     * {@return the Wix client}
     *
     * @param properties the {@code jobstatus.*} properties
     * @param listeners the listener beans
     * @param sharedState the shared state, if any
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(OnProviderConfigured.Wix.class)
    public WixClient wixClient(
            JobstatusProperties properties,
            ObjectProvider<ClientListener> listeners,
            ObjectProvider<SharedState> sharedState) {
        return factory(listeners, sharedState).wix(properties.getWix());
    }

    /**
     * {@return the Asana client}
     *
     * @param properties the {@code jobstatus.*} properties
     * @param listeners the listener beans
     * @param sharedState the shared state, if any
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(OnProviderConfigured.Asana.class)
    public AsanaClient asanaClient(
            JobstatusProperties properties,
            ObjectProvider<ClientListener> listeners,
            ObjectProvider<SharedState> sharedState) {
        return factory(listeners, sharedState).asana(properties.getAsana());
    }

    private static ClientFactory factory(
            ObjectProvider<ClientListener> listeners, ObjectProvider<SharedState> sharedState) {
        return new ClientFactory(listeners.orderedStream().toList(), sharedState.getIfUnique());
    }

    /** Observations of every call, when the application has an observation registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    static class Observations {
        @Bean
        @ConditionalOnBean(ObservationRegistry.class)
        @ConditionalOnMissingBean
        JobstatusObservations jobstatusObservations(ObservationRegistry registry) {
            return JobstatusObservations.create(registry);
        }
    }

    /** Quota and tokens shared through Redis, when the redis module is present and a URL is set. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RedisSharedState.class)
    @ConditionalOnProperty("jobstatus.redis.url")
    static class Redis {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(SharedState.class)
        RedisSharedState jobstatusRedisSharedState(JobstatusProperties properties) {
            String url = properties.getRedis().getUrl();
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("jobstatus.redis.url is blank");
            }
            try {
                return RedisSharedState.connect(url);
            } catch (IllegalArgumentException e) {
                // The client's message shows the URL without its user info.
                throw new IllegalStateException("jobstatus.redis.url: " + e.getMessage(), e);
            }
        }
    }
}
