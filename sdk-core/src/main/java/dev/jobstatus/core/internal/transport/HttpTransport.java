package dev.jobstatus.core.internal.transport;

import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.auth.CredentialProvider;
import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.internal.checks.Checks;
import dev.jobstatus.core.internal.errors.ErrorDecoder;
import dev.jobstatus.core.internal.errors.GenericErrorDecoder;
import dev.jobstatus.core.internal.pacing.ThrottleDetector;
import dev.jobstatus.core.internal.text.Urls;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Sends API requests for one SDK client: builds URLs under the base URL, authenticates, retries by the
 * {@link RetryPolicy}, maps error responses to the SDK's exceptions and bodies to values. Thread-safe.
 *
 * <p>It owns its {@link OkHttpClient} unless the caller supplied one; {@link #close()} releases only what
 * it owns, and ends every call still in progress with a {@link ClientClosedException}.
 */
public final class HttpTransport implements AutoCloseable {
    static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
    static final List<String> DEFAULT_REQUEST_ID_HEADERS = List.of("X-Request-Id", "Request-Id", "X-Correlation-Id");
    /** Threads for blocking credential work of asynchronous calls: a fetch is single-flight, so few wait at once. */
    private static final int CREDENTIAL_THREADS = 2;

    private final TransportSettings settings;
    private final TimeSource time;
    private final OkHttpClient client;
    private final boolean ownsClient;
    private final ScheduledExecutorService scheduler;
    private ScheduledExecutorService ownedScheduler;
    private volatile ExecutorService credentialWork;
    private volatile boolean closed;
    /** Counted down by {@link #close()}: wakes the blocking calls and waits sleeping on the system clock. */
    private final CountDownLatch closing = new CountDownLatch(1);
    /** The calls and asynchronous waits in progress, for {@link #close()} to end. */
    private final Set<Pending> pending = ConcurrentHashMap.newKeySet();

    /** A call or wait in progress, which {@link #close()} ends. */
    public interface Pending {
        /** Ends it, the transport being closed: completes it with a {@link ClientClosedException}, cancels its I/O. */
        void clientClosed();
    }

    private HttpTransport(Builder b) {
        // Token endpoints are called through this same transport (its limiter, retries and errors), so
        // token-based credentials are created with the transport they will use; they are resolved below, once
        // everything they may reach is set.
        this.scheduler = b.scheduler;
        this.time = b.time;
        this.ownsClient = b.httpClient == null;
        this.client = OkHttpClients.configure(b);
        this.settings = new TransportSettings(
                b.provider,
                b.baseUrl,
                b.credentials.apply(this),
                b.retryPolicy,
                b.rateLimiter,
                b.time,
                b.random,
                b.errorDecoder,
                b.throttleDetector,
                b.requestIdHeaders,
                b.responseObserver,
                b.maxResponseBytes,
                requestHeaders(b),
                GuardedListener.of(b.listener),
                closing);
    }

    /** The headers every request starts with, built once: a default replaces {@code User-Agent} or {@code Accept}. */
    private static Headers requestHeaders(Builder b) {
        Headers.Builder headers = new Headers.Builder()
                .add("User-Agent", UserAgent.forProvider(b.provider))
                .add("Accept", "application/json");
        b.defaultHeaders.forEach(headers::set);
        return headers.build();
    }

    /** Returns a builder for a transport of {@code provider} (a short lowercase name such as {@code asana}). */
    public static Builder builder(String provider) {
        return new Builder(provider);
    }

    /**
     * Sends {@code request}, retrying as the policy allows, and maps the body with {@code reader}.
     *
     * @throws dev.jobstatus.core.exception.ApiException for an error status, once retries (where allowed) ran out
     * @throws dev.jobstatus.core.exception.TransportException for a connection failure or timeout, likewise
     * @throws dev.jobstatus.core.exception.MalformedResponseException for a 2xx body that cannot be mapped
     * @throws InterruptedOperationException if the thread is interrupted (its flag stays set)
     * @throws ClientClosedException if the transport is closed, or closes before the call ends: the attempt in
     *     flight is cancelled, and a wait for a retry or a rate-limit permit ends at once
     */
    public <T> ApiResponse<T> execute(ApiRequest request, BodyReader<T> reader) {
        return execute(request, reader, RequestOptions.defaults());
    }

    /**
     * As {@link #execute(ApiRequest, BodyReader)}, with the caller's deadline and retry policy for this call.
     *
     * @throws dev.jobstatus.core.exception.RequestTimeoutException if the deadline passes first
     */
    public <T> ApiResponse<T> execute(ApiRequest request, BodyReader<T> reader, RequestOptions options) {
        return execute(request, reader, CallBudget.of(settings, options, CallBudget.NONE), null);
    }

    /** As {@link #execute(ApiRequest, BodyReader, RequestOptions)}, one poll of a wait: within {@code deadlineNanos}, told to {@code wait}. */
    public <T> ApiResponse<T> execute(
            ApiRequest request,
            BodyReader<T> reader,
            RequestOptions options,
            long deadlineNanos,
            ClientListener.Operation wait) {
        return execute(request, reader, CallBudget.of(settings, options, deadlineNanos), wait);
    }

    private <T> ApiResponse<T> execute(
            ApiRequest request, BodyReader<T> reader, CallBudget budget, ClientListener.@Nullable Operation parent) {
        checkOpen();
        return new BlockingCall<>(this, new RetryingCall<>(settings, client, request, reader, budget, parent)).run();
    }

    /**
     * Sleeps on the client's clock. On the system clock, {@link #close()} wakes the sleep; another clock (a test's) is
     * not woken, and its sleeper checks {@link #isClosed()} after.
     */
    public void sleepUnlessClosed(Duration delay) throws InterruptedException {
        if (settings.time() == TimeSource.system()) {
            closing.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } else {
            settings.time().sleep(delay);
        }
    }

    /**
     * Adds {@code call} to the calls {@link #close()} ends; if the transport is closed already, ends it now. The call
     * removes itself when it ends.
     */
    public void track(Pending call) {
        pending.add(call);
        // close() sets the flag, then ends what it finds: a call added after it looked sees the flag.
        if (closed) {
            call.clientClosed();
        }
    }

    /** Removes {@code call}, ended, from the calls {@link #close()} ends. */
    public void untrack(Pending call) {
        pending.remove(call);
    }

    /**
     * Sends {@code request} without blocking the caller: attempts run on OkHttp's dispatcher, and waits (rate
     * limit, backoff) are timers on the {@link #scheduler()}, so no thread is held while waiting. Cancelling the
     * returned future cancels the request in flight and any pending retry.
     *
     * @return a future completed with the response, or exceptionally with the same exceptions as
     *     {@link #execute(ApiRequest, BodyReader)}; with a {@link ClientClosedException} if the transport closes first
     * @throws ClientClosedException if the transport is closed
     */
    public <T> CompletableFuture<ApiResponse<T>> executeAsync(ApiRequest request, BodyReader<T> reader) {
        return executeAsync(request, reader, CallBudget.of(settings, RequestOptions.defaults(), CallBudget.NONE), null);
    }

    /** As {@link #executeAsync(ApiRequest, BodyReader)}, one poll of a wait: within {@code deadlineNanos}, told to {@code wait}. */
    public <T> CompletableFuture<ApiResponse<T>> executeAsync(
            ApiRequest request,
            BodyReader<T> reader,
            RequestOptions options,
            long deadlineNanos,
            ClientListener.Operation wait) {
        return executeAsync(request, reader, CallBudget.of(settings, options, deadlineNanos), wait);
    }

    private <T> CompletableFuture<ApiResponse<T>> executeAsync(
            ApiRequest request, BodyReader<T> reader, CallBudget budget, ClientListener.@Nullable Operation parent) {
        checkOpen();
        return new AsyncCall<>(this, new RetryingCall<>(settings, client, request, reader, budget, parent)).start();
    }

    /**
     * As {@link #executeAsync(ApiRequest, BodyReader)}, completing with the value alone, within the caller's
     * deadline: the future completes exceptionally when it passes, and the request in flight is cancelled.
     * Cancelling the returned future still cancels the request in flight.
     */
    public <T> CompletableFuture<T> fetchAsync(ApiRequest request, BodyReader<T> reader, RequestOptions options) {
        CompletableFuture<ApiResponse<T>> call =
                executeAsync(request, reader, CallBudget.of(settings, options, CallBudget.NONE), null);
        CompletableFuture<T> value = call.thenApply(ApiResponse::value);
        value.whenComplete((v, e) -> {
            if (value.isCancelled()) {
                call.cancel(true);
            }
        });
        return value;
    }

    /** Returns who is told of this transport's operations. */
    public ClientListener listener() {
        return settings.listener();
    }

    /** Returns the provider name. */
    public String provider() {
        return settings.provider();
    }

    /** Returns the base URL. */
    public HttpUrl baseUrl() {
        return settings.baseUrl();
    }

    /** Returns the configured OkHttp client (derived from the caller's, if one was given). */
    public OkHttpClient httpClient() {
        return client;
    }

    /** Returns the time source. */
    public TimeSource time() {
        // Set before the credentials are made, which may ask for it (a token provider's clock).
        return time;
    }

    /** Returns the client-side rate limiter. */
    public RateLimiter rateLimiter() {
        return settings.rateLimiter();
    }

    /** Returns the retry policy. */
    public RetryPolicy retryPolicy() {
        return settings.retryPolicy();
    }

    /**
     * Returns the scheduler that runs timers of asynchronous calls and waits: the caller's, or one daemon
     * thread owned by this transport, started on first use and stopped by {@link #close()}.
     */
    public ScheduledExecutorService scheduler() {
        if (scheduler != null) {
            return scheduler;
        }
        synchronized (this) {
            checkOpen();
            if (ownedScheduler == null) {
                ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(
                        1, Threads.daemonFactory("jobstatus-" + provider() + "-scheduler"));
                executor.setRemoveOnCancelPolicy(true);
                ownedScheduler = executor;
            }
            return ownedScheduler;
        }
    }

    /**
     * Returns the executor of blocking credential work for asynchronous calls (a token fetch, a renewal after a 401),
     * so that neither the caller's thread, nor OkHttp's dispatcher, nor the scheduler waits for it: a few daemon
     * threads owned by this transport, started on first use, idle after 30 s, stopped by {@link #close()}.
     *
     * @throws ClientClosedException if the transport is closed
     */
    ExecutorService credentialWork() {
        ExecutorService work = credentialWork;
        if (work != null) {
            return work;
        }
        synchronized (this) {
            checkOpen();
            if (credentialWork == null) {
                ThreadPoolExecutor executor = new ThreadPoolExecutor(
                        CREDENTIAL_THREADS,
                        CREDENTIAL_THREADS,
                        30,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        Threads.daemonFactory("jobstatus-" + provider() + "-credentials"));
                executor.allowCoreThreadTimeOut(true);
                credentialWork = executor;
            }
            return credentialWork;
        }
    }

    /** Returns whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new ClientClosedException(provider(), 0, "the " + provider() + " client is closed", null);
        }
    }

    /**
     * Ends every call and asynchronous wait still in progress with a {@link ClientClosedException} (a future completes
     * exceptionally, a blocking call throws it): the request in flight is cancelled, a pending retry or poll timer
     * too, and a wait for a retry, a rate-limit permit or credentials ends at once. Then stops the threads this
     * transport started and, for a client it created, OkHttp's dispatcher threads, and evicts the idle connections. A
     * caller-supplied client and scheduler are left running. Closing twice is harmless.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Pending call : pending) {
            call.clientClosed();
        }
        // Sleepers are woken only now, their calls already cancelled: a wait for a permit that ended before its call
        // was cancelled would find it still live and send its request.
        closing.countDown();
        synchronized (this) {
            if (ownedScheduler != null) {
                ownedScheduler.shutdownNow();
            }
            if (credentialWork != null) {
                // Interrupts a token fetch in progress: the calls waiting for it have ended. A task that never ran
                // finds its call ended, and only releases what it holds (a response).
                credentialWork.shutdownNow().forEach(Runnable::run);
            }
        }
        if (ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "HttpTransport[" + provider() + ", " + Urls.redacted(baseUrl()) + ", " + settings.credentials() + "]";
    }

    /** Configures an {@link HttpTransport}. */
    public static final class Builder {
        final String provider;
        HttpUrl baseUrl;
        boolean allowInsecureHttp;
        OkHttpClient httpClient;
        Duration connectTimeout;
        Duration readTimeout;
        Duration writeTimeout;
        Duration callTimeout;
        java.util.function.Function<HttpTransport, CredentialProvider> credentials = t -> CredentialProvider.none();
        RetryPolicy retryPolicy = RetryPolicy.defaults();
        RateLimiter rateLimiter = RateLimiter.unlimited();
        ScheduledExecutorService scheduler;
        TimeSource time = TimeSource.system();
        DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        ErrorDecoder errorDecoder = GenericErrorDecoder.INSTANCE;
        ThrottleDetector throttleDetector = ThrottleDetector.NONE;
        List<String> requestIdHeaders = DEFAULT_REQUEST_ID_HEADERS;
        final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        Consumer<Headers> responseObserver = headers -> {};
        long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        ClientListener listener = ClientListener.none();

        private Builder(String provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
        }

        /** Sets the base URL every request path is resolved under. */
        public Builder baseUrl(HttpUrl baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** Allows a plain-http base URL on a non-loopback host. */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /** Uses the caller's OkHttp client (its pool and dispatcher are shared and never shut down by the SDK). */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** Sets the connect timeout (default 10 s; a caller's client keeps its own unless this is set). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Checks.positive(timeout, "connectTimeout");
            return this;
        }

        /** Sets the read timeout (default 30 s). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Checks.positive(timeout, "readTimeout");
            return this;
        }

        /** Sets the write timeout (default 30 s). */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Checks.positive(timeout, "writeTimeout");
            return this;
        }

        /** Sets the timeout of one whole attempt (default 60 s); zero means none. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Checks.nonNegative(timeout, "callTimeout");
            return this;
        }

        /** Sets the credentials (default none). */
        public Builder credentials(CredentialProvider credentials) {
            Objects.requireNonNull(credentials, "credentials");
            this.credentials = t -> credentials;
            return this;
        }

        /**
         * Sets credentials that need the transport itself, such as a token provider whose fetcher calls the
         * provider's token endpoint through it.
         */
        public Builder credentials(java.util.function.Function<HttpTransport, CredentialProvider> factory) {
            this.credentials = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Sets the retry policy. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Sets the client-side rate limiter (default unlimited). */
        public Builder rateLimiter(RateLimiter rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
            return this;
        }

        /** Uses the caller's scheduler for timers of asynchronous calls and waits (never shut down by the SDK). */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** Sets the time source. */
        public Builder timeSource(TimeSource time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /** Sets the source of jitter, numbers in [0, 1). */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Sets the provider's error-envelope decoder. */
        public Builder errorDecoder(ErrorDecoder errorDecoder) {
            this.errorDecoder = Objects.requireNonNull(errorDecoder, "errorDecoder");
            return this;
        }

        /** Sets how the provider's throttling responses other than 429 are recognised. */
        public Builder throttleDetector(ThrottleDetector throttleDetector) {
            this.throttleDetector = Objects.requireNonNull(throttleDetector, "throttleDetector");
            return this;
        }

        /** Sets the response headers that carry the request id, first match wins. */
        public Builder requestIdHeaders(List<String> names) {
            this.requestIdHeaders = List.copyOf(names);
            return this;
        }

        /** Adds a header sent with every request (not a secret: use credentials for those). */
        public Builder defaultHeader(String name, String value) {
            defaultHeaders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets a callback that sees the headers of every response, successful or not. */
        public Builder responseObserver(Consumer<Headers> observer) {
            this.responseObserver = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** Sets who is told of operations, attempts, retries and throttles (default none). */
        public Builder listener(ClientListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Sets the largest response body accepted, in bytes (default 16 MiB). */
        public Builder maxResponseBytes(long maxResponseBytes) {
            if (maxResponseBytes <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /**
         * Returns the transport.
         *
         * @throws IllegalStateException if no base URL is set, or it is plain http to a non-loopback host
         *     without {@link #allowInsecureHttp(boolean)}
         */
        public HttpTransport build() {
            if (baseUrl == null) {
                throw new IllegalStateException("Base URL required.");
            }
            Urls.requireSecure(baseUrl, allowInsecureHttp);
            return new HttpTransport(this);
        }
    }
}
