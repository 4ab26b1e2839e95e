package dev.jobstatus.core.internal.transport;

import dev.jobstatus.core.internal.pacing.HeldRetryAfterInterceptor;
import dev.jobstatus.core.internal.pacing.PacingInterceptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/** Sets up the {@link OkHttpClient} of a transport: timeouts, a bounded dispatcher, and the SDK's interceptors. */
final class OkHttpClients {
    static final int ASYNC_THREADS = 4;

    private OkHttpClients() {}

    static OkHttpClient configure(HttpTransport.Builder b) {
        OkHttpClient.Builder ok = b.httpClient == null ? new OkHttpClient.Builder() : b.httpClient.newBuilder();
        if (b.httpClient == null) {
            ok.dispatcher(boundedDispatcher(b.provider));
            if (!b.baseUrl.isHttps()) {
                // Every request goes to the base URL's scheme (redirects to https are not followed, below), so a
                // client of a plain-http server never opens TLS: without a TLS spec OkHttp does not load the JDK's
                // trust store, the largest part of building a client in a fresh JVM.
                ok.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
            }
        }
        setTimeout(b.connectTimeout, b.httpClient, Duration.ofSeconds(10), ok::connectTimeout);
        setTimeout(b.readTimeout, b.httpClient, Duration.ofSeconds(30), ok::readTimeout);
        setTimeout(b.writeTimeout, b.httpClient, Duration.ofSeconds(30), ok::writeTimeout);
        setTimeout(b.callTimeout, b.httpClient, Duration.ofSeconds(60), ok::callTimeout);
        return ok
                // Every retry decision is made in one place (RetryingCall), not also inside OkHttp.
                .retryOnConnectionFailure(false)
                // Never follow a redirect from https down to http.
                .followSslRedirects(false)
                .addNetworkInterceptor(new OriginCredentialsInterceptor(b.baseUrl))
                .addNetworkInterceptor(new HeldRetryAfterInterceptor())
                // Last, right before the request is written: the permit is taken as late as can be.
                .addNetworkInterceptor(new PacingInterceptor())
                .build();
    }

    /**
     * OkHttp's default dispatcher starts a thread per concurrent asynchronous call (up to 64). Thousands of
     * concurrent waits must not mean dozens of threads, so calls beyond a small fixed pool queue instead.
     */
    private static Dispatcher boundedDispatcher(String provider) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                ASYNC_THREADS,
                ASYNC_THREADS,
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                Threads.daemonFactory("jobstatus-" + provider + "-http"));
        pool.allowCoreThreadTimeOut(true);
        Dispatcher dispatcher = new Dispatcher(pool);
        dispatcher.setMaxRequests(ASYNC_THREADS);
        dispatcher.setMaxRequestsPerHost(ASYNC_THREADS);
        return dispatcher;
    }

    private static void setTimeout(
            @Nullable Duration value, @Nullable OkHttpClient callers, Duration fallback, Consumer<Duration> setter) {
        if (value != null) {
            setter.accept(value);
        } else if (callers == null) {
            setter.accept(fallback);
        }
    }
}
