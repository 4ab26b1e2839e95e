package dev.jobstatus.core.internal.transport;

import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.auth.AuthHeaders;
import dev.jobstatus.core.exception.ClientClosedException;
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
 * transport's scheduler, and credentials that are not at hand (a token to fetch or renew) are obtained on the
 * transport's credential threads. Cancelling the future, or closing the transport, cancels the call in flight and the
 * pending timer.
 */
final class AsyncCall<T> implements Callback, HttpTransport.Pending {
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
            transport.untrack(this);
            // Cancelled by the caller; any other ending told the listener before completing.
            exchange.ended(error);
            if (error != null) {
                // Cancelled, or ended by close(): nothing more is sent.
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
        transport.track(this);
        attempt();
        return future;
    }

    @Override
    public void clientClosed() {
        fail(exchange.clientClosed(null));
    }

    private void attempt() {
        if (future.isDone()) {
            return;
        }
        try {
            AuthHeaders ready = exchange.credentials().ifReady();
            if (ready != null) {
                send(ready);
                return;
            }
            // Getting them may block (a token fetch): not on the caller's thread, OkHttp's dispatcher or the scheduler.
            transport.credentialWork().execute(() -> {
                if (future.isDone()) {
                    return;
                }
                try {
                    send(exchange.credentials().fetch());
                } catch (RuntimeException e) {
                    failed(e);
                }
            });
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** Builds the attempt's request with {@code auth}, then sends it when its permit is due. */
    private void send(AuthHeaders auth) {
        if (future.isDone()) {
            return;
        }
        // Credentials first (a token fetch takes its own permit), then this attempt's permit, then send.
        Request request = exchange.nextRequest(auth);
        after(exchange.reservePermit(), () -> enqueue(request));
    }

    private void enqueue(Request request) {
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
            failed(e);
        }
    }

    @Override
    public void onFailure(Call failed, IOException e) {
        try {
            handle(exchange.onFailure(e, failed.isCanceled()));
        } catch (RuntimeException unexpected) {
            failed(unexpected);
        }
    }

    @Override
    public void onResponse(Call done, Response response) {
        if (exchange.mayRenewCredentials(response.code())) {
            // Renewing the credentials may fetch a token, which blocks: not on OkHttp's dispatcher.
            try {
                transport.credentialWork().execute(() -> {
                    if (future.isDone()) {
                        // Ended meanwhile (cancelled, closed): no renewal for it.
                        response.close();
                    } else {
                        judge(response);
                    }
                });
            } catch (RuntimeException e) {
                response.close();
                failed(e);
            }
            return;
        }
        judge(response);
    }

    private void judge(Response response) {
        try (response) {
            handle(exchange.onResponse(response));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void handle(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            succeed(done.response());
        } else if (outcome instanceof Outcome.Fail<T> fail) {
            fail(fail.exception());
        } else {
            // On the scheduler even without a delay: the next attempt reserves its permit, which may take a round trip
            // to a shared limiter, and no OkHttp dispatcher thread waits for a permit.
            schedule(((Outcome.Retry<T>) outcome).delay(), this::attempt);
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

    /** Fails with {@code error}; an executor's refusal because the transport closed is the client being closed. */
    private void failed(RuntimeException error) {
        // A close() landing between a retry being scheduled and its timer being set is this call's close, not a
        // refusal of the scheduler's: the call says so, as any call ended by close() does.
        boolean closed = (error instanceof RejectedExecutionException || error instanceof ClientClosedException)
                && transport.isClosed();
        fail(closed ? exchange.clientClosed(error) : error);
    }

    /**
     * Runs {@code task} after {@code delay}, on the scheduler.
     *
     * @throws dev.jobstatus.core.exception.ClientClosedException if the transport is closed
     * @throws RejectedExecutionException if the scheduler refuses the timer
     */
    private void after(Duration delay, Runnable task) {
        if (delay.isZero()) {
            task.run();
        } else {
            schedule(delay, task);
        }
    }

    /** Runs {@code task} on the scheduler after {@code delay}, zero or more; throws as {@link #after}. */
    private void schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> next = transport.scheduler().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        timer = next;
        if (future.isDone()) {
            // Ended (cancelled, closed) before the timer was set, where the future's own clean-up could not see it.
            next.cancel(false);
        }
    }
}
