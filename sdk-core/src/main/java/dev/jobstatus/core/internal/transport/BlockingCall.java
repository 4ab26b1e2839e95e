package dev.jobstatus.core.internal.transport;

import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.exception.InterruptedOperationException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Drives a {@link RetryingCall} on the caller's thread: each attempt an executed OkHttp call, each wait for a retry a
 * sleep that {@link HttpTransport#close()} ends. An interrupt of the thread cancels the attempt in flight
 * ({@link InterruptWatch}); closing the transport cancels it too.
 */
final class BlockingCall<T> implements HttpTransport.Pending {
    private final HttpTransport transport;
    private final RetryingCall<T> exchange;
    private volatile @Nullable Call call;

    BlockingCall(HttpTransport transport, RetryingCall<T> exchange) {
        this.transport = transport;
        this.exchange = exchange;
    }

    /** Runs the call's attempts until one succeeds or the call fails; see {@link HttpTransport#execute}. */
    ApiResponse<T> run() {
        transport.track(this);
        try {
            ApiResponse<T> response = attempts();
            exchange.ended(null);
            return response;
        } catch (RuntimeException e) {
            exchange.ended(e);
            throw e;
        } finally {
            transport.untrack(this);
        }
    }

    @Override
    public void clientClosed() {
        Call inFlight = call;
        if (inFlight != null) {
            inFlight.cancel();
        }
    }

    private ApiResponse<T> attempts() {
        while (true) {
            // Credentials first: fetching a token is a request of its own and takes its own permit. This
            // attempt's permit is taken after it, once its connection is open, so the two cannot go out back to back.
            Request next = exchange.nextRequest(transport::sleepUnlessClosed);
            Call attempt = exchange.newCall(next);
            call = attempt;
            if (transport.isClosed()) {
                // Closed before the call was set, where close() could not see it.
                attempt.cancel();
            }
            Outcome<T> outcome = execute(attempt);
            if (outcome instanceof Outcome.Done<T> done) {
                return done.response();
            }
            if (transport.isClosed()) {
                throw exchange.clientClosed(outcome instanceof Outcome.Fail<T> fail ? fail.exception() : null);
            }
            if (outcome instanceof Outcome.Fail<T> fail) {
                throw fail.exception();
            }
            sleep(((Outcome.Retry<T>) outcome).delay());
        }
    }

    private Outcome<T> execute(Call attempt) {
        InterruptWatch watch = InterruptWatch.start(attempt);
        try (Response response = attempt.execute()) {
            return exchange.onResponse(response);
        } catch (IOException e) {
            return exchange.onFailure(e, attempt.isCanceled());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // OkHttp is Kotlin and lets checked exceptions out undeclared: an interrupt while it waits for a
            // connection to be set up comes out as a bare InterruptedException. It ends the attempt like any
            // other I/O failure (an interrupt ends the call).
            attempt.cancel();
            IOException failure;
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                failure = new InterruptedIOException("interrupted");
                failure.initCause(e);
            } else {
                failure = new IOException(e);
            }
            return exchange.onFailure(failure, true);
        } finally {
            watch.close();
        }
    }

    /** Waits for a retry; {@link HttpTransport#close()} ends the wait, and the call, at once. */
    private void sleep(Duration delay) {
        if (!delay.isZero()) {
            try {
                transport.sleepUnlessClosed(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedOperationException(transport.provider(), exchange.attempts(), e);
            }
        }
        if (transport.isClosed()) {
            throw exchange.clientClosed(null);
        }
    }
}
