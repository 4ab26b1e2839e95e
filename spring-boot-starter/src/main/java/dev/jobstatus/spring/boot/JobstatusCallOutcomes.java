package dev.jobstatus.spring.boot;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.wix.WixClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.type.MethodMetadata;

/**
 * The outcome of each provider's last call, as the clients the starter builds report it: what the {@code jobstatus}
 * health contributor shows, without a call of its own. A wait is not a call (its polls are), and a call ended by
 * closing the client is not an outcome. Thread-safe.
 */
public final class JobstatusCallOutcomes implements ClientListener {
    private final Map<String, LastCall> lastCalls = new ConcurrentHashMap<>();

    /** Creates a record with no call yet. */
    public JobstatusCallOutcomes() {}

    @Override
    public Operation operationStarted(
            String provider, String operation, @Nullable String jobId, @Nullable Operation parent) {
        if ("wait".equals(operation)) {
            return Operation.NONE;
        }
        return new Operation() {
            @Override
            public void ended(@Nullable Throwable error) {
                if (!(error instanceof ClientClosedException)) {
                    lastCalls.compute(provider, (name, previous) -> LastCall.after(previous, error));
                }
            }
        };
    }

    /**
     * {@return the last call of {@code provider}, or {@code null} if none ended yet}
     *
     * @param provider the provider, such as {@code nexudus}
     */
    public @Nullable LastCall lastCall(String provider) {
        return lastCalls.get(provider);
    }

    /**
     * {@return the health of {@code provider} in Spring Boot's terms}: {@code UNKNOWN} before any call, {@code DOWN}
     * once its credentials were refused until a call succeeds, {@code UP} otherwise (a provider's outage is its own,
     * not the application's), with the last call's outcome and error class as details.
     *
     * @param provider the provider, such as {@code nexudus}
     */
    HealthReport health(String provider) {
        LastCall last = lastCalls.get(provider);
        Map<String, Object> details = new LinkedHashMap<>();
        if (last == null) {
            details.put("lastCall", "none");
            return new HealthReport("UNKNOWN", details);
        }
        details.put("lastCall", last.succeeded() ? "succeeded" : "failed");
        if (last.error() != null) {
            details.put("error", last.error());
        }
        if (last.credentialsRefused()) {
            details.put("credentials", "refused");
        }
        return new HealthReport(last.credentialsRefused() ? "DOWN" : "UP", details);
    }

    /**
     * {@return the providers whose client the starter built, and so hears: whose health the {@code jobstatus}
     * contributor shows} An application's own client bean is left out, as its calls would never reach this record
     * and its component would stay {@code UNKNOWN}.
     *
     * @param beans the application's beans
     */
    static List<String> providers(ConfigurableListableBeanFactory beans) {
        Map<String, Class<?>> clients = new LinkedHashMap<>();
        clients.put("nexudus", NexudusClient.class);
        clients.put("wix", WixClient.class);
        clients.put("asana", AsanaClient.class);
        List<String> providers = new ArrayList<>();
        clients.forEach((provider, type) -> {
            for (String name : beans.getBeanNamesForType(type, true, false)) {
                if (builtByTheStarter(beans, name)) {
                    providers.add(provider);
                    return;
                }
            }
        });
        return providers;
    }

    private static boolean builtByTheStarter(ConfigurableListableBeanFactory beans, String name) {
        if (!beans.containsBeanDefinition(name)
                || !(beans.getBeanDefinition(name) instanceof AnnotatedBeanDefinition definition)) {
            return false;
        }
        MethodMetadata factoryMethod = definition.getFactoryMethodMetadata();
        return factoryMethod != null
                && factoryMethod.getDeclaringClassName().equals(JobstatusAutoConfiguration.class.getName());
    }

    /** A health status code and its details, for either Boot line's health API. */
    record HealthReport(String status, Map<String, Object> details) {}

    /**
     * How a provider's last call ended.
     *
     * @param succeeded whether it succeeded
     * @param error the simple class name of its exception (never its message), or {@code null} if it succeeded
     * @param credentialsRefused whether the provider refused the credentials, on this call or an earlier one since the
     *     last success
     */
    public record LastCall(boolean succeeded, @Nullable String error, boolean credentialsRefused) {
        static LastCall after(@Nullable LastCall previous, @Nullable Throwable error) {
            if (error == null) {
                return new LastCall(true, null, false);
            }
            boolean refused =
                    error instanceof AuthenticationException || previous != null && previous.credentialsRefused();
            return new LastCall(false, error.getClass().getSimpleName(), refused);
        }
    }
}
