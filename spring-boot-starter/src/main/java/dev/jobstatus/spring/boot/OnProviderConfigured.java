package dev.jobstatus.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when any {@code jobstatus.<provider>.*} property is set, in any of Boot's relaxed forms: the provider is
 * wanted, and a half-done configuration then fails naming what is missing instead of leaving the client out.
 */
abstract class OnProviderConfigured extends SpringBootCondition {
    private final String provider;

    OnProviderConfigured(String provider) {
        this.provider = provider;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConfigurationPropertyName prefix = ConfigurationPropertyName.of("jobstatus." + provider);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(context.getEnvironment())) {
            if (source.containsDescendantOf(prefix) == ConfigurationPropertyState.PRESENT) {
                return ConditionOutcome.match("jobstatus." + provider + ".* properties are set");
            }
        }
        return ConditionOutcome.noMatch("no jobstatus." + provider + ".* property is set");
    }

    /** Nexudus is configured. */
    static final class Nexudus extends OnProviderConfigured {
        Nexudus() {
            super("nexudus");
        }
    }

    /** Wix is configured. */
    static final class Wix extends OnProviderConfigured {
        Wix() {
            super("wix");
        }
    }

    /** Asana is configured. */
    static final class Asana extends OnProviderConfigured {
        Asana() {
            super("asana");
        }
    }
}
