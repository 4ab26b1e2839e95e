package dev.jobstatus.core;

import java.time.Duration;
import java.util.Arrays;

/**
 * Enforces several sliding windows exactly: each window remembers the times of its last {@code permits}
 * grants in a ring, and a new grant may not come before the oldest of them plus the window's period. Memory is
 * bounded by the sum of the windows' permits, whatever the traffic.
 */
final class SlidingWindowRateLimiter implements RateLimiter {
    private final TimeSource time;
    private final RateLimiter.Window[] windows;
    private final long[][] grants;
    private final int[] next;
    private long lastGrant = Long.MIN_VALUE;

    SlidingWindowRateLimiter(TimeSource time, RateLimiter.Window... windows) {
        if (windows.length == 0) {
            throw new IllegalArgumentException("at least one window is required");
        }
        this.time = time;
        this.windows = windows.clone();
        this.grants = new long[windows.length][];
        this.next = new int[windows.length];
        for (int i = 0; i < windows.length; i++) {
            grants[i] = new long[windows[i].permits()];
            Arrays.fill(grants[i], Long.MIN_VALUE);
        }
    }

    @Override
    public synchronized Duration tryReserve(Duration maxWait) {
        long now = time.nanoTime();
        long at = Math.max(now, lastGrant);
        for (int i = 0; i < windows.length; i++) {
            long oldest = grants[i][next[i]];
            if (oldest != Long.MIN_VALUE) {
                at = Math.max(at, oldest + windows[i].period().toNanos());
            }
        }
        long wait = at - now;
        if (wait > maxWait.toNanos()) {
            return null;
        }
        for (int i = 0; i < windows.length; i++) {
            grants[i][next[i]] = at;
            next[i] = (next[i] + 1) % grants[i].length;
        }
        lastGrant = at;
        return Duration.ofNanos(wait);
    }

    @Override
    public String toString() {
        return "RateLimiter" + Arrays.toString(windows);
    }
}
