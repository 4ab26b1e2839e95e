package dev.jobstatus.core.retry;

import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Enforces several sliding windows exactly: each window remembers the times of its grants within its period, at
 * most {@code permits} of them, and a new grant may not come before the oldest of a full window plus its period.
 * Memory follows the traffic, not the quota: a day window of 200,000 permits holds only the grants of the last
 * day, in a ring that grows as needed.
 */
final class SlidingWindowRateLimiter implements RateLimiter {
    private final TimeSource time;
    private final RateLimiter.Window[] windows;
    private final long[] periods;
    private final GrantRing[] grants;
    private long lastGrant = Long.MIN_VALUE;

    SlidingWindowRateLimiter(TimeSource time, RateLimiter.Window... windows) {
        if (windows.length == 0) {
            throw new IllegalArgumentException("at least one window is required");
        }
        this.time = time;
        this.windows = windows.clone();
        this.periods = new long[windows.length];
        this.grants = new GrantRing[windows.length];
        for (int i = 0; i < windows.length; i++) {
            periods[i] = windows[i].period().toNanos();
            grants[i] = new GrantRing(windows[i].permits());
        }
    }

    @Override
    public synchronized @Nullable Duration tryReserve(Duration maxWait) {
        long now = time.nanoTime();
        long at = nextGrant(now);
        long wait = at - now;
        if (wait > maxWait.toNanos()) {
            return null;
        }
        for (GrantRing ring : grants) {
            ring.add(at);
        }
        lastGrant = at;
        return Duration.ofNanos(wait);
    }

    @Override
    public synchronized Duration nextPermitIn() {
        long now = time.nanoTime();
        return Duration.ofNanos(nextGrant(now) - now);
    }

    /** Returns the earliest time a grant could be made, forgetting grants that no longer hold anything back. */
    private long nextGrant(long now) {
        long at = Math.max(now, lastGrant);
        for (int i = 0; i < windows.length; i++) {
            GrantRing ring = grants[i];
            ring.forgetBefore(now - periods[i]);
            if (ring.full()) {
                at = Math.max(at, ring.oldest() + periods[i]);
            }
        }
        return at;
    }

    @Override
    public String toString() {
        return "RateLimiter" + Arrays.toString(windows);
    }

    /** The times of a window's recent grants, oldest first, at most {@code permits} of them. */
    private static final class GrantRing {
        private final int permits;
        private long[] times;
        private int head;
        private int size;

        GrantRing(int permits) {
            this.permits = permits;
            this.times = new long[Math.min(permits, 16)];
        }

        boolean full() {
            return size == permits;
        }

        long oldest() {
            return times[head];
        }

        /** Drops grants at or before {@code cutoff}: they no longer hold back any grant from now on. */
        void forgetBefore(long cutoff) {
            while (size > 0 && times[head] - cutoff <= 0) {
                head = (head + 1) % times.length;
                size--;
            }
        }

        void add(long time) {
            if (size == permits) {
                head = (head + 1) % times.length;
                size--;
            } else if (size == times.length) {
                grow();
            }
            times[(head + size) % times.length] = time;
            size++;
        }

        private void grow() {
            long[] larger = new long[(int) Math.min(permits, 2L * times.length)];
            for (int i = 0; i < size; i++) {
                larger[i] = times[(head + i) % times.length];
            }
            times = larger;
            head = 0;
        }
    }
}
