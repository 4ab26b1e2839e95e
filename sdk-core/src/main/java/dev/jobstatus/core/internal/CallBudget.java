package dev.jobstatus.core.internal;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.retry.RetryPolicy;
import java.time.Duration;

/**
 * How long one call may take and how it retries: the nearest of its deadlines (the retry policy's timeout, the
 * caller's per-call timeout or deadline, and the wait it polls for), as a point on the client's monotonic clock.
 * Every attempt, retry, backoff and rate-limit wait of the call fits before it.
 *
 * @param retryPolicy how the call retries
 * @param deadlineNanos when the call must have ended, on {@code TimeSource.nanoTime()}
 * @param length the whole budget, for messages
 */
record CallBudget(RetryPolicy retryPolicy, long deadlineNanos, Duration length) {
    /** No outer deadline. */
    static final long NONE = Long.MAX_VALUE;

    /**
     * The deadline of the call whose credentials are being fetched on this thread ({@link #NONE} outside a lookup): a
     * token request made on behalf of a call is bounded by that call's deadline. One holder per thread, written in
     * place: a {@code set} and {@code remove} per call would make and clear a weak reference each time.
     */
    private static final ThreadLocal<long[]> ENCLOSING = ThreadLocal.withInitial(() -> new long[] {NONE});

    /** Runs {@code action} (a credentials lookup) with this budget's deadline bounding any call it makes. */
    <T> T bounding(java.util.function.Supplier<T> action) {
        long[] enclosing = ENCLOSING.get();
        long previous = enclosing[0];
        enclosing[0] = deadlineNanos;
        try {
            return action.get();
        } finally {
            enclosing[0] = previous;
        }
    }

    /**
     * Returns the deadline of the call whose credentials this thread is looking up, on {@code TimeSource.nanoTime()},
     * or {@link #NONE} outside such a lookup.
     */
    static long enclosingDeadlineNanos() {
        return ENCLOSING.get()[0];
    }

    static CallBudget of(TransportSettings settings, RequestOptions options, long outerDeadlineNanos) {
        RetryPolicy policy = options.retryPolicy() != null ? options.retryPolicy() : settings.retryPolicy();
        long now = settings.time().nanoTime();
        long deadline = plus(now, policy.timeout());
        if (options.timeout() != null) {
            deadline = Math.min(deadline, plus(now, options.timeout()));
        }
        if (options.deadline() != null) {
            Duration left = Duration.between(settings.time().now(), options.deadline());
            deadline = Math.min(deadline, plus(now, left.isNegative() ? Duration.ZERO : left));
        }
        deadline = Math.min(deadline, Math.min(outerDeadlineNanos, enclosingDeadlineNanos()));
        return new CallBudget(policy, deadline, Duration.ofNanos(Math.max(0, deadline - now)));
    }

    /** Returns the whole budget in milliseconds, rounded: a deadline of one second counted from "now" is 1000 ms. */
    long lengthMillis() {
        return Math.round(length.toNanos() / 1e6);
    }

    /** Returns the time left at {@code nowNanos}, never negative. */
    long remainingNanos(long nowNanos) {
        return Math.max(0, deadlineNanos - nowNanos);
    }

    private static long plus(long now, Duration d) {
        return Deadlines.plus(now, d);
    }
}
