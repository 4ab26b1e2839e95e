package dev.jobstatus.core.client;

import dev.jobstatus.core.SharedState;
import dev.jobstatus.core.auth.TokenStore;
import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.internal.auth.Fingerprint;
import dev.jobstatus.core.internal.checks.Checks;
import dev.jobstatus.core.internal.hooks.ClientHooks;
import dev.jobstatus.core.internal.text.Urls;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The settings every provider client shares: where it connects, how it times out, retries, paces and polls.
 * Each provider's builder extends this one and adds its credentials.
 *
 * @param <B> the concrete builder type
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
    static {
        ClientHooks.install(new ClientHooks.Accessors<ClientBuilder<?>, ProviderClient>() {
            @Override
            public HttpTransport.Builder settings(ClientBuilder<?> builder) {
                return builder.transportSettings();
            }

            @Override
            public HttpTransport transport(ProviderClient client) {
                return client.transport();
            }

            @Override
            public void credentialChosen(ClientBuilder<?> builder, String method) {
                builder.credentialsChosen.add(method);
            }

            @Override
            public PollPolicy pollPolicy(ClientBuilder<?> builder) {
                return builder.pollPolicy;
            }

            @Override
            public List<String> credentialsChosen(ClientBuilder<?> builder) {
                return List.copyOf(builder.credentialsChosen);
            }

            @Override
            public void account(ClientBuilder<?> builder, Supplier<String> account) {
                builder.defaultAccount = account;
            }

            @Override
            public TokenStore tokenStore(ClientBuilder<?> builder, List<String> credential) {
                return builder.tokenStore != null
                        ? builder.tokenStore
                        : builder.sharedState != null
                                ? builder.sharedState.tokenStore(builder.tokenKey(credential))
                                : TokenStore.inMemory();
            }
        });
    }

    private final String provider;
    private final List<RateLimiter.Window> defaultWindows;
    private final HttpTransport.Builder transport;
    private HttpUrl baseUrl;
    private @Nullable RateLimiter rateLimiter;
    private TimeSource time = TimeSource.system();
    private PollPolicy pollPolicy = PollPolicy.defaults();
    private final List<String> credentialsChosen = new ArrayList<>();
    private @Nullable SharedState sharedState;
    private @Nullable TokenStore tokenStore;
    private @Nullable String accountKey;
    private Supplier<String> defaultAccount = () -> "default";

    /**
     * Starts a builder.
     *
     * @param provider the provider name, such as {@code asana}
     * @param defaultBaseUrl the provider's public API root
     * @param defaultWindows the provider's documented rate limits, used unless {@link #rateLimiter} is set
     */
    protected ClientBuilder(String provider, String defaultBaseUrl, List<RateLimiter.Window> defaultWindows) {
        this.provider = provider;
        this.defaultWindows = List.copyOf(defaultWindows);
        this.baseUrl = Urls.parse(defaultBaseUrl);
        this.transport = HttpTransport.builder(provider).baseUrl(baseUrl);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Sets the API root, for example a test server or a regional endpoint.
     *
     * @param baseUrl the API root, such as {@code http://localhost:8080/}
     * @return this builder
     * @throws IllegalArgumentException if {@code baseUrl} is not an http or https URL
     */
    public B baseUrl(String baseUrl) {
        return baseUrl(Urls.parse(baseUrl));
    }

    /**
     * Sets the API root.
     *
     * @param baseUrl the API root
     * @return this builder
     */
    public B baseUrl(HttpUrl baseUrl) {
        transport.baseUrl(baseUrl);
        this.baseUrl = baseUrl;
        return self();
    }

    /**
     * Allows a plain-http base URL to a host other than this machine. Credentials then travel unencrypted.
     *
     * @param allow whether to allow it
     * @return this builder
     */
    public B allowInsecureHttp(boolean allow) {
        transport.allowInsecureHttp(allow);
        return self();
    }

    /**
     * Uses the caller's OkHttp client: its connection pool, dispatcher and settings are shared, and the SDK
     * never shuts it down.
     *
     * @param httpClient the caller's client
     * @return this builder
     */
    public B httpClient(OkHttpClient httpClient) {
        transport.httpClient(Objects.requireNonNull(httpClient, "httpClient"));
        return self();
    }

    /**
     * Sets the connect timeout (default 10 s).
     *
     * @param timeout the bound on opening a connection
     * @return this builder
     */
    public B connectTimeout(Duration timeout) {
        transport.connectTimeout(timeout);
        return self();
    }

    /**
     * Sets the read timeout (default 30 s).
     *
     * @param timeout the bound on each wait for the response: for its headers once the request is sent, then for each
     *                next part of its body (and on each read of a TLS handshake)
     * @return this builder
     */
    public B readTimeout(Duration timeout) {
        transport.readTimeout(timeout);
        return self();
    }

    /**
     * Sets the write timeout (default 30 s).
     *
     * @param timeout the bound on sending the request (on an asynchronous call, on each write to the socket)
     * @return this builder
     */
    public B writeTimeout(Duration timeout) {
        transport.writeTimeout(timeout);
        return self();
    }

    /**
     * Sets the timeout of one whole HTTP attempt, from sending to the end of the body (default 60 s), on top of
     * the connect, read and write timeouts. {@link Duration#ZERO} turns it off, leaving each socket operation
     * bounded but not the attempt: OkHttp arms a watchdog thread for each bounded call, which costs a few
     * microseconds per call (a few percent of a loopback call, nothing against a network round trip).
     *
     * @param timeout the bound on one attempt, or zero for none
     * @return this builder
     */
    public B callTimeout(Duration timeout) {
        transport.callTimeout(timeout);
        return self();
    }

    /**
     * Sets how failed requests are retried (default {@link RetryPolicy#defaults()}).
     *
     * @param retryPolicy the retry policy
     * @return this builder
     */
    public B retryPolicy(RetryPolicy retryPolicy) {
        transport.retryPolicy(retryPolicy);
        return self();
    }

    /**
     * Sets the client-side rate limiter; the default follows the provider's documented limits, and
     * {@link RateLimiter#unlimited()} switches limiting off.
     *
     * @param rateLimiter the limiter, shared with other clients if the caller wishes
     * @return this builder
     */
    public B rateLimiter(RateLimiter rateLimiter) {
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        return self();
    }

    /**
     * Shares pacing and the access token with every client, in this process or another, built with the same shared
     * state for the same provider and account: the provider's quota is enforced across all of them, and one of them
     * at a time renews the token they all use. A token is shared only by clients that also have the same base URL
     * origin (scheme, host and port: the token goes to no other host) and the same credentials (a salted, slow hash of
     * them, never the credentials, is part of its key: a wrong password never uses a right one's token). A
     * {@link #rateLimiter(RateLimiter)} or {@link #tokenStore(TokenStore)} set on this builder takes precedence over
     * the shared one.
     *
     * @param sharedState the shared state, such as {@code RedisSharedState} of the {@code dev.jobstatus.redis} module
     * @return this builder
     * @see #accountKey(String)
     */
    public B sharedState(SharedState sharedState) {
        this.sharedState = Objects.requireNonNull(sharedState, "sharedState");
        return self();
    }

    /**
     * Names the account whose quota and token are shared through {@link #sharedState(SharedState)}. The default is
     * taken from the credentials, never a secret: the user name of a password grant or HTTP Basic, the instance id of
     * an OAuth app, and a SHA-256 fingerprint of a bearer token, API key or refresh token; {@code default} for the
     * caller's own {@code credentials(...)}. Clients of one account must use one key.
     *
     * @param accountKey the account's name in the shared state
     * @return this builder
     * @throws IllegalArgumentException if {@code accountKey} is null or blank
     */
    public B accountKey(String accountKey) {
        this.accountKey = Checks.text(accountKey, "accountKey");
        return self();
    }

    /**
     * Keeps the token the client fetches (with a password grant, a refresh token or an OAuth app) in
     * {@code tokenStore}; the default keeps it in the client's memory. Has no effect on credentials that fetch no
     * token. Every client given the store sends the token in it: give one store only to clients of one account, with
     * one base URL and the same credentials ({@link #sharedState(SharedState)} keys its stores that way).
     *
     * @param tokenStore the store
     * @return this builder
     */
    public B tokenStore(TokenStore tokenStore) {
        this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
        return self();
    }

    /**
     * Tells {@code listener} of every operation, HTTP attempt, retry, throttle and rate-limit wait, and every poll of
     * a wait, for tracing and metrics (the {@code dev.jobstatus.opentelemetry} module has one); the default,
     * {@link ClientListener#none()}, costs nothing.
     *
     * @param listener the listener
     * @return this builder
     */
    public B listener(ClientListener listener) {
        transport.listener(listener);
        return self();
    }

    /**
     * Sets how waits poll unless a waiter is given its own policy (default {@link PollPolicy#defaults()}).
     *
     * @param pollPolicy the client's poll policy
     * @return this builder
     */
    public B pollPolicy(PollPolicy pollPolicy) {
        this.pollPolicy = Objects.requireNonNull(pollPolicy, "pollPolicy");
        return self();
    }

    /**
     * Uses the caller's scheduler for the timers of asynchronous calls and waits; it is never shut down by
     * the SDK. By default each client starts one daemon timer thread on first use.
     *
     * @param scheduler the caller's scheduler
     * @return this builder
     */
    public B scheduler(ScheduledExecutorService scheduler) {
        transport.scheduler(Objects.requireNonNull(scheduler, "scheduler"));
        return self();
    }

    /**
     * Sets the clock and sleeper used for retries, rate limits, token expiry and waits (tests use a fake).
     *
     * @param time the clock and sleeper
     * @return this builder
     */
    public B timeSource(TimeSource time) {
        this.time = Objects.requireNonNull(time, "time");
        transport.timeSource(time);
        return self();
    }

    /**
     * Sets the largest response body accepted (default 16 MiB); a larger one is a
     * {@link MalformedResponseException}, never an {@link OutOfMemoryError}.
     *
     * @param maxResponseBytes the limit, in bytes
     * @return this builder
     */
    public B maxResponseBytes(long maxResponseBytes) {
        transport.maxResponseBytes(maxResponseBytes);
        return self();
    }

    /**
     * Returns the transport settings, to which provider builders (through {@code CoreAccess}) add their
     * credentials, error decoder and throttle rules.
     */
    HttpTransport.Builder transportSettings() {
        return transport;
    }

    /** Returns the key of this client's provider and account in the shared state: its quota's. */
    private String sharedKey() {
        return provider + "/" + (accountKey != null ? accountKey : defaultAccount.get());
    }

    /**
     * Returns the key of this client's token in the shared state: its account's, the origin the token is issued by
     * and sent to, and a fingerprint of the credentials that earn it (a token is worth no more than they are).
     */
    private String tokenKey(List<String> credential) {
        String where = sharedKey() + "/" + Urls.origin(baseUrl);
        return where + "/" + Fingerprint.ofCredential(where, credential);
    }

    /** Builds the transport a new client will own, with the rate limiter resolved. */
    HttpTransport buildTransport() {
        RateLimiter limiter = rateLimiter != null
                ? rateLimiter
                : defaultWindows.isEmpty()
                        ? RateLimiter.unlimited()
                        : sharedState != null
                                ? sharedState.rateLimiter(sharedKey(), defaultWindows)
                                : RateLimiter.windows(time, defaultWindows.toArray(RateLimiter.Window[]::new));
        return transport.rateLimiter(limiter).build();
    }
}
