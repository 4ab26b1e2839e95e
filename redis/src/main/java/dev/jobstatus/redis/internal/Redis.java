package dev.jobstatus.redis.internal;

import dev.jobstatus.core.internal.text.Urls;
import dev.jobstatus.core.internal.transport.Threads;
import dev.jobstatus.redis.RedisUnavailableException;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One Redis server as the limiters and token stores use it: a lazily opened connection, every command bounded by
 * the command timeout and by the caller's own time, and what happens while Redis is away. By default a failure
 * sends the callers to their in-process fallback for the retry interval, with one warning per outage and a note
 * when Redis is back; set to fail, it throws {@link RedisUnavailableException} instead.
 */
public final class Redis implements AutoCloseable {
    /** Whether the Lettuce on the class path is 7 or later (has maintenance notices to switch off). */
    private static final boolean LETTUCE_7 = present("io.lettuce.core.MaintNotificationsConfig");

    private static final System.Logger LOG = System.getLogger("dev.jobstatus.redis");
    private static final long UP = Long.MIN_VALUE;

    /** A Redis operation; it runs on the module's own threads, so that the caller's wait for it can be bounded. */
    @FunctionalInterface
    public interface Operation<T> {
        /** Runs the operation on the open connection; never returns {@code null}. */
        T run(Redis redis) throws Exception;
    }

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final String where;
    /** The URL's password, only to mask it should a message ever quote it; empty when there is none. */
    private final String password;

    private final Duration commandTimeout;
    private final Duration connectTimeout;
    private final long retryIntervalNanos;
    private final boolean failWhenUnavailable;
    private final ExecutorService executor = Executors.newCachedThreadPool(Threads.daemonFactory("jobstatus-redis"));
    /** {@link #UP}, or the {@code System.nanoTime()} after which the next caller tries Redis again. */
    private final AtomicLong retryAt = new AtomicLong(UP);

    private volatile @Nullable StatefulRedisConnection<byte[], byte[]> connection;
    private volatile @Nullable LettuceBasedProxyManager<byte[]> buckets;
    /** Whether an operation has succeeded yet: until then, connecting and loading classes get the connect timeout. */
    private volatile boolean warm;
    /** Whether {@link #close()} was called: callers then use their in-process fallback, without a warning. */
    private volatile boolean closed;

    /**
     * Prepares the client; nothing is connected until the first operation.
     *
     * @param url {@code redis://[user:password@]host[:port][/database]} or {@code rediss://…} for TLS
     * @param trustedCertificates PEM certificates to trust for TLS, or {@code null} for the JVM's trust store
     */
    public Redis(
            String url,
            @Nullable Path trustedCertificates,
            Duration commandTimeout,
            Duration connectTimeout,
            Duration retryInterval,
            boolean failWhenUnavailable) {
        this.uri = parse(url);
        // Lettuce's and Bucket4j's own timeouts only free this module's threads: the caller's wait is bounded by
        // call(), with the command timeout once warm. Cold, a first command also loads classes and can take longer.
        Duration libraryTimeout = connectTimeout.compareTo(commandTimeout) > 0 ? connectTimeout : commandTimeout;
        this.uri.setTimeout(libraryTimeout);
        this.where = describe(uri);
        this.password = password(url);
        this.commandTimeout = commandTimeout;
        this.connectTimeout = connectTimeout;
        this.retryIntervalNanos = retryInterval.toNanos();
        this.failWhenUnavailable = failWhenUnavailable;
        // Reconnects soon after Redis returns: Lettuce's default backoff grows to 30 s, far past the retry interval.
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), retryInterval, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        ClientOptions.Builder options = ClientOptions.builder()
                // Commands fail at once while the connection is down, instead of queueing until it is back.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .timeoutOptions(TimeoutOptions.enabled(libraryTimeout))
                .socketOptions(
                        SocketOptions.builder().connectTimeout(connectTimeout).build());
        if (LETTUCE_7) {
            Lettuce7.withoutMaintenanceNotices(options);
        }
        if (trustedCertificates != null) {
            options.sslOptions(SslOptions.builder()
                    .jdkSslProvider()
                    .trustManager(trustedCertificates.toFile())
                    .build());
        }
        client.setOptions(options.build());
    }

    /** Starts connecting in the background, so that the first call does not wait for it. */
    public void connectSoon() {
        soon(Redis::connection);
    }

    /**
     * Runs {@code operation} in the background, ignoring its failure: used to connect and load classes before the
     * first call waits for Redis. The first call that needs Redis tries again, and reports it.
     *
     * @param operation what to run
     */
    public void soon(Operation<?> operation) {
        if (closed) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    operation.run(this);
                } catch (Exception e) {
                    // The first call that needs Redis tries again, and reports it.
                }
            });
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: nothing to prepare.
        }
    }

    /** Returns where Redis is, without the password: {@code redis://host:port/db}. */
    public String where() {
        return where;
    }

    /**
     * Runs {@code operation} on Redis, waiting for it no longer than the command timeout or {@code bound}.
     *
     * @param provider the provider whose call needs Redis, for the exception
     * @param bound the longest the caller can wait
     * @return the result, or {@code null} when the caller should use its in-process fallback: Redis is away, did not
     *     answer within {@code bound}, or this was closed
     * @throws RedisUnavailableException if Redis is away and the shared state is set to fail
     */
    public <T> @Nullable T call(String provider, Duration bound, Operation<T> operation) {
        if (closed || !shouldTry()) {
            return null;
        }
        Duration allowed = warm ? commandTimeout : connectTimeout;
        long timeout = Math.min(allowed.toNanos(), Math.max(0, bound.toNanos()));
        Future<T> result;
        try {
            result = executor.submit(() -> operation.run(this));
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: the caller's own process takes over, as after close().
            return null;
        }
        try {
            T value = result.get(timeout, TimeUnit.NANOSECONDS);
            warm = true;
            back();
            return value;
        } catch (TimeoutException e) {
            result.cancel(true);
            if (timeout < allowed.toNanos()) {
                // The caller's own time ran out first: no verdict on Redis.
                return null;
            }
            away(provider, "did not answer within " + allowed.toMillis() + " ms", e);
            return null;
        } catch (ExecutionException e) {
            if (closed) {
                // The connection was closed under the operation: no outage, the caller's own process takes over.
                return null;
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            away(provider, "failed: " + cause.getClass().getSimpleName() + ": " + redact(cause.getMessage()), cause);
            return null;
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Returns the connection, opening it on first use (and again after a failed first attempt). */
    public StatefulRedisConnection<byte[], byte[]> connection() {
        StatefulRedisConnection<byte[], byte[]> open = connection;
        if (open == null) {
            synchronized (this) {
                open = connection;
                if (open == null) {
                    open = client.connect(ByteArrayCodec.INSTANCE);
                    connection = open;
                }
            }
        }
        return open;
    }

    /** Returns Bucket4j's manager of buckets on this connection. */
    public LettuceBasedProxyManager<byte[]> buckets() {
        LettuceBasedProxyManager<byte[]> manager = buckets;
        if (manager == null) {
            StatefulRedisConnection<byte[], byte[]> open = connection();
            synchronized (this) {
                manager = buckets;
                if (manager == null) {
                    manager = Bucket4jLettuce.casBasedBuilder(open)
                            // A bucket idle long enough to be full again is deleted: Redis keeps only live quotas.
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                    Duration.ofSeconds(10)))
                            .requestTimeout(uri.getTimeout())
                            .clientClock(BucketClock.INSTANCE)
                            .build();
                    buckets = manager;
                }
            }
        }
        return manager;
    }

    /** Returns whether to try Redis now: it is up, or this caller is the one to probe it after an outage. */
    private boolean shouldTry() {
        long at = retryAt.get();
        if (at == UP) {
            return true;
        }
        long now = System.nanoTime();
        return now - at >= 0 && retryAt.compareAndSet(at, now + retryIntervalNanos);
    }

    private void back() {
        if (retryAt.get() != UP && retryAt.getAndSet(UP) != UP) {
            LOG.log(System.Logger.Level.INFO, "Redis at {0} is back: pacing and tokens are shared again", where);
        }
    }

    private void away(String provider, String what, Throwable cause) {
        String message = "Redis at " + where + " " + what;
        if (failWhenUnavailable) {
            throw new RedisUnavailableException(provider, message, cause);
        }
        long next = System.nanoTime() + retryIntervalNanos;
        if (retryAt.getAndSet(next) == UP) {
            // Once per outage, and without the cause's text, which may quote a URL.
            LOG.log(
                    System.Logger.Level.WARNING,
                    "{0}; pacing and tokens stay in this process, and Redis is tried " + "again every {1} ms",
                    message,
                    retryIntervalNanos / 1_000_000);
        }
    }

    /** Parses {@code url}; a refusal quotes it without its password, and keeps no cause (whose message would). */
    private static RedisURI parse(String url) {
        try {
            return RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a redis:// or rediss:// URL: " + Urls.redacted(url));
        }
    }

    private static String password(String url) {
        try {
            String userInfo = java.net.URI.create(url).getUserInfo();
            return userInfo == null || userInfo.indexOf(':') < 0 ? "" : userInfo.substring(userInfo.indexOf(':') + 1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Returns {@code message} with the URL's password, should a message ever quote it, masked. */
    private String redact(@Nullable String message) {
        if (message == null) {
            return "";
        }
        return password.isEmpty() ? message : message.replace(password, "***");
    }

    private static String describe(RedisURI uri) {
        return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    /** Stops using Redis: every later {@link #call} answers {@code null}, sending its caller to its fallback. */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        StatefulRedisConnection<byte[], byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "Redis[" + where + "]";
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Redis.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Lettuce 7's handling of Redis Enterprise maintenance notices (relaxed timeouts during a failover) is its one part
     * this module would reach that logs through SLF4J, which this module does not bring: without SLF4J it could not
     * connect, so it is switched off (a command here is short and falls back on a timeout anyway). Lettuce 6, which
     * Spring Boot 3.5 and 4.0 manage, has no such notices and no such setting: this class is loaded only on Lettuce 7.
     */
    private static final class Lettuce7 {
        static void withoutMaintenanceNotices(ClientOptions.Builder options) {
            options.maintNotificationsConfig(io.lettuce.core.MaintNotificationsConfig.disabled());
        }
    }
}
