package dev.jobstatus.core.internal;

/** The deadline of the API call a piece of work is done for, for work (such as a token lookup) that has no other. */
public final class Deadlines {
    private Deadlines() {
    }

    /**
     * Returns the deadline of the call whose credentials this thread is looking up, on the client's
     * {@code TimeSource.nanoTime()}, or {@link Long#MAX_VALUE} when there is none.
     */
    public static long enclosingNanos() {
        return CallBudget.enclosingDeadlineNanos();
    }
}
