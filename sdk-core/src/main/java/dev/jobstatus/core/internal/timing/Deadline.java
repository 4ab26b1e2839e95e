package dev.jobstatus.core.internal.timing;

import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * When one API call must have ended: the nearest of its deadlines, as a point on the client's monotonic clock, with
 * what work done on the call's behalf (a token lookup) needs to know of it. Every attempt, retry, backoff and
 * rate-limit wait of the call fits before it.
 *
 * @param deadlineNanos when the call must have ended, on {@code TimeSource.nanoTime()}; {@link #NONE} for never
 * @param length the whole budget, for messages
 * @param provider the provider called, for the messages of work done within the budget (such as a token lookup)
 * @param time the clock {@code deadlineNanos} is on: work done within the budget (a token lookup on another
 *     client's clock) reads the time left, never the raw deadline
 * @param closing counted down when the client of the call closes, or {@code null} for work outside any client
 */
public record Deadline(
        long deadlineNanos,
        Duration length,
        String provider,
        TimeSource time,
        @Nullable CountDownLatch closing) {
    /** No outer deadline. */
    public static final long NONE = Long.MAX_VALUE;

    /**
     * The deadline of the call whose credentials are being fetched on this thread ({@code null} outside a lookup): a
     * token request made on behalf of a call is bounded by that call's deadline. One holder per thread, written in
     * place: a {@code set} and {@code remove} per call would make and clear a weak reference each time.
     */
    private static final ThreadLocal<@Nullable Deadline[]> ENCLOSING = ThreadLocal.withInitial(() -> new Deadline[1]);

    /** Runs {@code action} (a credentials lookup) with this deadline bounding any call it makes. */
    public <T> T bounding(Supplier<T> action) {
        @Nullable Deadline[] enclosing = ENCLOSING.get();
        Deadline previous = enclosing[0];
        enclosing[0] = this;
        try {
            return action.get();
        } finally {
            enclosing[0] = previous;
        }
    }

    /** Returns the deadline of the call whose credentials this thread is looking up, or {@code null} outside a lookup. */
    static @Nullable Deadline enclosing() {
        return ENCLOSING.get()[0];
    }

    /**
     * Returns the time left to the call whose credentials this thread is looking up, on that call's own clock, or
     * {@code null} outside such a lookup or when that call has no deadline.
     */
    public static @Nullable Duration enclosingRemaining() {
        Deadline enclosing = enclosing();
        return enclosing == null || enclosing.deadlineNanos == NONE
                ? null
                : Duration.ofNanos(enclosing.remainingNanos(enclosing.time.nanoTime()));
    }

    /** Returns the whole budget in milliseconds, rounded: a deadline of one second counted from "now" is 1000 ms. */
    public long lengthMillis() {
        return Math.round(length.toNanos() / 1e6);
    }

    /** Returns the time left at {@code nowNanos}, never negative. */
    public long remainingNanos(long nowNanos) {
        return Math.max(0, deadlineNanos - nowNanos);
    }
}
