package dev.jobstatus.core.internal.timing;

import java.time.Duration;

/** Duration arithmetic that saturates instead of overflowing: a policy may hold durations no clock reaches. */
public final class Durations {
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);
    private static final Duration MOST_NEGATIVE = Duration.ofNanos(Long.MIN_VALUE);

    private Durations() {}

    /**
     * Returns {@code d} in nanoseconds, saturated: {@link Long#MAX_VALUE} (or {@code MIN_VALUE}) for a duration
     * longer than about 292 years, which a policy may hold but no clock reaches.
     */
    public static long nanos(Duration d) {
        if (d.compareTo(LONGEST) >= 0) {
            return Long.MAX_VALUE;
        }
        return d.compareTo(MOST_NEGATIVE) <= 0 ? Long.MIN_VALUE : d.toNanos();
    }

    /** Returns the point {@code d} (zero or more) after {@code nowNanos}, or {@link Long#MAX_VALUE} past the end. */
    public static long plus(long nowNanos, Duration d) {
        long nanos = nanos(d);
        return nanos > Long.MAX_VALUE - nowNanos ? Long.MAX_VALUE : nowNanos + nanos;
    }
}
