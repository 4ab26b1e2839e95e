package dev.jobstatus.nexudus;

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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The client of the Nexudus API ({@code https://spaces.nexudus.com/api/...}).
 *
 * <h2>Create one and share it</h2>
 * A client is immutable and thread-safe, and holds a connection pool, a few threads and a token cache: create
 * one per set of credentials and use it everywhere. {@link #close()} releases what it owns.
 *
 * <pre>{@code
 * try (NexudusClient nexudus = NexudusClient.builder().passwordGrant(email, password).build()) {
 *     BusinessBackgroundJob job = nexudus.backgroundJobs().get(87654321);
 * }
 * }</pre>
 *
 * <p>Requests are paced by default just under all four of Nexudus's documented limits per account: one per 100 ms,
 * 120 per minute, 5,000 per hour and 200,000 per day (one per 110 ms, 120 per 66 s, 5,000 per 61 min and 200,000 per
 * 24 h 15 min, margins for network jitter and clock drift). A throttled request (409 with {@code Retry-After}, or
 * Nexudus's throttle message in the reason phrase) is retried after the delay; when retries run out, or the delay
 * is longer than the retry policy's {@code maxDelay}, it is a {@link dev.jobstatus.core.exception.RateLimitException} that
 * carries the delay.
 */
public final class NexudusClient extends ProviderClient {
    /** The public API root. */
    public static final String DEFAULT_BASE_URL = "https://spaces.nexudus.com";

    private final BackgroundJobs backgroundJobs;

    private NexudusClient(Builder builder, Function<HttpTransport, BackgroundJobs> resource) {
        super(builder);
        this.backgroundJobs = resource.apply(CoreAccess.transport(this));
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the background-job resource} */
    public BackgroundJobs backgroundJobs() {
        return backgroundJobs;
    }

    /** Configures a {@link NexudusClient}; exactly one way of authenticating must be chosen. */
    public static final class Builder extends ClientBuilder<Builder> {
        private @Nullable CredentialProvider credentials;
        private @Nullable String username;
        private @Nullable String password;
        private @Nullable Supplier<String> totp;
        private @Nullable String clientId;
        private StatusClassifier classifier = StatusClassifier.defaults();
        private ZoneId zone = ZoneOffset.UTC;

        private Builder() {
            // Nexudus documents 1 request per 100 ms and 120 per minute. Pacing at exactly that rate still draws
            // 409s, because requests reach the server with jitter: two sent 100 ms apart can arrive 99 ms apart.
            // A 10% margin keeps a paced client clear of the throttle, which costs a whole second per hit.
            // The hour and day windows need no such margin against jitter; 1% keeps them clear of clock drift.
            super(
                    "nexudus",
                    DEFAULT_BASE_URL,
                    List.of(
                            RateLimiter.Window.of(1, Duration.ofMillis(110)),
                                    RateLimiter.Window.of(120, Duration.ofSeconds(66)),
                            RateLimiter.Window.of(5_000, Duration.ofMinutes(61)),
                                    RateLimiter.Window.of(200_000, Duration.ofMinutes(24 * 60 + 15))));
        }

        /**
         * Authenticates with a bearer token the caller obtained.
         *
         * @param token the token
         * @return this builder
         * @throws IllegalArgumentException if it is null or blank
         */
        public Builder bearerToken(String token) {
            credentials = CredentialProvider.bearerToken(token);
            CoreAccess.credentialChosen(this, "bearerToken");
            CoreAccess.accountOfSecret(this, token);
            return this;
        }

        /**
         * Authenticates with the OAuth password grant: the client fetches a token with these credentials, renews
         * it with its refresh token before it expires or after a 401, and falls back to the password grant when
         * the refresh is refused.
         *
         * @param username the user's email
         * @param password the user's password
         * @return this builder
         * @throws IllegalArgumentException if either is null or blank
         */
        public Builder passwordGrant(String username, String password) {
            this.username = Checks.text(username, "username");
            this.password = Checks.text(password, "password");
            CoreAccess.credentialChosen(this, "passwordGrant");
            CoreAccess.account(this, username);
            return this;
        }

        /**
         * Sends a two-factor code with the first password grant only. A code is valid for seconds, so it is never
         * replayed: when the client later needs to sign in again (its refresh token refused or expired), it fails
         * with an {@link dev.jobstatus.core.exception.AuthenticationException} saying a code is needed. Long-lived clients of
         * two-factor accounts use {@link #totp(Supplier)}.
         *
         * @param code the current two-factor code
         * @return this builder
         * @throws IllegalArgumentException if the code is null or blank
         */
        public Builder totp(String code) {
            AtomicReference<String> once = new AtomicReference<>(Checks.text(code, "totp code"));
            this.totp = () -> once.getAndSet(null);
            return this;
        }

        /**
         * Asks {@code codes} for the current two-factor code each time a password grant is needed: the first
         * sign-in, and a later one when the refresh token is refused. A {@code null} or blank answer makes that
         * sign-in fail with an {@link dev.jobstatus.core.exception.AuthenticationException}. Called on the thread that
         * needs the token, at most once per grant.
         *
         * @param codes supplies the current code, for example from a TOTP generator
         * @return this builder
         */
        public Builder totp(Supplier<String> codes) {
            this.totp = Objects.requireNonNull(codes, "codes");
            return this;
        }

        /**
         * Sets the OAuth client id, sent as the {@code client_id} header of the password and refresh grants.
         * Without one the username is sent, which is what Nexudus ties the token to when no client id is given.
         *
         * @param clientId the OAuth client id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * Authenticates with HTTP Basic (email and password), which Nexudus also accepts.
         *
         * @param email the user's email
         * @param password the user's password
         * @return this builder
         * @throws IllegalArgumentException if either is null or blank
         */
        public Builder basicAuth(String email, String password) {
            credentials = CredentialProvider.basic(Checks.text(email, "email"), Checks.text(password, "password"));
            CoreAccess.credentialChosen(this, "basicAuth");
            CoreAccess.account(this, email);
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
         * Replaces the mapping from Nexudus's {@code Status} to the common state (default
         * {@link StatusClassifier#defaults()}).
         *
         * @param classifier the mapping
         * @return this builder
         */
        public Builder statusClassifier(StatusClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /**
         * Sets the zone of timestamps Nexudus sends without one (default UTC).
         *
         * @param zone the zone of zoneless timestamps
         * @return this builder
         */
        public Builder timeZone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * {@return the client}
         * @throws IllegalStateException if no way of authenticating, or more than one, was chosen, or the base URL is
         *     plain http to another host without {@link #allowInsecureHttp(boolean)}
         */
        public NexudusClient build() {
            CoreAccess.requireOneCredential(this, "bearerToken", "passwordGrant", "basicAuth", "credentials");
            HttpTransport.Builder transport = CoreAccess.settings(this)
                    .errorDecoder(NexudusErrors.DECODER)
                    .throttleDetector(NexudusErrors.THROTTLE);
            String user = username;
            String pass = password;
            if (user != null && pass != null) {
                Supplier<String> code = totp;
                String client = clientId;
                TokenStore store = CoreAccess.tokenStore(this, user, pass, client == null ? user : client);
                transport.credentials(
                        t -> CachingTokenProvider.builder(new NexudusTokenFetcher(t, user, pass, code, client))
                                .timeSource(t.time())
                                .store(store)
                                .build());
            } else {
                transport.credentials(credentials);
            }
            return new NexudusClient(
                    this, t -> new RealBackgroundJobs(t, classifier, zone, CoreAccess.pollPolicy(this)));
        }
    }
}
