package dev.jobstatus.core.internal.pacing;

import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.time.TimeSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;

/**
 * The rate-limit permit of one blocking attempt, carried as a tag of its request and taken by {@link PacingInterceptor}
 * once the connection is open, right before the request is written: a slow connect (a TLS handshake, a cold JVM) then
 * cannot send the request late after its permit, into the next request's share of the quota, perhaps another
 * process's. An interceptor may block; the wait is on the calling thread.
 *
 * <p>When other processes share the limiter, a request that still could not go out within {@value #LATE_MILLIS} ms of
 * its permit (its thread descheduled on a busy machine, a pause) takes one fresh permit and waits for it: the missed
 * permit's successor, perhaps another process's request sent on time, would otherwise reach the server right after it.
 */
public final class BlockingPermit {
    static final long LATE_MILLIS = 10;
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(LATE_MILLIS);

    /** Sleeps on the client's clock until a permit is due; the transport's close() ends the sleep early. */
    public interface Pause {
        void sleep(Duration wait) throws InterruptedException;
    }

    private final Supplier<Duration> reserve;
    private final Pause pause;
    private final TimeSource time;
    private final boolean shared;
    private boolean taken;

    /**
     * Creates the permit of one attempt.
     *
     * @param reserve reserves the permit, returning the wait before it is due; throws {@link RequestTimeoutException}
     *     when there is none before the call's deadline
     * @param pause sleeps until the permit is due
     * @param time the clock of {@code reserve}'s waits
     * @param shared whether other processes take permits from the same limiter
     */
    BlockingPermit(Supplier<Duration> reserve, Pause pause, TimeSource time, boolean shared) {
        this.reserve = reserve;
        this.pause = pause;
        this.time = time;
        this.shared = shared;
    }

    /** Takes the permit and waits for it, once per attempt: a redirect's hop goes out under the attempt's permit. */
    public void take(Call call) throws IOException {
        if (taken) {
            return;
        }
        taken = true;
        long due = reserveAndWait();
        if (shared && time.nanoTime() - due > LATE_NANOS) {
            reserveAndWait();
        }
        if (call.isCanceled()) {
            // Closed or interrupted while waiting: nothing was sent.
            throw new IOException("Canceled");
        }
    }

    /** Reserves a permit and waits for it; returns when it was due, on {@link #time}. */
    private long reserveAndWait() throws IOException {
        Duration wait;
        try {
            wait = reserve.get();
        } catch (RequestTimeoutException refused) {
            throw new Refused(refused);
        }
        // A wait counts from when the reservation returned (a shared limiter's counts its round trips in).
        long now = time.nanoTime();
        if (!wait.isZero()) {
            try {
                pause.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException("interrupted");
                interrupted.initCause(e);
                throw interrupted;
            }
        }
        return now + wait.toNanos();
    }

    /** No permit before the call's deadline: the attempt ends unsent, and the call with {@link #failure()}. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(RequestTimeoutException failure) {
            super(failure.getMessage(), failure);
        }

        public RequestTimeoutException failure() {
            return (RequestTimeoutException) getCause();
        }
    }
}
