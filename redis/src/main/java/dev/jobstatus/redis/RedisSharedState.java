package dev.jobstatus.redis;

import dev.jobstatus.core.SharedState;
import dev.jobstatus.core.auth.TokenStore;
import dev.jobstatus.core.internal.checks.Checks;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.time.TimeSource;
import dev.jobstatus.redis.internal.Redis;
import dev.jobstatus.redis.internal.RedisRateLimiter;
import dev.jobstatus.redis.internal.RedisTokenStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Pacing and tokens shared through one Redis server by every client, in any process, of the same provider and
 * account: the provider's quota is enforced across all of them (each window of it one bandwidth of a Bucket4j bucket
 * in Redis, split between bursts and a sustained rate by {@link Builder#burstShare(double)}), and they use one access
 * token, renewed by one of them at a time while the others wait for it.
 *
 * <pre>{@code
 * RedisSharedState shared = RedisSharedState.connect("redis://jobs:secret@redis.internal:6379");
 * NexudusClient nexudus = NexudusClient.builder()
 *         .passwordGrant(email, password)
 *         .sharedState(shared)
 *         .build();
 * }</pre>
 *
 * <p>Redis then holds bearer tokens and refresh tokens: protect it like the credentials themselves (an ACL user of
 * its own, {@code rediss://} across hosts, no public port).
 *
 * <p>When Redis is down or slow, no call waits past its deadline for it: each process paces itself and keeps its
 * own token, with one warning through {@link System.Logger} ({@code dev.jobstatus.redis}), and goes back to Redis
 * when it answers again; a token fetched meanwhile is published then, unless another process published a newer one.
 * {@link Builder#failWhenUnavailable(boolean)} makes calls fail instead. Share one instance per Redis server;
 * {@link #close()} it when done. Thread-safe.
 */
public final class RedisSharedState implements SharedState, AutoCloseable {
    private final Redis redis;
    private final String keyPrefix;
    private final double burstShare;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, TokenStore> stores = new ConcurrentHashMap<>();

    private RedisSharedState(Builder builder) {
        this.redis = new Redis(
                builder.url,
                builder.trustedCertificates,
                builder.commandTimeout,
                builder.connectTimeout,
                builder.retryInterval,
                builder.failWhenUnavailable);
        this.keyPrefix = builder.keyPrefix;
        this.burstShare = builder.burstShare;
        redis.connectSoon();
    }

    /**
     * {@return shared state on the Redis server at {@code url}, with the default settings} It starts connecting in
     * the background; a Redis that cannot be reached is reported by the first call that needs it.
     *
     * @param url {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://…} for TLS
     * @throws IllegalArgumentException if the URL cannot be parsed
     */
    public static RedisSharedState connect(String url) {
        return builder(url).build();
    }

    /**
     * {@return a builder of shared state on the Redis server at {@code url}}
     *
     * @param url {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://…} for TLS
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /**
     * {@return the limiter of {@code key}, the same object for every client of this instance with that key}
     *
     * @param key the provider and account, such as {@code nexudus/ops@example.com}
     * @param windows the provider's quota
     */
    @Override
    public RateLimiter rateLimiter(String key, List<RateLimiter.Window> windows) {
        return limiters.computeIfAbsent(
                key,
                k -> new RedisRateLimiter(
                        redis,
                        provider(k),
                        redisKey(k, "quota"),
                        windows,
                        burstShare,
                        RateLimiter.windows(TimeSource.system(), windows.toArray(RateLimiter.Window[]::new))));
    }

    /**
     * {@return the token store of {@code key}, the same object for every client of this instance with that key}
     *
     * @param key the provider, account, origin and credentials fingerprint, such as
     *     {@code nexudus/ops@example.com/https://spaces.nexudus.com:443/kdf-3f…}
     */
    @Override
    public TokenStore tokenStore(String key) {
        return stores.computeIfAbsent(key, k -> new RedisTokenStore(redis, provider(k), redisKey(k, "token")));
    }

    private byte[] redisKey(String key, String kind) {
        return (keyPrefix + key + ":" + kind).getBytes(StandardCharsets.UTF_8);
    }

    private static String provider(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    /**
     * Closes the connection to Redis; clients still using this state pace and keep tokens in their own process from
     * then on, without a warning, even when it was set to {@link Builder#failWhenUnavailable(boolean) fail}.
     */
    @Override
    public void close() {
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisSharedState[" + redis.where() + "]";
    }

    /** Configures a {@link RedisSharedState}. */
    public static final class Builder {
        private final String url;
        private Duration commandTimeout = Duration.ofMillis(250);
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration retryInterval = Duration.ofSeconds(5);
        private boolean failWhenUnavailable;
        private String keyPrefix = "jobstatus:";
        private double burstShare = 0.5;
        private @Nullable Path trustedCertificates;

        private Builder(String url) {
            this.url = Checks.text(url, "url");
        }

        /**
         * Sets how long one Redis command may take before Redis counts as unavailable (default 250 ms).
         *
         * @param timeout the bound, positive
         * @return this builder
         */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = Checks.positive(timeout, "commandTimeout");
            return this;
        }

        /**
         * Sets how long connecting to Redis may take (default 2 s); until the first command has succeeded, it also
         * bounds that command, which loads the Redis client's classes.
         *
         * @param timeout the bound, positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Checks.positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how long after a failure the next call tries Redis again (default 5 s).
         *
         * @param interval the interval, positive
         * @return this builder
         */
        public Builder retryInterval(Duration interval) {
            this.retryInterval = Checks.positive(interval, "retryInterval");
            return this;
        }

        /**
         * Makes calls fail with a {@link RedisUnavailableException} while Redis is unavailable, instead of pacing and
         * keeping tokens in each process (the default, {@code false}).
         *
         * @param fail whether to fail
         * @return this builder
         */
        public Builder failWhenUnavailable(boolean fail) {
            this.failWhenUnavailable = fail;
            return this;
        }

        /**
         * Sets how much of each quota window the fleet may spend at once (default 0.5). A distributed token bucket
         * stays within "{@code N} requests in any span of {@code P}" only if its burst and what it refills in
         * {@code P} add up to no more than {@code N}: a share {@code s} allows bursts of {@code sN} requests and a
         * sustained rate of {@code (1 - s)N} per {@code P}. Fleets that call in bursts (command-line runs, nightly
         * jobs) want a larger share; fleets that call all day (workers polling waits) a smaller one. A window of one
         * request (such as Nexudus's one per 100 ms) is enforced exactly whatever the share.
         *
         * @param share the burst share, above 0 and below 1
         * @return this builder
         * @throws IllegalArgumentException if the share is not above 0 and below 1
         */
        public Builder burstShare(double share) {
            if (!(share > 0 && share < 1)) {
                throw new IllegalArgumentException("burstShare must be above 0 and below 1: " + share);
            }
            this.burstShare = share;
            return this;
        }

        /**
         * Sets the prefix of every key this state writes (default {@code jobstatus:}).
         *
         * @param prefix the prefix
         * @return this builder
         */
        public Builder keyPrefix(String prefix) {
            this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Trusts the certificates in a PEM file for {@code rediss://}, such as a private certificate authority's;
         * by default the JVM's trust store decides.
         *
         * @param pemFile the certificates
         * @return this builder
         */
        public Builder trustedCertificates(Path pemFile) {
            this.trustedCertificates = Objects.requireNonNull(pemFile, "pemFile");
            return this;
        }

        /**
         * {@return the shared state, connecting in the background}
         *
         * @throws IllegalArgumentException if the URL cannot be parsed
         */
        public RedisSharedState build() {
            return new RedisSharedState(this);
        }
    }
}
