package dev.jobstatus.core.internal.transport;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.internal.timing.Deadlines;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * How long one call may take and how it retries: the nearest of its deadlines (the retry policy's timeout, the
 * caller's per-call timeout or deadline, and the wait it polls for), as a point on the client's monotonic clock.
 * Every attempt, retry, backoff and rate-limit wait of the call fits before it.
 *
 * @param retryPolicy how the call retries
 * @param deadlineNanos when the call must have ended, on {@code TimeSource.nanoTime()}
 * @param length the whole budget, for messages
 * @param provider the provider called, for the messages of work done within the budget (such as a token lookup)
 * @param time the clock {@code deadlineNanos} is on: work done within the budget (a token lookup on another
 *     client's clock) reads the time left, never the raw deadline
 * @param closing counted down when the client of the call closes, or {@code null} for work outside any client
 */
public record CallBudget(RetryPolicy retryPolicy, long deadlineNanos, Duration length, String provider, TimeSource time,
                  @Nullable CountDownLatch closing) {
    /** No outer deadline. */
    static final long NONE = Long.MAX_VALUE;

    /**
     * The budget of the call whose credentials are being fetched on this thread ({@code null} outside a lookup): a
     * token request made on behalf of a call is bounded by that call's deadline. One holder per thread, written in
     * place: a {@code set} and {@code remove} per call would make and clear a weak reference each time.
     */
    private static final ThreadLocal<@Nullable CallBudget[]> ENCLOSING = ThreadLocal.withInitial(() -> new CallBudget[1]);

    /** Runs {@code action} (a credentials lookup) with this budget's deadline bounding any call it makes. */
    public <T> T bounding(java.util.function.Supplier<T> action) {
        @Nullable CallBudget[] enclosing = ENCLOSING.get();
        CallBudget previous = enclosing[0];
        enclosing[0] = this;
        try {
            return action.get();
        } finally {
            enclosing[0] = previous;
        }
    }

    /** Returns the budget of the call whose credentials this thread is looking up, or {@code null} outside a lookup. */
    public static @Nullable CallBudget enclosing() {
        return ENCLOSING.get()[0];
    }

    /**
     * Returns the time left to the call whose credentials this thread is looking up, on that call's own clock, or
     * {@code null} outside such a lookup.
     */
    public static @Nullable Duration enclosingRemaining() {
        CallBudget enclosing = enclosing();
        return enclosing == null || enclosing.deadlineNanos == NONE
                ? null : Duration.ofNanos(enclosing.remainingNanos(enclosing.time.nanoTime()));
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
        Duration enclosingLeft = enclosingRemaining();
        if (enclosingLeft != null) {
            deadline = Math.min(deadline, plus(now, enclosingLeft));
        }
        deadline = Math.min(deadline, outerDeadlineNanos);
        return new CallBudget(policy, deadline, Duration.ofNanos(Math.max(0, deadline - now)), settings.provider(),
                settings.time(), settings.closing());
    }

    /** Returns the whole budget in milliseconds, rounded: a deadline of one second counted from "now" is 1000 ms. */
    public long lengthMillis() {
        return Math.round(length.toNanos() / 1e6);
    }

    /** Returns the time left at {@code nowNanos}, never negative. */
    public long remainingNanos(long nowNanos) {
        return Math.max(0, deadlineNanos - nowNanos);
    }

    private static long plus(long now, Duration d) {
        return Deadlines.plus(now, d);
    }
}
