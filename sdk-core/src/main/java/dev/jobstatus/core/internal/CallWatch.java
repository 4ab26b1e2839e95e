package dev.jobstatus.core.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Ends blocking calls from outside: cancels a call whose thread is interrupted (a thread blocked reading a plain
 * socket does not see an interrupt), a call that outlives its whole-call timeout, and one whose request is not
 * written within the write timeout or whose response stops coming for the read timeout.
 *
 * <p>One JVM-wide daemon thread looks at the calls in flight every {@value #POLL_MILLIS} ms, and wakes at the nearest
 * timeout when that comes sooner; it sleeps once there have been no calls for a second, and ends after a minute
 * without calls; the next call starts it again. Watching a call costs its thread a set insert and a removal, and a
 * clock read at each step of the exchange. Okio's own timeouts would cost it more: each socket read or write, and the
 * call itself, wakes Okio's watchdog thread, a system call each time.
 */
final class CallWatch {
    static final long POLL_MILLIS = 50;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
    private static final int LINGER_POLLS = 20;
    private static final long IDLE_EXIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** {@link #wakeAt} while the watcher looks at the calls: a caller with a timeout wakes it to be sure. */
    private static final long SCANNING = Long.MIN_VALUE;
    private static final long UNBOUNDED_NANOS = Long.MAX_VALUE / 2;

    private static final Set<Watched> CALLS = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean RUNNING = new AtomicBoolean();
    private static volatile Thread sleeping;
    private static volatile Thread watcher;
    /** When the watcher next looks at the calls, on {@link System#nanoTime()}; {@link #SCANNING} while it does. */
    private static volatile long wakeAt = SCANNING;

    private CallWatch() {
    }

    /** The read and write timeouts of a call, in nanoseconds; zero for none. */
    record StepTimeouts(long readNanos, long writeNanos) { }

    /**
     * A call being watched; see {@link #watch}. As the call's event listener it follows the exchange: writing the
     * request is bounded by the write timeout, and from the request's end every wait for the response's next bytes by
     * the read timeout (a TLS handshake's too).
     */
    static final class Watched extends EventListener {
        /** {@link #stepDeadlineNanos} when no step of the exchange is timed. */
        private static final long UNTIMED = Long.MIN_VALUE;

        private final Call call;
        private final Thread thread;
        private final long deadlineNanos;
        private final boolean timed;
        private final StepTimeouts steps;
        /** Whether the timed step is a read (else a write); set before {@link #stepDeadlineNanos}. */
        private boolean stepIsRead;
        private volatile long stepDeadlineNanos = UNTIMED;
        private volatile @Nullable String timedOut;

        private Watched(Call call, Thread thread, long timeoutNanos, StepTimeouts steps) {
            this.call = call;
            this.thread = thread;
            this.timed = bounded(timeoutNanos);
            this.deadlineNanos = System.nanoTime() + (timed ? timeoutNanos : 0);
            this.steps = steps;
        }

        /** Returns whether the call was cancelled because a timeout passed. */
        boolean timedOut() {
            return timedOut != null;
        }

        /** The exception that ends a call cancelled by its timeout, {@code cancelled} the one its I/O threw. */
        IOException timeoutException(IOException cancelled) {
            String which = timedOut;
            // The whole-call timeout keeps the exception OkHttp throws for its own.
            InterruptedIOException timeout = CALL_TIMEOUT.equals(which) ? new InterruptedIOException("timeout")
                    : new SocketTimeoutException(which);
            timeout.initCause(cancelled);
            return timeout;
        }

        /** Says that the response's body is still coming: the read timeout starts again. */
        void bodyProgressed() {
            if (stepIsRead && stepDeadlineNanos != UNTIMED) {
                read();
            }
        }

        private void read() {
            arm(true, steps.readNanos);
        }

        private void write() {
            arm(false, steps.writeNanos);
        }

        private void arm(boolean read, long timeoutNanos) {
            if (!bounded(timeoutNanos)) {
                stepDeadlineNanos = UNTIMED;
                return;
            }
            long deadline = System.nanoTime() + timeoutNanos;
            stepIsRead = read;
            stepDeadlineNanos = deadline == UNTIMED ? deadline + 1 : deadline;
            wakeBy(deadline);
        }

        private void untimed() {
            stepDeadlineNanos = UNTIMED;
        }

        @Override
        public void secureConnectStart(Call call) {
            read();
        }

        @Override
        public void secureConnectEnd(Call call, @Nullable Handshake handshake) {
            untimed();
        }

        @Override
        public void connectFailed(Call call, java.net.InetSocketAddress address, java.net.Proxy proxy,
                                  okhttp3.@Nullable Protocol protocol, IOException ioe) {
            untimed();
        }

        @Override
        public void requestHeadersStart(Call call) {
            write();
        }

        @Override
        public void requestHeadersEnd(Call call, Request request) {
            if (request.body() == null) {
                // OkHttp signals nothing between the request's end and the response's headers, read in full: the
                // wait for them, the request's final flush included, is a read.
                read();
            }
        }

        @Override
        public void requestBodyStart(Call call) {
            write();
        }

        @Override
        public void requestBodyEnd(Call call, long byteCount) {
            read();
        }

        @Override
        public void requestFailed(Call call, IOException ioe) {
            untimed();
        }

        @Override
        public void responseHeadersEnd(Call call, Response response) {
            read();
        }

        @Override
        public void responseBodyStart(Call call) {
            read();
        }

        @Override
        public void responseBodyEnd(Call call, long byteCount) {
            untimed();
        }

        @Override
        public void responseFailed(Call call, IOException ioe) {
            untimed();
        }
    }

    private static final String CALL_TIMEOUT = "call timeout";

    /**
     * Whether {@code timeoutNanos} bounds anything. Deadlines are compared as differences (System.nanoTime() may be
     * negative or wrap), so a timeout beyond half the range, some 146 years, counts as none rather than as a deadline
     * that wrapped into the past.
     */
    private static boolean bounded(long timeoutNanos) {
        return timeoutNanos > 0 && timeoutNanos < UNBOUNDED_NANOS;
    }

    /**
     * Watches {@code call}, about to be executed on this thread, until {@link #unwatch}: it is cancelled when the thread
     * is interrupted (at once if it already is), unless {@code timeoutNanos} is zero when that much time has passed, and
     * when a step of its exchange outlasts its timeout in {@code steps}. The call must be given the returned value as
     * its event listener.
     */
    static Watched watch(Call call, long timeoutNanos, StepTimeouts steps) {
        Thread thread = Thread.currentThread();
        Watched watched = new Watched(call, thread, timeoutNanos, steps);
        if (thread.isInterrupted()) {
            call.cancel();
            return watched;
        }
        CALLS.add(watched);
        Thread idle = sleeping;
        if (idle != null) {
            LockSupport.unpark(idle);
        } else if (!RUNNING.get() && RUNNING.compareAndSet(false, true)) {
            Thread started = Threads.helper("jobstatus-call-watch", CallWatch::run);
            watcher = started;
            started.start();
        } else if (watched.timed) {
            wakeBy(watched.deadlineNanos);
        }
        return watched;
    }

    /** Wakes the watcher if {@code deadline} is sooner than it means to look, or it is looking now and may miss it. */
    private static void wakeBy(long deadline) {
        long at = wakeAt;
        Thread running = watcher;
        if ((at == SCANNING || deadline - at < 0) && running != null) {
            LockSupport.unpark(running);
        }
    }

    /** Ends the watch of a call. */
    static void unwatch(Watched watched) {
        CALLS.remove(watched);
    }

    /** Returns how many calls are watched now. */
    static int watched() {
        return CALLS.size();
    }

    private static void run() {
        watcher = Thread.currentThread();
        int quiet = 0; // polls in a row that found no call
        while (true) {
            // Nothing interrupts this thread on purpose; a stray interrupt must not turn the parks below into a spin.
            Thread.interrupted();
            wakeAt = SCANNING;
            long now = System.nanoTime();
            long next = now + POLL_NANOS;
            if (!CALLS.isEmpty()) {
                quiet = 0;
                for (Watched w : CALLS) {
                    next = look(w, now, next);
                }
            } else if (++quiet >= LINGER_POLLS) {
                // Between calls in a busy loop this thread keeps polling, so callers need not wake it each time.
                quiet = 0;
                if (!sleepUntilWatched()) {
                    return;
                }
                continue;
            }
            wakeAt = next;
            LockSupport.parkNanos(next - now);
        }
    }

    /** Cancels {@code w} if its thread is interrupted or a timeout passed; returns when to look next, at most {@code next}. */
    private static long look(Watched w, long now, long next) {
        if (w.thread.isInterrupted()) {
            w.call.cancel();
            return next;
        }
        if (w.timedOut != null) {
            return next;
        }
        boolean callPast = w.timed && w.deadlineNanos - now <= 0;
        long step = w.stepDeadlineNanos;
        boolean stepTimed = step != Watched.UNTIMED;
        if (callPast || stepTimed && step - now <= 0) {
            w.timedOut = callPast ? CALL_TIMEOUT
                    : w.stepIsRead ? "no response bytes within the read timeout of " + TimeUnit.NANOSECONDS.toMillis(w.steps.readNanos) + " ms"
                    : "request not written within the write timeout of " + TimeUnit.NANOSECONDS.toMillis(w.steps.writeNanos) + " ms";
            w.call.cancel();
            return next;
        }
        if (w.timed && w.deadlineNanos - next < 0) {
            next = w.deadlineNanos;
        }
        return stepTimed && step - next < 0 ? step : next;
    }

    /** Sleeps until a call is watched; returns false when none came for a minute and this thread should end. */
    private static boolean sleepUntilWatched() {
        // A caller puts its call, then reads `sleeping`; this thread sets `sleeping`, then looks at the set: one of the
        // two sees the other's write.
        sleeping = Thread.currentThread();
        long start = System.nanoTime();
        if (CALLS.isEmpty()) {
            LockSupport.parkNanos(IDLE_EXIT_NANOS);
        }
        sleeping = null;
        if (!CALLS.isEmpty() || System.nanoTime() - start < IDLE_EXIT_NANOS) {
            return true;
        }
        // The same handshake on RUNNING: a caller that saw it false starts a new watcher, or this one stays.
        RUNNING.set(false);
        return !CALLS.isEmpty() && RUNNING.compareAndSet(false, true);
    }
}
