package dev.jobstatus.spring.boot;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks the jobstatus secrets in the actuator's {@code configprops} and {@code env} endpoints. Boot masks every value
 * unless {@code management.endpoint.*.show-values} says otherwise, and then masks nothing but what a
 * {@link SanitizingFunction} masks: this one keeps tokens, passwords, keys, client secrets and the Redis URL (its
 * password) masked whatever that setting. The same class serves Boot 3.5 and 4.0.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class JobstatusSanitizingAutoConfiguration {
    /** How the secret properties end, lower case without separators. */
    private static final Set<String> SECRETS =
            Set.of("bearertoken", "password", "apikey", "clientsecret", "refreshtoken");

    /** Created by Spring Boot. */
    public JobstatusSanitizingAutoConfiguration() {}

    /** {@return the function that masks the jobstatus secrets} */
    @Bean
    public SanitizingFunction jobstatusSanitizingFunction() {
        return data -> isSecret(data.getKey()) ? data.withSanitizedValue() : data;
    }

    /**
     * {@return whether {@code key} names a jobstatus secret}, in any of the forms the endpoints show it: {@code
     * jobstatus.nexudus.bearer-token}, {@code jobstatus.nexudus.bearerToken}, {@code JOBSTATUS_NEXUDUS_BEARERTOKEN}
     *
     * @param key the property's name as an endpoint shows it
     */
    static boolean isSecret(String key) {
        String flat = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return flat.startsWith("jobstatus")
                && (flat.equals("jobstatusredisurl") || SECRETS.stream().anyMatch(flat::endsWith));
    }
}
