package dev.jobstatus.core.retry;

import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Paces the requests of a client. Every request a client makes (gets, pages, polls, token fetches) first
 * reserves a permit here.
 *
 * <p>Implementations must be thread-safe. An application can supply its own, for example one backed by a
 * store shared by several processes; {@link #windows(TimeSource, Window...)} is the in-process default.
 */
public interface RateLimiter {

    /**
     * Reserves a permit if one can be had within {@code maxWait}.
     *
     * @param maxWait the longest the caller is willing to wait
     * @return how long the caller must wait before using the permit (zero for at once), or {@code null} when no
     *     permit is available within {@code maxWait}, in which case nothing was reserved
     */
    @Nullable
    Duration tryReserve(Duration maxWait);

    /**
     * {@return how long from now until a permit could be had, without reserving it, or {@code null} when this
     * limiter cannot tell} Used to tell a caller how long to wait when {@link #tryReserve(Duration)} refused.
     */
    default @Nullable Duration nextPermitIn() {
        return null;
    }

    /**
     * {@return whether other processes take permits from this limiter too} The SDK then gives a request that still
     * goes out late after its permit (its thread descheduled, a pause) a fresh permit first, because another
     * process's next request, sent on time, could otherwise reach the server right after it. In-process limiters
     * return {@code false}, the default.
     */
    default boolean shared() {
        return false;
    }

    /** {@return a limiter that never makes anyone wait} */
    static RateLimiter unlimited() {
        return maxWait -> Duration.ZERO;
    }

    /**
     * {@return an in-process limiter that enforces every window at once: in any span of a window's length, no more
     * than its number of permits are granted} Permits are granted in the order they are asked for.
     *
     * @param time the clock the windows are measured by
     * @param windows the limits, such as {@code Window.of(1, Duration.ofMillis(100))} and
     *     {@code Window.of(120, Duration.ofMinutes(1))}
     * @throws IllegalArgumentException if no window is given
     */
    static RateLimiter windows(TimeSource time, Window... windows) {
        return new SlidingWindowRateLimiter(time, windows);
    }

    /**
     * One limit: at most {@code permits} requests in any span of {@code period}.
     *
     * @param permits the number of requests allowed per period, at least 1
     * @param period the length of the window, positive
     */
    record Window(int permits, Duration period) {
        /**
         * Validates the window.
         *
         * @param permits the number of requests allowed per period, at least 1
         * @param period the length of the window, positive
         * @throws IllegalArgumentException if permits is below 1 or the period is not positive
         */
        public Window {
            if (permits < 1) {
                throw new IllegalArgumentException("permits must be at least 1");
            }
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive");
            }
        }

        /**
         * {@return a window of {@code permits} requests per {@code period}}
         *
         * @param permits the requests allowed
         * @param period in any span of this length
         */
        public static Window of(int permits, Duration period) {
            return new Window(permits, period);
        }
    }
}
