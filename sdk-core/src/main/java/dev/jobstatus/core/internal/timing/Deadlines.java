package dev.jobstatus.core.internal.timing;

import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The deadline of the API call a piece of work is done for, for work (such as a token lookup) that has no other. */
public final class Deadlines {
    /** The provider named by the exceptions of work done outside any call. */
    private static final String NO_CALL = "unknown";
    /** How often a lock waiter looks whether its client closed. */
    private static final long CLOSE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private Deadlines() {}

    /**
     * Returns the time left to the call whose credentials this thread is looking up, or {@code null} when there is
     * no such call or it has no deadline. A duration, not a point in time: the lookup may run on another clock than
     * the call's.
     */
    public static @Nullable Duration enclosingRemaining() {
        return Deadline.enclosingRemaining();
    }

    /**
     * Runs {@code action} with every call it makes bounded by {@code length} from now as well as by the enclosing
     * call's deadline, if any: a token renewal kept within its lease.
     *
     * @param clock the clock {@code length} runs on when there is no enclosing call (else the call's own)
     */
    public static <T> T within(TimeSource clock, Duration length, Supplier<T> action) {
        Deadline enclosing = Deadline.enclosing();
        TimeSource time = enclosing != null ? enclosing.time() : clock;
        long deadlineNanos = Durations.plus(time.nanoTime(), length);
        if (enclosing != null && enclosing.deadlineNanos() <= deadlineNanos) {
            return action.get();
        }
        Deadline bound = enclosing != null
                ? new Deadline(deadlineNanos, length, enclosing.provider(), time, enclosing.closing())
                : new Deadline(deadlineNanos, length, NO_CALL, time, null);
        return bound.bounding(action);
    }

    /**
     * Pauses a credentials lookup for {@code nap} on {@code time}, waking early when the client of the call it is done
     * for closes (on the system clock; another clock's sleep is checked after).
     *
     * @throws ClientClosedException if that client is closed
     * @throws InterruptedException if the thread is interrupted
     */
    public static void pause(TimeSource time, Duration nap) throws InterruptedException {
        Deadline enclosing = Deadline.enclosing();
        CountDownLatch closing = enclosing == null ? null : enclosing.closing();
        if (closing != null && time == TimeSource.system()) {
            closing.await(Durations.nanos(nap), TimeUnit.NANOSECONDS);
        } else {
            time.sleep(nap);
        }
        requireOpen();
    }

    /**
     * Takes {@code lock}, waiting no longer than {@code left} ({@code null}: no limit) and no longer than the client
     * of the enclosing call stays open.
     *
     * @return whether the lock was taken
     * @throws ClientClosedException if that client closes first
     * @throws InterruptedException if the thread is interrupted
     */
    public static boolean lock(Lock lock, @Nullable Duration left) throws InterruptedException {
        long until = left == null ? Long.MAX_VALUE : Durations.plus(System.nanoTime(), left);
        while (true) {
            long slice = Math.min(until - System.nanoTime(), CLOSE_CHECK_NANOS);
            if (slice <= 0) {
                return false;
            }
            if (lock.tryLock(slice, TimeUnit.NANOSECONDS)) {
                return true;
            }
            requireOpen();
        }
    }

    /** Throws {@link ClientClosedException} if the client of the call this thread works for is closed. */
    private static void requireOpen() {
        Deadline enclosing = Deadline.enclosing();
        CountDownLatch closing = enclosing == null ? null : enclosing.closing();
        if (closing != null && closing.getCount() == 0) {
            throw new ClientClosedException(
                    enclosing.provider(), 0, "the " + enclosing.provider() + " client is closed", null);
        }
    }

    /**
     * Returns the exception of a credentials lookup that reached its call's deadline, naming the call's provider and
     * its whole deadline.
     *
     * @param why what the lookup was doing, such as "it was still waiting for another client's renewal of the token"
     */
    public static RequestTimeoutException timedOut(String why) {
        Deadline enclosing = Deadline.enclosing();
        if (enclosing == null) {
            return new RequestTimeoutException(NO_CALL, 0, "a credentials lookup ran out of time: " + why, null);
        }
        return new RequestTimeoutException(
                enclosing.provider(),
                0,
                enclosing.provider() + " API call did not finish within its " + enclosing.lengthMillis()
                        + " ms deadline: " + why,
                null);
    }

    /**
     * Returns the exception of a credentials lookup interrupted while waiting; the caller sets the thread's interrupt
     * flag again before throwing it.
     */
    public static InterruptedOperationException interrupted(InterruptedException cause) {
        Deadline enclosing = Deadline.enclosing();
        return new InterruptedOperationException(enclosing == null ? NO_CALL : enclosing.provider(), 0, cause);
    }
}
