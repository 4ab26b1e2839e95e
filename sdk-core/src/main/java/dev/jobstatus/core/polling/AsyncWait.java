package dev.jobstatus.core.polling;

import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.telemetry.ClientListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One asynchronous wait: a chain of non-blocking polls with timers in between. Cancelling the result, or closing the
 * client, cancels the poll in flight and the pending timer, so no further request is made.
 */
final class AsyncWait<J extends JobView> {
    private final JobWaiter<J> waiter;
    private final boolean expectSuccess;
    private final CompletableFuture<J> result = new CompletableFuture<>();
    private volatile @Nullable CompletableFuture<?> inFlight;
    private volatile @Nullable ScheduledFuture<?> timer;
    private long startNanos;
    private int polls;
    private volatile @Nullable J lastJob;
    private volatile ClientListener.Operation wait = ClientListener.Operation.NONE;
    /** Undoes {@link JobWaiter.PollSource#whenClosed}, once the wait ends. */
    private volatile @Nullable Runnable untrack;

    private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();

    AsyncWait(JobWaiter<J> waiter, boolean expectSuccess) {
        this.waiter = waiter;
        this.expectSuccess = expectSuccess;
    }

    CompletableFuture<J> start() {
        wait = waiter.source().waitStarted();
        result.whenComplete((job, error) -> {
            Runnable tracked = untrack;
            if (tracked != null) {
                tracked.run();
            }
            // Cancelled by the caller; any other ending told the listener before completing.
            end(error);
            if (error != null) {
                // Cancelled, or ended by the client's close(): no further poll.
                CompletableFuture<?> poll = inFlight;
                if (poll != null) {
                    poll.cancel(true);
                }
                ScheduledFuture<?> pending = timer;
                if (pending != null) {
                    pending.cancel(false);
                }
            }
        });
        untrack = waiter.source().whenClosed(this::fail);
        if (result.isDone()) {
            untrack.run();
        }
        startNanos = waiter.time().nanoTime();
        pollOnce();
        return result;
    }

    /** Tells the listener, then completes: a caller woken by the future finds the wait ended. */
    private void succeed(J job) {
        end(null);
        result.complete(job);
    }

    private void fail(Throwable error) {
        end(error);
        result.completeExceptionally(error);
    }

    private void end(@Nullable Throwable error) {
        if (ended.compareAndSet(false, true)) {
            wait.ended(error);
        }
    }

    private void pollOnce() {
        if (result.isDone()) {
            return;
        }
        CompletableFuture<ApiResponse<J>> poll;
        try {
            poll = waiter.source().pollAsync(waiter.deadline(startNanos), wait);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        inFlight = poll;
        if (result.isDone()) {
            poll.cancel(true);
            return;
        }
        poll.whenComplete((response, error) -> {
            if (error != null) {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof ClientClosedException) {
                    // The poll ended because the client closed: close() ends this wait too, with the message that
                    // names the job, whichever of the two it reaches first.
                    return;
                }
                fail(cause instanceof RuntimeException r ? waiter.pollFailed(r, lastJob, polls, startNanos) : cause);
                return;
            }
            lastJob = response.value();
            try {
                wait.polled(++polls, lastJob.state().name());
                Duration delay = waiter.afterPoll(response, polls, startNanos, expectSuccess);
                if (delay == null) {
                    succeed(response.value());
                } else if (!result.isDone()) {
                    ScheduledFuture<?> next =
                            waiter.scheduler().schedule(this::pollOnce, delay.toNanos(), TimeUnit.NANOSECONDS);
                    timer = next;
                    if (result.isDone()) {
                        // Ended (cancelled, closed) before the timer was set, where the clean-up could not see it.
                        next.cancel(false);
                    }
                }
            } catch (ClientClosedException e) {
                // Closed between this poll and the next: close() ends every wait it tracks, this one included, with
                // the message that names the job; failing here first would race it with a vaguer one.
            } catch (RejectedExecutionException e) {
                fail(new ClientClosedException(
                        waiter.provider(),
                        polls,
                        "the " + waiter.provider() + " client is closed, or the scheduler of its waits is shut down",
                        e));
            } catch (RuntimeException | Error e) {
                // Whatever happened, the caller's future ends.
                fail(e);
            }
        });
    }
}
