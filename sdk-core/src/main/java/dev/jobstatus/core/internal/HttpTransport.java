package dev.jobstatus.core.internal;

import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.auth.CredentialProvider;
import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.polling.JobView;
import dev.jobstatus.core.polling.JobWaiter;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.TimeSource;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.Headers;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends API requests for one SDK client: builds URLs under the base URL, authenticates, retries by the
 * {@link RetryPolicy}, maps error responses to the SDK's exceptions and bodies to values. Thread-safe.
 *
 * <p>It owns its {@link OkHttpClient} unless the caller supplied one; {@link #close()} releases only what
 * it owns.
 */
public final class HttpTransport implements AutoCloseable {
    static final int ASYNC_THREADS = 4;
    static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
    static final List<String> DEFAULT_REQUEST_ID_HEADERS = List.of("X-Request-Id", "Request-Id", "X-Correlation-Id");

    private final String provider;
    private final HttpUrl baseUrl;
    private final OkHttpClient client;
    private final boolean ownsClient;
    private final CredentialProvider credentials;
    private final RetryPolicy retryPolicy;
    private final RateLimiter rateLimiter;
    private final ScheduledExecutorService scheduler;
    private ScheduledExecutorService ownedScheduler;
    private final TimeSource time;
    private final DoubleSupplier random;
    private final ErrorDecoder errorDecoder;
    private final ThrottleDetector throttleDetector;
    private final List<String> requestIdHeaders;
    private final Map<String, String> defaultHeaders;
    private final Consumer<Headers> responseObserver;
    private final long maxResponseBytes;
    private final String userAgent;
    private volatile boolean closed;

    private HttpTransport(Builder b) {
        this.provider = b.provider;
        this.baseUrl = b.baseUrl;
        // Token endpoints are called through this same transport (its limiter, retries and errors), so
        // token-based credentials are created with the transport they will use.
        this.credentials = b.credentials.apply(this);
        this.retryPolicy = b.retryPolicy;
        this.rateLimiter = b.rateLimiter;
        this.scheduler = b.scheduler;
        this.time = b.time;
        this.random = b.random;
        this.errorDecoder = b.errorDecoder;
        this.throttleDetector = b.throttleDetector;
        this.requestIdHeaders = b.requestIdHeaders;
        this.defaultHeaders = Map.copyOf(b.defaultHeaders);
        this.responseObserver = b.responseObserver;
        this.maxResponseBytes = b.maxResponseBytes;
        this.userAgent = UserAgent.forProvider(b.provider);
        this.ownsClient = b.httpClient == null;
        this.client = configure(b);
    }

    private static OkHttpClient configure(Builder b) {
        OkHttpClient.Builder ok = b.httpClient == null ? new OkHttpClient.Builder() : b.httpClient.newBuilder();
        if (b.httpClient == null) {
            ok.dispatcher(boundedDispatcher(b.provider));
        }
        setTimeout(b.connectTimeout, b.httpClient, Duration.ofSeconds(10), ok::connectTimeout);
        setTimeout(b.readTimeout, b.httpClient, Duration.ofSeconds(30), ok::readTimeout);
        setTimeout(b.writeTimeout, b.httpClient, Duration.ofSeconds(30), ok::writeTimeout);
        setTimeout(b.callTimeout, b.httpClient, Duration.ofSeconds(60), ok::callTimeout);
        return ok
                // Every retry decision is made in one place (Exchange), not also inside OkHttp.
                .retryOnConnectionFailure(false)
                // Never follow a redirect from https down to http.
                .followSslRedirects(false)
                .addNetworkInterceptor(new AuthInterceptor(b.baseUrl))
                .addNetworkInterceptor(new HoldRetryAfterInterceptor())
                .build();
    }

    /**
     * OkHttp's default dispatcher starts a thread per concurrent asynchronous call (up to 64). Thousands of
     * concurrent waits must not mean dozens of threads, so calls beyond a small fixed pool queue instead.
     */
    private static Dispatcher boundedDispatcher(String provider) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(ASYNC_THREADS, ASYNC_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Threads.daemonFactory("jobstatus-" + provider + "-http"));
        pool.allowCoreThreadTimeOut(true);
        Dispatcher dispatcher = new Dispatcher(pool);
        dispatcher.setMaxRequests(ASYNC_THREADS);
        dispatcher.setMaxRequestsPerHost(ASYNC_THREADS);
        return dispatcher;
    }

    private static void setTimeout(Duration value, OkHttpClient callers, Duration fallback,
                                   java.util.function.Function<Duration, OkHttpClient.Builder> setter) {
        if (value != null) {
            setter.apply(value);
        } else if (callers == null) {
            setter.apply(fallback);
        }
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
     * @throws IllegalStateException if the transport is closed
     */
    public <T> ApiResponse<T> execute(ApiRequest request, BodyReader<T> reader) {
        checkOpen();
        Exchange<T> exchange = new Exchange<>(this, request, reader);
        while (true) {
            // Credentials first: fetching a token is a request of its own and takes its own permit. This
            // attempt's permit is reserved after it, right before sending, so the two cannot go out back to back.
            Request next = exchange.nextRequest();
            sleep(exchange.reservePermit(), exchange);
            Call call = exchange.newCall(next);
            Outcome<T> outcome;
            try (Response response = call.execute()) {
                outcome = exchange.onResponse(response);
            } catch (IOException e) {
                outcome = exchange.onFailure(e, call.isCanceled());
            }
            if (outcome instanceof Outcome.Done<T> done) {
                return done.response();
            }
            if (outcome instanceof Outcome.Fail<T> fail) {
                throw fail.exception();
            }
            sleep(((Outcome.Retry<T>) outcome).delay(), exchange);
        }
    }

    private void sleep(Duration delay, Exchange<?> exchange) {
        if (delay.isZero()) {
            return;
        }
        try {
            time.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedOperationException(provider, exchange.attempts(), e);
        }
    }

    /**
     * Sends {@code request} without blocking the caller: attempts run on OkHttp's dispatcher, and waits (rate
     * limit, backoff) are timers on the {@link #scheduler()}, so no thread is held while waiting. Cancelling the
     * returned future cancels the request in flight and any pending retry.
     *
     * @return a future completed with the response, or exceptionally with the same exceptions as
     *     {@link #execute(ApiRequest, BodyReader)}
     * @throws IllegalStateException if the transport is closed
     */
    public <T> CompletableFuture<ApiResponse<T>> executeAsync(ApiRequest request, BodyReader<T> reader) {
        checkOpen();
        return new AsyncExchange<>(this, new Exchange<>(this, request, reader)).start();
    }

    /**
     * As {@link #executeAsync(ApiRequest, BodyReader)}, completing with the value alone. Cancelling the returned
     * future still cancels the request in flight.
     */
    public <T> CompletableFuture<T> fetchAsync(ApiRequest request, BodyReader<T> reader) {
        CompletableFuture<ApiResponse<T>> call = executeAsync(request, reader);
        CompletableFuture<T> value = call.thenApply(ApiResponse::value);
        value.whenComplete((v, e) -> {
            if (value.isCancelled()) {
                call.cancel(true);
            }
        });
        return value;
    }

    /**
     * Returns a waiter that polls {@code request}, for a provider's {@code waiter(id)}.
     *
     * @param jobId the job's id, for messages
     * @param request the request that fetches the job
     * @param reader maps the job
     * @param policy the client's poll policy
     */
    public <J extends JobView> JobWaiter<J> waiter(String jobId, ApiRequest request, BodyReader<J> reader, PollPolicy policy) {
        JobWaiter<J> waiter = JobWaiter.create(provider, jobId, new JobWaiter.PollSource<J>() {
            @Override
            public ApiResponse<J> poll() {
                return execute(request, reader);
            }

            @Override
            public CompletableFuture<ApiResponse<J>> pollAsync() {
                return executeAsync(request, reader);
            }
        }, time, this::scheduler);
        return waiter.policy(policy);
    }

    /** Returns the provider name. */
    public String provider() {
        return provider;
    }

    /** Returns the base URL. */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** Returns the configured OkHttp client (derived from the caller's, if one was given). */
    public OkHttpClient httpClient() {
        return client;
    }

    /** Returns the time source. */
    public TimeSource time() {
        return time;
    }

    /** Returns the client-side rate limiter. */
    public RateLimiter rateLimiter() {
        return rateLimiter;
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
                ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                        Threads.daemonFactory("jobstatus-" + provider + "-scheduler"));
                executor.setRemoveOnCancelPolicy(true);
                ownedScheduler = executor;
            }
            return ownedScheduler;
        }
    }

    /** Returns the retry policy. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    CredentialProvider credentials() {
        return credentials;
    }

    DoubleSupplier random() {
        return random;
    }

    ErrorDecoder errorDecoder() {
        return errorDecoder;
    }

    ThrottleDetector throttleDetector() {
        return throttleDetector;
    }

    List<String> requestIdHeaders() {
        return requestIdHeaders;
    }

    Map<String, String> defaultHeaders() {
        return defaultHeaders;
    }

    Consumer<Headers> responseObserver() {
        return responseObserver;
    }

    long maxResponseBytes() {
        return maxResponseBytes;
    }

    String userAgent() {
        return userAgent;
    }

    /** Returns whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the " + provider + " client is closed");
        }
    }

    /**
     * Stops the dispatcher threads and evicts the idle connections of a client this transport created. A
     * caller-supplied client is left untouched. Closing twice is harmless.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (this) {
            if (ownedScheduler != null) {
                ownedScheduler.shutdownNow();
            }
        }
        if (ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "HttpTransport[" + provider + ", " + baseUrl + ", " + credentials + "]";
    }

    /** Configures an {@link HttpTransport}. */
    public static final class Builder {
        private final String provider;
        private HttpUrl baseUrl;
        private boolean allowInsecureHttp;
        private OkHttpClient httpClient;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration writeTimeout;
        private Duration callTimeout;
        private java.util.function.Function<HttpTransport, CredentialProvider> credentials = t -> CredentialProvider.none();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private RateLimiter rateLimiter = RateLimiter.unlimited();
        private ScheduledExecutorService scheduler;
        private TimeSource time = TimeSource.system();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private ErrorDecoder errorDecoder = GenericErrorDecoder.INSTANCE;
        private ThrottleDetector throttleDetector = ThrottleDetector.NONE;
        private List<String> requestIdHeaders = DEFAULT_REQUEST_ID_HEADERS;
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private Consumer<Headers> responseObserver = headers -> { };
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

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
