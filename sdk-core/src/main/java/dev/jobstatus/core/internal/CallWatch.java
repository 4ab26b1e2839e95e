package dev.jobstatus.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;

/**
 * Ends blocking calls from outside: cancels a call whose thread is interrupted (a thread blocked reading a plain
 * socket does not see an interrupt) and a call that outlives its whole-call timeout.
 *
 * <p>One JVM-wide daemon thread looks at the calls in flight every {@value #POLL_MILLIS} ms, and wakes at the nearest
 * timeout when that comes sooner; it sleeps once there have been no calls for a second, and ends after a minute
 * without calls; the next call starts it again. Watching a call costs its thread a set insert and a removal. Okio's
 * own whole-call timeout would cost it more: its watchdog is woken on every call, a system call each time.
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

    /** A call being watched; see {@link #watch}. */
    static final class Watched {
        private final Call call;
        private final Thread thread;
        private final long deadlineNanos;
        private final boolean timed;
        private volatile boolean timedOut;

        private Watched(Call call, Thread thread, long timeoutNanos) {
            this.call = call;
            this.thread = thread;
            // Compared as differences (System.nanoTime() may be negative or wrap), so a timeout beyond half the range,
            // some 146 years, counts as none rather than as a deadline that wrapped into the past.
            this.timed = timeoutNanos > 0 && timeoutNanos < UNBOUNDED_NANOS;
            this.deadlineNanos = System.nanoTime() + (timed ? timeoutNanos : 0);
        }

        /** Returns whether the call was cancelled because its timeout passed. */
        boolean timedOut() {
            return timedOut;
        }
    }

    /**
     * Watches {@code call}, about to be executed on this thread, until {@link #unwatch}: it is cancelled when the thread
     * is interrupted (at once if it already is) or, unless {@code timeoutNanos} is zero, when that much time has passed.
     */
    static Watched watch(Call call, long timeoutNanos) {
        Thread thread = Thread.currentThread();
        Watched watched = new Watched(call, thread, timeoutNanos);
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
            long at = wakeAt;
            // Sooner than the watcher means to look, or it is looking now and may have missed this call.
            Thread running = watcher;
            if ((at == SCANNING || watched.deadlineNanos - at < 0) && running != null) {
                LockSupport.unpark(running);
            }
        }
        return watched;
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
                    if (w.thread.isInterrupted()) {
                        w.call.cancel();
                    } else if (w.timed && !w.timedOut && w.deadlineNanos - now <= 0) {
                        w.timedOut = true;
                        w.call.cancel();
                    } else if (w.timed && !w.timedOut && w.deadlineNanos - next < 0) {
                        next = w.deadlineNanos;
                    }
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
