package dev.jobstatus.core.internal.transport;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.internal.timing.Deadline;
import dev.jobstatus.core.internal.timing.Durations;
import dev.jobstatus.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How long one call may take and how it retries: its {@link Deadline}, the nearest of the retry policy's timeout,
 * the caller's per-call timeout or deadline, the wait it polls for and the enclosing call's (for a token request).
 *
 * @param retryPolicy how the call retries
 * @param deadline when the call must have ended
 */
record CallBudget(RetryPolicy retryPolicy, Deadline deadline) {
    /** No outer deadline. */
    static final long NONE = Deadline.NONE;

    static CallBudget of(TransportSettings settings, RequestOptions options, long outerDeadlineNanos) {
        RetryPolicy policy = options.retryPolicy() != null ? options.retryPolicy() : settings.retryPolicy();
        long now = settings.time().nanoTime();
        long deadline = Durations.plus(now, policy.timeout());
        if (options.timeout() != null) {
            deadline = Math.min(deadline, Durations.plus(now, options.timeout()));
        }
        if (options.deadline() != null) {
            Duration left = Duration.between(settings.time().now(), options.deadline());
            deadline = Math.min(deadline, Durations.plus(now, left.isNegative() ? Duration.ZERO : left));
        }
        Duration enclosingLeft = Deadline.enclosingRemaining();
        if (enclosingLeft != null) {
            deadline = Math.min(deadline, Durations.plus(now, enclosingLeft));
        }
        deadline = Math.min(deadline, outerDeadlineNanos);
        return new CallBudget(
                policy,
                new Deadline(
                        deadline,
                        Duration.ofNanos(Math.max(0, deadline - now)),
                        settings.provider(),
                        settings.time(),
                        settings.closing()));
    }

    /** Returns when the call must have ended, on the client's {@code TimeSource.nanoTime()}. */
    long deadlineNanos() {
        return deadline.deadlineNanos();
    }

    /** Returns the whole budget in milliseconds, rounded. */
    long lengthMillis() {
        return deadline.lengthMillis();
    }

    /** Returns the time left at {@code nowNanos}, never negative. */
    long remainingNanos(long nowNanos) {
        return deadline.remainingNanos(nowNanos);
    }

    /** Runs {@code action} (a credentials lookup) with this budget's deadline bounding any call it makes. */
    <T> T bounding(Supplier<T> action) {
        return deadline.bounding(action);
    }
}
