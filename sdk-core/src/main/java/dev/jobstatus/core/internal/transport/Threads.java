package dev.jobstatus.core.internal.transport;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the SDK's few threads: daemon, named {@code jobstatus-…}, and members of one thread group,
 * so they can be counted even while OkHttp renames a worker to {@code OkHttp <url>} for the call it runs.
 */
public final class Threads {
    private static final ThreadGroup GROUP = new ThreadGroup("jobstatus");
    private static final java.util.Set<Thread> OWN =
            java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    private Threads() {}

    /** Returns a factory of daemon threads named {@code prefix-1}, {@code prefix-2}… in the SDK's thread group. */
    public static ThreadFactory daemonFactory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(GROUP, runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            OWN.add(thread);
            return thread;
        };
    }

    /**
     * Returns a factory of daemon threads named {@code name} in the SDK's thread group for a JVM-wide helper that idles
     * out on its own; they are counted by {@link #liveThreadsWithLibraryHelpers()}, not by {@link #liveThreads()}.
     */
    static ThreadFactory helperFactory(String name) {
        return runnable -> {
            Thread thread = new Thread(GROUP, runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Returns how many threads the SDK's own factories started are alive now (HTTP workers and timers). */
    public static int liveThreads() {
        synchronized (OWN) {
            return (int) OWN.stream().filter(Thread::isAlive).count();
        }
    }

    /** Returns the threads the SDK's own factories started that are alive now, a snapshot the caller may change. */
    public static java.util.Set<Thread> live() {
        synchronized (OWN) {
            return OWN.stream()
                    .filter(Thread::isAlive)
                    .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        }
    }

    /**
     * Returns how many threads are alive in the SDK's thread group: its own, plus the JVM-wide helpers OkHttp and
     * Okio start from them (task runners, the connection closer, the timeout watchdog) and the SDK's interrupt
     * watch, which idle out on their own.
     */
    public static int liveThreadsWithLibraryHelpers() {
        Thread[] threads = new Thread[GROUP.activeCount() + 16];
        int n = GROUP.enumerate(threads);
        int alive = 0;
        for (int i = 0; i < n; i++) {
            if (threads[i].isAlive()) {
                alive++;
            }
        }
        return alive;
    }
}
