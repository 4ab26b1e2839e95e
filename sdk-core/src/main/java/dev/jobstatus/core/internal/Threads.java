package dev.jobstatus.core.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories for the SDK's few threads: daemon, and named {@code jobstatus-…} so they can be told apart. */
public final class Threads {
    private Threads() {
    }

    /** Returns a factory of daemon threads named {@code prefix-1}, {@code prefix-2}… */
    public static ThreadFactory daemonFactory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
