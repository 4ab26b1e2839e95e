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
        Map<String, @Nullable String> set =
                values("bearer-token", p.getBearerToken(), "username", p.getUsername(), "password", p.getPassword());
        String way = oneWay("nexudus", set, List.of(List.of("bearer-token"), List.of("username", "password")));
        NexudusClient.Builder builder = common(NexudusClient.builder(), p);
        return (way.equals("bearer-token")
                        ? builder.bearerToken(text(p.getBearerToken()))
                        : builder.passwordGrant(text(p.getUsername()), text(p.getPassword())))
                .build();
    }

    WixClient wix(JobstatusProperties.Wix p) {
        Map<String, @Nullable String> set = values(
                "api-key",
                p.getApiKey(),
                "client-id",
                p.getClientId(),
                "client-secret",
                p.getClientSecret(),
                "instance-id",
                p.getInstanceId());
        boolean site = hasText(p.getSiteId());
        boolean account = hasText(p.getAccountId());
        if ((site || account) && !hasText(p.getApiKey())) {
            throw new IllegalStateException("jobstatus.wix.api-key is not set: jobstatus.wix."
                    + (site ? "site-id" : "account-id") + " needs it");
        }
        String way =
                oneWay("wix", set, List.of(List.of("api-key"), List.of("client-id", "client-secret", "instance-id")));
        WixClient.Builder builder = common(WixClient.builder(), p);
        if (way.equals("api-key")) {
            if (site == account) {
                throw new IllegalStateException(
                        "Set exactly one of jobstatus.wix.site-id and jobstatus.wix.account-id with "
                                + "jobstatus.wix.api-key" + (site ? ", not both" : ""));
            }
            builder.apiKey(text(p.getApiKey()));
            return (site ? builder.siteId(text(p.getSiteId())) : builder.accountId(text(p.getAccountId()))).build();
        }
        return builder.oauth(text(p.getClientId()), text(p.getClientSecret()), text(p.getInstanceId()))
                .build();
    }

    AsanaClient asana(JobstatusProperties.Asana p) {
        Map<String, @Nullable String> set = values(
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
        AsanaClient.Builder builder = common(AsanaClient.builder(), p);
        return (way.equals("bearer-token")
                        ? builder.bearerToken(text(p.getBearerToken()))
                        : builder.oauthRefresh(
                                text(p.getClientId()), text(p.getClientSecret()), text(p.getRefreshToken())))
                .build();
    }

    private <B extends ClientBuilder<B>> B common(B builder, ProviderProperties p) {
        if (p.getBaseUrl() != null) {
            builder.baseUrl(p.getBaseUrl());
        }
        if (p.getConnectTimeout() != null) {
            builder.connectTimeout(p.getConnectTimeout());
        }
        if (p.getReadTimeout() != null) {
            builder.readTimeout(p.getReadTimeout());
        }
        if (p.getCallTimeout() != null) {
            builder.callTimeout(p.getCallTimeout());
        }
        ProviderProperties.Retry retry = p.getRetry();
        RetryPolicy.Builder retries = RetryPolicy.defaults().toBuilder();
        if (retry.getMaxRetries() != null) {
            retries.maxRetries(retry.getMaxRetries());
        }
        if (retry.getInitialBackoff() != null) {
            retries.initialBackoff(retry.getInitialBackoff());
        }
        if (retry.getMaxBackoff() != null) {
            retries.maxBackoff(retry.getMaxBackoff());
        }
        if (retry.getTimeout() != null) {
            retries.timeout(retry.getTimeout());
        }
        ProviderProperties.Poll poll = p.getPoll();
        PollPolicy.Builder polls = PollPolicy.defaults().toBuilder();
        if (poll.getInitialInterval() != null) {
            polls.initialInterval(poll.getInitialInterval());
        }
        if (poll.getMultiplier() != null) {
            polls.multiplier(poll.getMultiplier());
        }
        if (poll.getMaxInterval() != null) {
            polls.maxInterval(poll.getMaxInterval());
        }
        if (poll.getTimeout() != null) {
            polls.timeout(poll.getTimeout());
        }
        builder.retryPolicy(retries.build()).pollPolicy(polls.build()).listener(listener);
        if (sharedState != null) {
            builder.sharedState(sharedState);
        }
        return builder;
    }

    /** The credential properties of a provider by their short names, blank ones as absent. */
    private static Map<String, @Nullable String> values(@Nullable String... namesAndValues) {
        Map<String, @Nullable String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            values.put(String.valueOf(namesAndValues[i]), hasText(value) ? value : null);
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

    private static String text(@Nullable String value) {
        if (value == null) {
            throw new IllegalStateException("checked before");
        }
        return value;
    }
}
