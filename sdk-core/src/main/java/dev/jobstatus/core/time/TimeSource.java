package dev.jobstatus.core.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The SDK's view of time: the wall clock, a monotonic clock and sleeping.
 *
 * <p>Every wait the SDK makes (retry backoff, rate limiting, polling) goes through this seam, so tests can
 * substitute a fake that advances instantly. Implementations must be thread-safe.
 */
public interface TimeSource {
    /** {@return the current wall-clock time, used to read HTTP-date headers and token expiry} */
    Instant now();

    /** {@return a monotonic time in nanoseconds, used for deadlines and elapsed times} */
    long nanoTime();

    /**
     * Blocks the calling thread for {@code duration}.
     *
     * @param duration how long to wait; zero or negative returns at once
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** {@return the real clock of this JVM} */
    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}
