package dev.jobstatus.core.internal;

import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.function.Supplier;

/** The deadline of the API call a piece of work is done for, for work (such as a token lookup) that has no other. */
public final class Deadlines {
    /** The provider named by the exceptions of work done outside any call. */
    private static final String NO_CALL = "unknown";

    private Deadlines() {
    }

    /**
     * Returns the deadline of the call whose credentials this thread is looking up, on the client's
     * {@code TimeSource.nanoTime()}, or {@link Long#MAX_VALUE} when there is none.
     */
    public static long enclosingNanos() {
        return CallBudget.enclosingDeadlineNanos();
    }

    /**
     * Runs {@code action} with every call it makes bounded by {@code deadlineNanos} as well as by the enclosing call's
     * deadline, if any: a token renewal kept within its lease.
     *
     * @param length the time from now to {@code deadlineNanos}, for messages
     */
    public static <T> T within(long deadlineNanos, Duration length, Supplier<T> action) {
        CallBudget enclosing = CallBudget.enclosing();
        if (enclosing != null && enclosing.deadlineNanos() <= deadlineNanos) {
            return action.get();
        }
        CallBudget bound = enclosing != null
                ? new CallBudget(enclosing.retryPolicy(), deadlineNanos, length, enclosing.provider())
                : new CallBudget(RetryPolicy.defaults(), deadlineNanos, length, NO_CALL);
        return bound.bounding(action);
    }

    /**
     * Returns the exception of a credentials lookup that reached its call's deadline, naming the call's provider and
     * its whole deadline.
     *
     * @param why what the lookup was doing, such as "it was still waiting for another client's renewal of the token"
     */
    public static RequestTimeoutException timedOut(String why) {
        CallBudget enclosing = CallBudget.enclosing();
        if (enclosing == null) {
            return new RequestTimeoutException(NO_CALL, 0, "a credentials lookup ran out of time: " + why, null);
        }
        return new RequestTimeoutException(enclosing.provider(), 0, enclosing.provider() + " API call did not finish within its "
                + enclosing.lengthMillis() + " ms deadline: " + why, null);
    }

    /**
     * Returns the exception of a credentials lookup interrupted while waiting; the caller sets the thread's interrupt
     * flag again before throwing it.
     */
    public static InterruptedOperationException interrupted(InterruptedException cause) {
        CallBudget enclosing = CallBudget.enclosing();
        return new InterruptedOperationException(enclosing == null ? NO_CALL : enclosing.provider(), 0, cause);
    }
}
