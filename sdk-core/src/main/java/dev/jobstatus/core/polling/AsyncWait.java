package dev.jobstatus.core.polling;

import dev.jobstatus.core.ApiResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One asynchronous wait: a chain of non-blocking polls with timers in between. Cancelling the result cancels
 * the poll in flight and the pending timer, so no further request is made.
 */
final class AsyncWait<J extends JobView> {
    private final JobWaiter<J> waiter;
    private final boolean expectSuccess;
    private final CompletableFuture<J> result = new CompletableFuture<>();
    private volatile CompletableFuture<?> inFlight;
    private volatile ScheduledFuture<?> timer;
    private long startNanos;
    private int polls;
    private volatile J lastJob;

    AsyncWait(JobWaiter<J> waiter, boolean expectSuccess) {
        this.waiter = waiter;
        this.expectSuccess = expectSuccess;
    }

    CompletableFuture<J> start() {
        result.whenComplete((job, error) -> {
            if (result.isCancelled()) {
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
        startNanos = waiter.time().nanoTime();
        pollOnce();
        return result;
    }

    private void pollOnce() {
        if (result.isDone()) {
            return;
        }
        CompletableFuture<ApiResponse<J>> poll;
        try {
            poll = waiter.source().pollAsync(waiter.deadline(startNanos));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        inFlight = poll;
        if (result.isDone()) {
            poll.cancel(true);
            return;
        }
        poll.whenComplete((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                result.completeExceptionally(cause instanceof RuntimeException r ? waiter.pollFailed(r, lastJob, polls, startNanos) : cause);
                return;
            }
            lastJob = response.value();
            try {
                Duration delay = waiter.afterPoll(response, ++polls, startNanos, expectSuccess);
                if (delay == null) {
                    result.complete(response.value());
                } else if (!result.isDone()) {
                    timer = waiter.scheduler().schedule(this::pollOnce, delay.toNanos(), TimeUnit.NANOSECONDS);
                }
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(new IllegalStateException("the " + waiter.provider() + " client is closed", e));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }
}
