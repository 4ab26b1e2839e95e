package dev.jobstatus.redis.internal;

import dev.jobstatus.core.retry.RateLimiter;
import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.distributed.BucketProxy;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider's quota as one Bucket4j bucket in Redis, each window one bandwidth of it, shared by every process that
 * names the same key; while Redis is away, an in-process limiter of the same windows paces this process.
 *
 * <p>A token bucket that must never exceed {@code N} requests in any span of {@code P} can hold at most {@code N}
 * between its capacity and what it refills in {@code P}. A window of one request is exact (capacity 1, one per
 * {@code P}); a larger one is split by the burst share {@code s}: capacity {@code ceil(sN)}, refilled by
 * {@code N - ceil(sN)} per {@code P}. With {@code s = 0.5}, a quiet fleet can send half a window at once, and a busy
 * one gets half the window's rate.
 */
public final class RedisRateLimiter implements RateLimiter {
    private static final long REFUSED = Long.MAX_VALUE;
    /** How long after its permit Redis's answer may come before the permit is spent and another taken. */
    private static final long MISSED_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(10);
    /** Reservations one call takes at most: a Redis that is always slow is not drained of permits. */
    private static final int MAX_RESERVATIONS = 2;

    private final Redis redis;
    private final String provider;
    private final byte[] key;
    private final BucketConfiguration configuration;
    private final RateLimiter fallback;
    private volatile @Nullable BucketProxy bucket;

    /**
     * Creates the limiter.
     *
     * @param redis the server
     * @param provider the provider, for exceptions
     * @param key the bucket's Redis key
     * @param windows the quota
     * @param burstShare the share of each window of more than one request that may be sent at once, in (0, 1)
     * @param fallback paces this process while Redis is away
     */
    public RedisRateLimiter(
            Redis redis, String provider, byte[] key, List<Window> windows, double burstShare, RateLimiter fallback) {
        this.redis = redis;
        this.provider = provider;
        this.key = key.clone();
        this.configuration = configuration(windows, burstShare);
        this.fallback = fallback;
        // A cold JVM's first Bucket4j command loads classes for tens of milliseconds: done now, not when the first
        // request waits for its permit.
        redis.soon(r -> bucket(r).getAvailableTokens());
    }

    /** Returns the bucket's configuration: one bandwidth per window, within it in any span of its length. */
    static BucketConfiguration configuration(List<Window> windows, double burstShare) {
        ConfigurationBuilder builder = BucketConfiguration.builder();
        for (Window window : windows) {
            int permits = window.permits();
            long capacity =
                    permits == 1 ? 1 : Math.min(permits - 1, Math.max(1, (long) Math.ceil(burstShare * permits)));
            long refill = permits == 1 ? 1 : permits - capacity;
            builder.addLimit(BandwidthBuilder.builder()
                    .capacity(capacity)
                    .refillGreedy(refill, window.period())
                    .build());
        }
        return builder.build();
    }

    @Override
    public @Nullable Duration tryReserve(Duration maxWait) {
        long start = System.nanoTime();
        long maxWaitNanos = maxWait.toNanos();
        // A permit is due at the wait Bucket4j computed, counted from when it read its clock: Redis's answer comes
        // after that by its round trips. One that comes after the permit has passed (a cold JVM's first commands
        // take tens of milliseconds) would send the request late, into the margin of the next process's request:
        // that permit is spent, and one more is taken.
        for (int reservation = 1; ; reservation++) {
            long left = maxWaitNanos - (System.nanoTime() - start);
            Long due = redis.call(provider, Duration.ofNanos(Math.max(0, left)), r -> {
                Recorder recorder = new Recorder();
                return bucket(r).asBlocking().tryConsume(1, Math.max(0, left), recorder)
                        ? BucketClock.INSTANCE.lastReadNanoTime() + recorder.nanos
                        : REFUSED;
            });
            if (due == null) {
                return fallback.tryReserve(Duration.ofNanos(Math.max(0, maxWaitNanos - (System.nanoTime() - start))));
            }
            if (due == REFUSED) {
                return null;
            }
            long now = System.nanoTime();
            if (now - due <= MISSED_NANOS || reservation == MAX_RESERVATIONS) {
                return Duration.ofNanos(Math.max(0, due - now));
            }
        }
    }

    @Override
    public @Nullable Duration nextPermitIn() {
        Long wait = redis.call(
                provider,
                Duration.ofSeconds(1),
                r -> bucket(r).estimateAbilityToConsume(1).getNanosToWaitForRefill());
        return wait == null ? fallback.nextPermitIn() : Duration.ofNanos(wait);
    }

    /** {@return {@code true}: every process with the same key takes permits from this bucket} */
    @Override
    public boolean shared() {
        return true;
    }

    private BucketProxy bucket(Redis r) {
        BucketProxy proxy = bucket;
        if (proxy == null) {
            proxy = r.buckets().builder().build(key, () -> configuration);
            bucket = proxy;
        }
        return proxy;
    }

    @Override
    public String toString() {
        return "RedisRateLimiter[" + redis.where() + ", " + new String(key, java.nio.charset.StandardCharsets.UTF_8)
                + "]";
    }

    /** Takes the wait Bucket4j computes for a reservation instead of sleeping it: the SDK's call sleeps it. */
    private static final class Recorder implements BlockingStrategy {
        private long nanos;

        @Override
        public void park(long nanosToPark) {
            nanos = nanosToPark;
        }
    }
}
