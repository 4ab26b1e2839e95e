package dev.jobstatus.wix;

import dev.jobstatus.core.auth.AuthHeaders;
import dev.jobstatus.core.auth.CachingTokenProvider;
import dev.jobstatus.core.auth.CredentialProvider;
import dev.jobstatus.core.auth.TokenStore;
import dev.jobstatus.core.client.ClientBuilder;
import dev.jobstatus.core.client.ProviderClient;
import dev.jobstatus.core.internal.checks.Checks;
import dev.jobstatus.core.internal.client.CoreAccess;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.retry.RateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The client of the Wix async-jobs API ({@code https://www.wixapis.com}).
 *
 * <h2>Create one and share it</h2>
 * A client is immutable and thread-safe, and holds a connection pool, a few threads and a token cache: create
 * one per set of credentials and use it everywhere. {@link #close()} releases what it owns.
 *
 * <pre>{@code
 * try (WixClient wix = WixClient.builder().apiKey(key).siteId(siteId).build()) {
 *     AsyncJob job = wix.asyncJobs().waitFor(jobId);
 * }
 * }</pre>
 *
 * <p>Requests are paced by default at Wix's documented quota of 200 per minute; a 429 is retried after its
 * {@code Retry-After}.
 */
public final class WixClient extends ProviderClient {
    /** The public API root. */
    public static final String DEFAULT_BASE_URL = "https://www.wixapis.com";
    /** The default path of the async-jobs resource, as in Wix's curl example. */
    public static final String DEFAULT_JOBS_PATH = "async-jobs/v1/async-jobs";

    private final AsyncJobs asyncJobs;

    private WixClient(Builder builder, Function<HttpTransport, AsyncJobs> resource) {
        super(builder);
        this.asyncJobs = resource.apply(CoreAccess.transport(this));
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the async-jobs resource} */
    public AsyncJobs asyncJobs() {
        return asyncJobs;
    }

    /**
     * Configures a {@link WixClient}. Authenticate with exactly one of: an API key with a site id or an account id;
     * OAuth client credentials; a ready access token; or custom credentials.
     */
    public static final class Builder extends ClientBuilder<Builder> {
        private @Nullable String apiKey;
        private @Nullable String siteId;
        private @Nullable String accountId;
        private @Nullable String clientId;
        private @Nullable String clientSecret;
        private @Nullable String instanceId;
        private @Nullable String accessToken;
        private @Nullable CredentialProvider credentials;
        private String jobsPath = DEFAULT_JOBS_PATH;

        private Builder() {
            super("wix", DEFAULT_BASE_URL, List.of(RateLimiter.Window.of(200, Duration.ofMinutes(1))));
        }

        /**
         * Authenticates with an API key, sent as {@code Authorization: <key>}; also set {@link #siteId} or
         * {@link #accountId}.
         *
         * @param apiKey the API key
         * @return this builder
         * @throws IllegalArgumentException if it is null or blank
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Checks.text(apiKey, "apiKey");
            CoreAccess.credentialChosen(this, "apiKey");
            return this;
        }

        /**
         * Sends {@code wix-site-id} with the API key, for site-level calls.
         *
         * @param siteId the Wix site id
         * @return this builder
         * @throws IllegalArgumentException if it is null or blank
         */
        public Builder siteId(String siteId) {
            this.siteId = Checks.text(siteId, "siteId");
            return this;
        }

        /**
         * Sends {@code wix-account-id} with the API key, for account-level calls.
         *
         * @param accountId the Wix account id
         * @return this builder
         * @throws IllegalArgumentException if it is null or blank
         */
        public Builder accountId(String accountId) {
            this.accountId = Checks.text(accountId, "accountId");
            return this;
        }

        /**
         * Authenticates with OAuth client credentials: the client mints an access token (valid about four hours),
         * caches it, and mints another shortly before expiry or after a 401.
         *
         * @param clientId the app's id
         * @param clientSecret the app's secret
         * @param instanceId the app instance (the site that installed it)
         * @return this builder
         * @throws IllegalArgumentException if any is null or blank
         */
        public Builder oauth(String clientId, String clientSecret, String instanceId) {
            this.clientId = Checks.text(clientId, "clientId");
            this.clientSecret = Checks.text(clientSecret, "clientSecret");
            this.instanceId = Checks.text(instanceId, "instanceId");
            CoreAccess.credentialChosen(this, "oauth");
            return this;
        }

        /**
         * Authenticates with an access token the caller obtained, sent as {@code Authorization: <token>}.
         *
         * @param accessToken the token
         * @return this builder
         * @throws IllegalArgumentException if it is null or blank
         */
        public Builder accessToken(String accessToken) {
            this.accessToken = Checks.text(accessToken, "accessToken");
            CoreAccess.credentialChosen(this, "accessToken");
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
         * Sets the path of the async-jobs resource under the base URL; the default is
         * {@code async-jobs/v1/async-jobs}, and Wix's reference also shows {@code v1/async-jobs}.
         *
         * @param jobsPath the path, relative to the base URL
         * @return this builder
         * @throws IllegalArgumentException if blank
         */
        public Builder jobsPath(String jobsPath) {
            if (jobsPath == null || jobsPath.isBlank()) {
                throw new IllegalArgumentException("jobsPath must not be blank");
            }
            this.jobsPath = jobsPath.replaceAll("^/+|/+$", "");
            return this;
        }

        /**
         * {@return the client}
         * @throws IllegalStateException if no way of authenticating, or more than one, was chosen; if an API key
         *     comes with both or neither of a site id and an account id; if OAuth credentials are incomplete; or if
         *     the base URL is plain http to another host without {@link #allowInsecureHttp(boolean)}
         */
        public WixClient build() {
            CoreAccess.requireOneCredential(
                    this, "apiKey (with siteId or accountId)", "oauth", "accessToken", "credentials");
            if ((siteId != null || accountId != null) && apiKey == null) {
                throw new IllegalStateException("siteId and accountId go with an API key.");
            }
            HttpTransport.Builder transport = CoreAccess.settings(this)
                    .errorDecoder(WixErrors.DECODER)
                    .requestIdHeaders(List.of("x-wix-request-id", "X-Request-Id", "Request-Id"));
            if (apiKey != null) {
                if ((siteId == null) == (accountId == null)) {
                    throw new IllegalStateException("An API key needs exactly one of siteId or accountId.");
                }
                // Wix's quota is per site or app instance.
                CoreAccess.account(this, siteId != null ? "site-" + siteId : "account-" + accountId);
                transport.credentials(CredentialProvider.staticHeaders(
                        siteId != null
                                ? Map.of("Authorization", apiKey, "wix-site-id", siteId)
                                : Map.of("Authorization", apiKey, "wix-account-id", accountId)));
            } else if (accessToken != null) {
                CoreAccess.accountOfSecret(this, accessToken);
                transport.credentials(CredentialProvider.staticHeaders(Map.of("Authorization", accessToken)));
            } else if (credentials != null) {
                transport.credentials(credentials);
            } else {
                // oauth(...) set all three: it is the one way of authenticating left.
                String id = Objects.requireNonNull(clientId, "clientId");
                String secret = Objects.requireNonNull(clientSecret, "clientSecret");
                String instance = Objects.requireNonNull(instanceId, "instanceId");
                CoreAccess.account(this, "instance-" + instance);
                TokenStore store = CoreAccess.tokenStore(this, id, secret, instance);
                transport.credentials(t -> CachingTokenProvider.builder(new WixTokenFetcher(t, id, secret, instance))
                        .timeSource(t.time())
                        .store(store)
                        .headerFormat(token -> AuthHeaders.of("Authorization", token))
                        .build());
            }
            return new WixClient(this, t -> new RealAsyncJobs(t, jobsPath, CoreAccess.pollPolicy(this)));
        }
    }
}
