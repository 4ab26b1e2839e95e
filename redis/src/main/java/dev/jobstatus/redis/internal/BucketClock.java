package dev.jobstatus.redis.internal;

import io.github.bucket4j.TimeMeter;
import java.time.Instant;

/**
 * Bucket4j's clock for shared buckets: the wall clock to the microsecond (hosts agree on it through NTP), remembering
 * on each thread the monotonic time it was last read at.
 *
 * <p>A reservation's wait counts from when Bucket4j read the clock, before its round trips to Redis; a wait taken as
 * counting from when the reservation returned would send the request late by those round trips, into the margin of
 * the next process's request.
 */
final class BucketClock implements TimeMeter {
    static final BucketClock INSTANCE = new BucketClock();

    private final ThreadLocal<long[]> readAt = ThreadLocal.withInitial(() -> new long[1]);

    private BucketClock() {}

    @Override
    public long currentTimeNanos() {
        Instant now = Instant.now();
        readAt.get()[0] = System.nanoTime();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }

    /** {@return the {@link System#nanoTime()} at which this thread last read the clock} */
    long lastReadNanoTime() {
        return readAt.get()[0];
    }
}
