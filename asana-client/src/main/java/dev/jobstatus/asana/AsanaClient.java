package dev.jobstatus.asana;

import dev.jobstatus.core.auth.CachingTokenProvider;
import dev.jobstatus.core.auth.CredentialProvider;
import dev.jobstatus.core.auth.TokenStore;
import dev.jobstatus.core.client.ClientBuilder;
import dev.jobstatus.core.client.ProviderClient;
import dev.jobstatus.core.internal.checks.Checks;
import dev.jobstatus.core.internal.client.CoreAccess;
import dev.jobstatus.core.internal.text.Text;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.retry.RateLimiter;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The client of the Asana API ({@code https://app.asana.com/api/1.0}).
 *
 * <h2>Create one and share it</h2>
 * A client is immutable and thread-safe, and holds a connection pool and a few threads: create one per token and
 * use it everywhere. {@link #close()} releases what it owns.
 *
 * <pre>{@code
 * try (AsanaClient asana = AsanaClient.builder().bearerToken(token).build()) {
 *     Job job = asana.jobs().waitFor(gid);
 * }
 * }</pre>
 *
 * <p>Requests are paced by default at 150 per minute, the quota of free domains; paid domains allow 1,500
 * (set {@link #builder()}{@code .rateLimiter(...)}). A 429 is retried after its {@code Retry-After}. When Asana
 * announces a coming change to a request's behaviour in an {@code Asana-Change} header, the client logs one
 * warning per distinct announcement through {@link System.Logger} ({@code dev.jobstatus.asana}).
 */
public final class AsanaClient extends ProviderClient {
    /** The public API root. */
    public static final String DEFAULT_BASE_URL = "https://app.asana.com/api/1.0";

    private static final System.Logger LOG = System.getLogger("dev.jobstatus.asana");

    private final Jobs jobs;

    private AsanaClient(Builder builder, Function<HttpTransport, Jobs> resource) {
        super(builder);
        this.jobs = resource.apply(CoreAccess.transport(this));
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the jobs resource} */
    public Jobs jobs() {
        return jobs;
    }

    /** Configures an {@link AsanaClient}; a token (or custom credentials) is required. */
    public static final class Builder extends ClientBuilder<Builder> {
        private @Nullable CredentialProvider credentials;
        private String @Nullable [] oauth;
        private final Set<String> enable = new LinkedHashSet<>();
        private final Set<String> disable = new LinkedHashSet<>();

        private Builder() {
            super("asana", DEFAULT_BASE_URL, List.of(RateLimiter.Window.of(150, Duration.ofMinutes(1))));
        }

        /**
         * Authenticates with a personal access token or an OAuth access token, sent as {@code Authorization: Bearer}.
         * The token is used as it is: an OAuth access token expires after about an hour, so an OAuth app that runs
         * longer uses {@link #oauthRefresh(String, String, String)}.
         *
         * @param token the token
         * @return this builder
         * @throws IllegalArgumentException if the token is null or blank
         */
        public Builder bearerToken(String token) {
            this.credentials = CredentialProvider.bearerToken(token);
            CoreAccess.credentialChosen(this, "bearerToken");
            CoreAccess.accountOfSecret(this, token);
            return this;
        }

        /**
         * Authenticates as an OAuth app with a refresh token: the client fetches an access token from Asana's token
         * endpoint ({@code https://app.asana.com/-/oauth_token}, on the base URL's host) on first use, renews it a
         * minute before it expires and after a 401, one renewal at a time however many threads need it.
         *
         * @param clientId the app's client id
         * @param clientSecret the app's client secret
         * @param refreshToken the refresh token the user's authorization gave
         * @return this builder
         * @throws IllegalArgumentException if any is null or blank
         */
        public Builder oauthRefresh(String clientId, String clientSecret, String refreshToken) {
            this.oauth = new String[] {
                Checks.text(clientId, "clientId"),
                Checks.text(clientSecret, "clientSecret"),
                Checks.text(refreshToken, "refreshToken")
            };
            CoreAccess.credentialChosen(this, "oauthRefresh");
            CoreAccess.accountOfSecret(this, refreshToken);
            return this;
        }

        /**
         * Authenticates with the caller's own credential provider.
         *
         * @param credentials the caller's provider
         * @return this builder
         * @throws NullPointerException if it is null
         */
        public Builder credentials(CredentialProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            CoreAccess.credentialChosen(this, "credentials");
            return this;
        }

        /**
         * Opts in to coming API changes early ({@code Asana-Enable}).
         *
         * @param changes the change names, such as {@code new_user_task_lists}
         * @return this builder
         */
        public Builder enable(String... changes) {
            enable.addAll(List.of(changes));
            return this;
        }

        /**
         * Opts out of API changes for now ({@code Asana-Disable}).
         *
         * @param changes the change names, such as {@code new_user_task_lists}
         * @return this builder
         */
        public Builder disable(String... changes) {
            disable.addAll(List.of(changes));
            return this;
        }

        /**
         * {@return the client}
         * @throws IllegalStateException if no way of authenticating, or more than one, was chosen, or the base URL is
         *     plain http to another host without {@link #allowInsecureHttp(boolean)}
         */
        public AsanaClient build() {
            CoreAccess.requireOneCredential(this, "bearerToken", "oauthRefresh", "credentials");
            HttpTransport.Builder transport =
                    CoreAccess.settings(this).errorDecoder(AsanaErrors.DECODER).responseObserver(new ChangeWarnings());
            String[] grant = oauth;
            if (grant != null) {
                TokenStore store = CoreAccess.tokenStore(this, grant[0], grant[1], grant[2]);
                transport.credentials(
                        t -> CachingTokenProvider.builder(new AsanaTokenFetcher(t, grant[0], grant[1], grant[2]))
                                .timeSource(t.time())
                                .store(store)
                                .build());
            } else {
                transport.credentials(credentials);
            }
            if (!enable.isEmpty()) {
                transport.defaultHeader("Asana-Enable", String.join(",", enable));
            }
            if (!disable.isEmpty()) {
                transport.defaultHeader("Asana-Disable", String.join(",", disable));
            }
            return new AsanaClient(this, t -> new RealJobs(t, CoreAccess.pollPolicy(this)));
        }
    }

    /** Logs each distinct {@code Asana-Change} announcement once per client. */
    private static final class ChangeWarnings implements java.util.function.Consumer<Headers> {
        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        @Override
        public void accept(Headers headers) {
            for (String change : headers.values("Asana-Change")) {
                if (seen.size() < 100 && seen.add(change)) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "Asana announces a change that affects this request: " + Text.headerValue(change)
                                    + " (see Asana-Enable / Asana-Disable)");
                }
            }
        }
    }
}
