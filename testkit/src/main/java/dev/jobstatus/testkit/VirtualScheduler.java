package dev.jobstatus.testkit;

import java.time.Duration;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import okhttp3.Dispatcher;

/**
 * A scheduler whose timers run on a manual clock (such as the SDK's {@code ManualTimeSource}), for tests of asynchronous clients that must not
 * wait in real time: give it to a client ({@code .scheduler(...)}, with the same {@code .timeSource(...)}) and drive it
 * with {@link #runUntil}, which runs what is due and, once nothing is due and no HTTP call is in flight, moves the clock
 * to the next timer. Minutes of a client's polling and pacing pass in the milliseconds its requests take.
 *
 * <pre>{@code
 * ManualTimeSource time = new ManualTimeSource();
 * VirtualScheduler scheduler = new VirtualScheduler(time::nanoTime, time::advance);
 * OkHttpClient http = new OkHttpClient();
 * WixClient wix = WixClient.builder()...timeSource(time).scheduler(scheduler).httpClient(http).build();
 * scheduler.runUntil(() -> future.isDone(), http.dispatcher(), Duration.ofSeconds(60));
 * }</pre>
 */
public final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final LongSupplier nanoTime;
    private final Consumer<Duration> advance;
    private final PriorityQueue<Timer<?>> timers = new PriorityQueue<>();
    private long sequence;
    private boolean shutdown;

    /**
     * Creates a scheduler on a manual clock.
     *
     * @param nanoTime reads the clock, in nanoseconds
     * @param advance moves the clock forward, as {@link #runUntil} does when nothing is due
     */
    public VirtualScheduler(LongSupplier nanoTime, Consumer<Duration> advance) {
        this.nanoTime = nanoTime;
        this.advance = advance;
    }

    /**
     * Runs timers as they fall due, moving the clock forward whenever nothing is due and {@code http} has no call in
     * flight, until {@code done} holds.
     *
     * @param done when to stop
     * @param http the dispatcher of the client's OkHttp client, to tell when answers are still to come
     * @param realLimit the most real time to spend: a safety net against a hang
     * @throws IllegalStateException if nothing is left to run and {@code done} does not hold, or {@code realLimit} passes
     */
    public void runUntil(BooleanSupplier done, Dispatcher http, Duration realLimit) {
        long giveUpAt = System.nanoTime() + realLimit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > giveUpAt) {
                throw new IllegalStateException("not done within " + realLimit + " of real time");
            }
            Timer<?> next;
            synchronized (this) {
                next = timers.peek();
                if (next != null && next.at <= nanoTime.getAsLong()) {
                    timers.poll();
                } else if (http.runningCallsCount() + http.queuedCallsCount() > 0 || next == null) {
                    // An answer is on its way (or, with nothing scheduled, may still come): it may set a timer.
                    waitQuietly();
                    continue;
                } else {
                    advance.accept(Duration.ofNanos(next.at - nanoTime.getAsLong()));
                    continue;
                }
            }
            next.run();
        }
    }

    private void waitQuietly() {
        try {
            wait(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private synchronized <V> Timer<V> add(Callable<V> task, long delayNanos) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("the scheduler is shut down");
        }
        Timer<V> timer = new Timer<>(task, nanoTime.getAsLong() + Math.max(0, delayNanos), sequence++);
        timers.add(timer);
        notifyAll();
        return timer;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(
                () -> {
                    command.run();
                    return null;
                },
                unit.toNanos(delay));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(callable, unit.toNanos(delay));
    }

    /** Not supported: the SDK sets one-shot timers only. */
    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("one-shot timers only");
    }

    /** Not supported: the SDK sets one-shot timers only. */
    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("one-shot timers only");
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = List.copyOf(timers);
        timers.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    /** One timer: a task due at {@code at} on the clock's nanoTime, run by {@link #runUntil}. */
    private final class Timer<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private final long at;
        private final long order;

        Timer(Callable<V> task, long at, long order) {
            super(task);
            this.at = at;
            this.order = order;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - nanoTime.getAsLong(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            if (other instanceof VirtualScheduler.Timer<?> timer) {
                int byTime = Long.compare(at, timer.at);
                return byTime != 0 ? byTime : Long.compare(order, timer.order);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (VirtualScheduler.this) {
                timers.remove(this);
            }
            return super.cancel(mayInterruptIfRunning);
        }
    }
}
