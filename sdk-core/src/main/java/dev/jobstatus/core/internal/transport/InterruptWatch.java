package dev.jobstatus.core.internal.transport;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * Cancels a blocking call when the thread executing it is interrupted, the one thing OkHttp's timeouts do not do: a
 * thread blocked reading a plain socket does not see its interrupt. While the call runs, a check on one JVM-wide
 * daemon thread looks at the calling thread every {@value #CHECK_MILLIS} ms; the thread ends after a minute without
 * calls.
 */
final class InterruptWatch implements AutoCloseable {
    static final long CHECK_MILLIS = 50;
    private static final ScheduledThreadPoolExecutor CHECKS = checks();

    private final @Nullable ScheduledFuture<?> check;

    private InterruptWatch(@Nullable ScheduledFuture<?> check) {
        this.check = check;
    }

    private static ScheduledThreadPoolExecutor checks() {
        ScheduledThreadPoolExecutor executor =
                new ScheduledThreadPoolExecutor(1, Threads.helperFactory("jobstatus-interrupt-watch"));
        executor.setRemoveOnCancelPolicy(true);
        executor.setKeepAliveTime(1, TimeUnit.MINUTES);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** Watches {@code call}, about to be executed on this thread, until {@link #close()}; cancels it now if interrupted. */
    static InterruptWatch start(Call call) {
        Thread thread = Thread.currentThread();
        if (thread.isInterrupted()) {
            call.cancel();
            return new InterruptWatch(null);
        }
        return new InterruptWatch(CHECKS.scheduleWithFixedDelay(
                () -> {
                    if (thread.isInterrupted()) {
                        call.cancel();
                    }
                },
                CHECK_MILLIS,
                CHECK_MILLIS,
                TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() {
        if (check != null) {
            check.cancel(false);
        }
    }
}
