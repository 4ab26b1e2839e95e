package dev.jobstatus.core.internal;

import dev.jobstatus.core.ApiResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Drives a {@link RetryingCall} without blocking: each attempt is an OkHttp async call, each wait a timer on the
 * transport's scheduler. Cancelling the future cancels the call in flight and the pending timer.
 */
final class AsyncCall<T> implements Callback {
    private final HttpTransport transport;
    private final RetryingCall<T> exchange;
    private final CompletableFuture<ApiResponse<T>> future = new CompletableFuture<>();
    private volatile Call call;
    private volatile ScheduledFuture<?> timer;

    AsyncCall(HttpTransport transport, RetryingCall<T> exchange) {
        this.transport = transport;
        this.exchange = exchange;
    }

    CompletableFuture<ApiResponse<T>> start() {
        future.whenComplete((value, error) -> {
            // Cancelled by the caller; any other ending told the listener before completing.
            exchange.ended(error);
            if (future.isCancelled()) {
                Call inFlight = call;
                if (inFlight != null) {
                    inFlight.cancel();
                }
                ScheduledFuture<?> pending = timer;
                if (pending != null) {
                    pending.cancel(false);
                }
            }
        });
        attempt();
        return future;
    }

    private void attempt() {
        if (future.isDone()) {
            return;
        }
        try {
            // Credentials first (a token fetch takes its own permit), then this attempt's permit, then send.
            Request request = exchange.nextRequest();
            after(exchange.reservePermit(), () -> send(request));
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void send(Request request) {
        if (future.isDone()) {
            return;
        }
        try {
            Call next = exchange.newCall(request);
            call = next;
            if (future.isDone()) {
                next.cancel();
                return;
            }
            next.enqueue(this);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public void onFailure(Call failed, IOException e) {
        handle(exchange.onFailure(e, failed.isCanceled()));
    }

    @Override
    public void onResponse(Call done, Response response) {
        try (response) {
            handle(exchange.onResponse(response));
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void handle(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            succeed(done.response());
        } else if (outcome instanceof Outcome.Fail<T> fail) {
            fail(fail.exception());
        } else {
            after(((Outcome.Retry<T>) outcome).delay(), this::attempt);
        }
    }

    /** Tells the listener, then completes: a caller woken by the future finds the operation ended. */
    private void succeed(ApiResponse<T> response) {
        exchange.ended(null);
        future.complete(response);
    }

    private void fail(Throwable error) {
        exchange.ended(error);
        future.completeExceptionally(error);
    }

    private void after(Duration delay, Runnable task) {
        if (delay.isZero()) {
            task.run();
            return;
        }
        try {
            timer = transport.scheduler().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            fail(new IllegalStateException("the " + transport.provider() + " client is closed", e));
        }
    }
}
