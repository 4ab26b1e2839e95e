package dev.jobstatus.core.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;

/**
 * Cancels a blocking call soon after its thread is interrupted. A thread blocked reading a plain socket does not see
 * an interrupt, so without this an interrupted call would hold its request open until the socket timed out.
 *
 * <p>One JVM-wide daemon thread looks at the threads of the calls in flight every {@value #POLL_MILLIS} ms, sleeps
 * once there have been none for a second, and ends after a minute without calls; the next call starts it again.
 * Watching a call costs its thread a map insert and a removal, where sockets that end at an interrupt (channel-backed
 * ones) cost system calls on every read.
 */
final class InterruptWatch {
    static final long POLL_MILLIS = 50;
    private static final int LINGER_POLLS = 20;
    private static final long IDLE_EXIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private static final Map<Call, Thread> CALLS = new ConcurrentHashMap<>();
    private static final AtomicBoolean RUNNING = new AtomicBoolean();
    private static volatile Thread sleeping;

    private InterruptWatch() {
    }

    /**
     * Watches {@code call}, about to be executed on this thread, until {@link #unwatch}. A thread already interrupted
     * has its call cancelled at once.
     */
    static void watch(Call call) {
        Thread thread = Thread.currentThread();
        if (thread.isInterrupted()) {
            call.cancel();
            return;
        }
        CALLS.put(call, thread);
        Thread idle = sleeping;
        if (idle != null) {
            LockSupport.unpark(idle);
        } else if (!RUNNING.get() && RUNNING.compareAndSet(false, true)) {
            Threads.helper("jobstatus-interrupt-watch", InterruptWatch::run).start();
        }
    }

    /** Ends the watch of {@code call}. */
    static void unwatch(Call call) {
        CALLS.remove(call);
    }

    /** Returns how many calls are watched now. */
    static int watched() {
        return CALLS.size();
    }

    private static void run() {
        int quiet = 0; // polls in a row that found no call
        while (true) {
            // Nothing interrupts this thread on purpose; a stray interrupt must not turn the parks below into a spin.
            Thread.interrupted();
            if (!CALLS.isEmpty()) {
                quiet = 0;
                CALLS.forEach((call, thread) -> {
                    if (thread.isInterrupted()) {
                        call.cancel();
                    }
                });
            } else if (++quiet >= LINGER_POLLS) {
                // Between calls in a busy loop this thread keeps polling, so callers need not wake it each time.
                quiet = 0;
                if (!sleepUntilWatched()) {
                    return;
                }
                continue;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        }
    }

    /** Sleeps until a call is watched; returns false when none came for a minute and this thread should end. */
    private static boolean sleepUntilWatched() {
        // A caller puts its call, then reads `sleeping`; this thread sets `sleeping`, then looks at the map: one of the
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
