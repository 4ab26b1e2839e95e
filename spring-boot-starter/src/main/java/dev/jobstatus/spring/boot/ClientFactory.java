package dev.jobstatus.spring.boot;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.SharedState;
import dev.jobstatus.core.client.ClientBuilder;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.wix.WixClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Builds each provider's client from its properties, after checking that exactly one way of authenticating is
 * complete: a half-done configuration fails naming the properties, never their values.
 */
final class ClientFactory {
    private final ClientListener listener;
    private final @Nullable SharedState sharedState;

    ClientFactory(List<ClientListener> listeners, @Nullable SharedState sharedState) {
        this.listener = CompositeListener.of(listeners);
        this.sharedState = sharedState;
    }

    NexudusClient nexudus(JobstatusProperties.Nexudus p) {
        Map<String, @Nullable String> set = values(
                "nexudus",
                "bearer-token",
                p.getBearerToken(),
                "username",
                p.getUsername(),
                "password",
                p.getPassword());
        String way = oneWay("nexudus", set, List.of(List.of("bearer-token"), List.of("username", "password")));
        NexudusClient.Builder builder = common(NexudusClient.builder(), "nexudus", p);
        if (way.equals("bearer-token")) {
            builder.bearerToken(text(set, "bearer-token"));
        } else {
            builder.passwordGrant(text(set, "username"), text(set, "password"));
        }
        return build(builder, "nexudus", p, builder::build);
    }

    WixClient wix(JobstatusProperties.Wix p) {
        Map<String, @Nullable String> set = values(
                "wix",
                "api-key",
                p.getApiKey(),
                "client-id",
                p.getClientId(),
                "client-secret",
                p.getClientSecret(),
                "instance-id",
                p.getInstanceId(),
                "site-id",
                p.getSiteId(),
                "account-id",
                p.getAccountId());
        boolean site = set.get("site-id") != null;
        boolean account = set.get("account-id") != null;
        boolean oauth =
                set.get("client-id") != null || set.get("client-secret") != null || set.get("instance-id") != null;
        if ((site || account) && set.get("api-key") == null && !oauth) {
            throw new IllegalStateException("jobstatus.wix.api-key is not set: jobstatus.wix."
                    + (site ? "site-id" : "account-id") + " needs it");
        }
        String way =
                oneWay("wix", set, List.of(List.of("api-key"), List.of("client-id", "client-secret", "instance-id")));
        WixClient.Builder builder = common(WixClient.builder(), "wix", p);
        if (!way.equals("api-key")) {
            if (site || account) {
                throw new IllegalStateException("jobstatus.wix." + (site ? "site-id" : "account-id")
                        + " goes with jobstatus.wix.api-key only: the OAuth app's site is its "
                        + "jobstatus.wix.instance-id");
            }
            builder.oauth(text(set, "client-id"), text(set, "client-secret"), text(set, "instance-id"));
        } else if (site == account) {
            throw new IllegalStateException(
                    "Set exactly one of jobstatus.wix.site-id and jobstatus.wix.account-id with "
                            + "jobstatus.wix.api-key" + (site ? ", not both" : ""));
        } else {
            builder.apiKey(text(set, "api-key"));
            if (site) {
                builder.siteId(text(set, "site-id"));
            } else {
                builder.accountId(text(set, "account-id"));
            }
        }
        return build(builder, "wix", p, builder::build);
    }

    AsanaClient asana(JobstatusProperties.Asana p) {
        Map<String, @Nullable String> set = values(
                "asana",
                "bearer-token",
                p.getBearerToken(),
                "client-id",
                p.getClientId(),
                "client-secret",
                p.getClientSecret(),
                "refresh-token",
                p.getRefreshToken());
        String way = oneWay(
                "asana", set, List.of(List.of("bearer-token"), List.of("client-id", "client-secret", "refresh-token")));
        AsanaClient.Builder builder = common(AsanaClient.builder(), "asana", p);
        if (way.equals("bearer-token")) {
            builder.bearerToken(text(set, "bearer-token"));
        } else {
            builder.oauthRefresh(text(set, "client-id"), text(set, "client-secret"), text(set, "refresh-token"));
        }
        return build(builder, "asana", p, builder::build);
    }

    private static <B extends ClientBuilder<B>> B common(B builder, String provider, ProviderProperties p) {
        String prefix = "jobstatus." + provider + ".";
        set(prefix + "base-url", p.getBaseUrl(), builder::baseUrl);
        set(prefix + "connect-timeout", p.getConnectTimeout(), builder::connectTimeout);
        set(prefix + "read-timeout", p.getReadTimeout(), builder::readTimeout);
        set(prefix + "call-timeout", p.getCallTimeout(), builder::callTimeout);
        ProviderProperties.Retry retry = p.getRetry();
        RetryPolicy.Builder retries = RetryPolicy.defaults().toBuilder();
        set(prefix + "retry.max-retries", retry.getMaxRetries(), retries::maxRetries);
        set(prefix + "retry.initial-backoff", retry.getInitialBackoff(), retries::initialBackoff);
        set(prefix + "retry.max-backoff", retry.getMaxBackoff(), retries::maxBackoff);
        set(prefix + "retry.timeout", retry.getTimeout(), retries::timeout);
        ProviderProperties.Poll poll = p.getPoll();
        PollPolicy.Builder polls = PollPolicy.defaults().toBuilder();
        set(prefix + "poll.initial-interval", poll.getInitialInterval(), polls::initialInterval);
        set(prefix + "poll.multiplier", poll.getMultiplier(), polls::multiplier);
        set(prefix + "poll.max-interval", poll.getMaxInterval(), polls::maxInterval);
        set(prefix + "poll.timeout", poll.getTimeout(), polls::timeout);
        return builder.retryPolicy(retries.build()).pollPolicy(polls.build());
    }

    /**
     * Gives {@code value}, if set, to {@code setter}.
     *
     * @throws IllegalStateException naming {@code property} (its value only as the client's message quotes it) if the
     *     client refuses it
     */
    private static <T> void set(String property, @Nullable T value, Consumer<T> setter) {
        if (value != null) {
            try {
                setter.accept(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(property + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * {@return the client {@code builder} builds, with the listeners and shared state}
     *
     * @throws IllegalStateException naming the base URL property if the client refuses the base URL
     */
    private <C> C build(ClientBuilder<?> builder, String provider, ProviderProperties p, Supplier<C> build) {
        builder.listener(listener);
        if (sharedState != null) {
            builder.sharedState(sharedState);
        }
        try {
            return build.get();
        } catch (IllegalStateException | IllegalArgumentException e) {
            // The one check left to build() that a property decides: https for a base URL that is not loopback.
            String property = p.getBaseUrl() != null ? "jobstatus." + provider + ".base-url" : "jobstatus." + provider;
            throw new IllegalStateException(property + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@return the credential properties of {@code provider} by their short names, blank ones as absent}
     *
     * @throws IllegalStateException naming the property if a value holds a line break (a secret read from a file often
     *     ends with one), which no header or form may carry
     */
    private static Map<String, @Nullable String> values(String provider, @Nullable String... namesAndValues) {
        Map<String, @Nullable String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = String.valueOf(namesAndValues[i]);
            String value = namesAndValues[i + 1];
            if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
                throw new IllegalStateException("jobstatus." + provider + "." + name + " holds a line break");
            }
            values.put(name, hasText(value) ? value : null);
        }
        return values;
    }

    /**
     * {@return the first property of the one way of authenticating that is set and complete}
     *
     * @throws IllegalStateException naming the properties if none, or more than one, is set, or one is incomplete
     */
    private static String oneWay(String provider, Map<String, @Nullable String> set, List<List<String>> ways) {
        List<List<String>> chosen = new ArrayList<>();
        for (List<String> way : ways) {
            if (way.stream().anyMatch(name -> set.get(name) != null)) {
                chosen.add(way);
            }
        }
        if (chosen.size() != 1) {
            List<String> described = ways.stream()
                    .map(way -> String.join(
                            " and ",
                            way.stream()
                                    .map(name -> "jobstatus." + provider + "." + name)
                                    .toList()))
                    .toList();
            throw new IllegalStateException((chosen.isEmpty()
                            ? "No credentials for " + provider + ": set "
                            : "More than one way of authenticating to " + provider + ": set only ")
                    + String.join(", or ", described));
        }
        List<String> way = chosen.get(0);
        for (String name : way) {
            if (set.get(name) == null) {
                String given = way.stream()
                        .filter(n -> set.get(n) != null)
                        .map(n -> "jobstatus." + provider + "." + n)
                        .findFirst()
                        .orElseThrow();
                throw new IllegalStateException(
                        "jobstatus." + provider + "." + name + " is not set: " + given + " needs it");
            }
        }
        return way.get(0);
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static String text(Map<String, @Nullable String> set, String name) {
        String value = set.get(name);
        if (value == null) {
            throw new IllegalStateException("checked before");
        }
        return value;
    }
}
