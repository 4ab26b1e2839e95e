package dev.jobstatus.core.telemetry;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Told what a client does, for tracing and metrics: each operation (a get, a listed page, a token fetch, a wait)
 * and, within it, each HTTP attempt, rate-limit wait, throttle and retry, and each poll of a wait. Set on a client
 * with {@code ClientBuilder.listener(...)}; {@link #none()}, the default, does nothing and costs nothing.
 *
 * <p>No argument carries a secret: no token, key, password, query string or body, and URLs only as templates whose
 * ids are placeholders ({@code api/sys/businessbackgroundjobs/{id}}). Calls come on the thread doing the work (the
 * caller's, an OkHttp dispatcher thread or the client's scheduler) and must return quickly and never throw.
 */
@FunctionalInterface
public interface ClientListener {
    /** {@return the listener that does nothing, the default} */
    static ClientListener none() {
        return Noop.LISTENER;
    }

    /**
     * An operation starts.
     *
     * @param provider the provider, such as {@code nexudus}
     * @param operation what the caller asked for: {@code get}, {@code list}, {@code list items}, {@code token} or
     *     {@code wait}; {@code watch round} for a round of a job watcher
     * @param jobId the job it is about, or {@code null} (a listing, a token)
     * @param parent the operation this one is part of, or {@code null}: the wait, for each of its polls; the call
     *     that needed a token, for the token's fetch (or renewal)
     * @return the observer of this operation; {@link Operation#NONE} to observe nothing more of it
     */
    Operation operationStarted(String provider, String operation, @Nullable String jobId, @Nullable Operation parent);

    /** One operation, from start to end. Every method does nothing unless overridden. */
    interface Operation {
        /** Observes nothing. */
        Operation NONE = new Operation() {};

        /**
         * An HTTP attempt of this operation starts.
         *
         * @param method the HTTP method
         * @param host the server's host name
         * @param port the server's port
         * @param urlTemplate the path with its ids as placeholders, such as {@code /api/sys/businessbackgroundjobs/{id}}
         * @param resendCount how many attempts of this operation went before this one
         * @return the observer of this attempt
         */
        default Attempt attemptStarted(String method, String host, int port, String urlTemplate, int resendCount) {
            return Attempt.NONE;
        }

        /**
         * The next attempt waits for the client-side rate limiter.
         *
         * @param wait how long
         */
        default void rateLimited(Duration wait) {}

        /**
         * The server throttled an attempt (429, or the provider's own throttle such as Nexudus's 409).
         *
         * @param status the HTTP status
         * @param retryAfter the server's {@code Retry-After}, or {@code null} if it sent none
         */
        default void throttled(int status, @Nullable Duration retryAfter) {}

        /**
         * A failed attempt will be retried.
         *
         * @param delay how long until the next attempt
         * @param cause a short, bounded name of the failure, such as {@code http 503}, {@code ConnectionException}
         *     or {@code RequestTimeoutException}
         */
        default void retryScheduled(Duration delay, String cause) {}

        /**
         * A poll of this wait answered.
         *
         * @param poll the poll's number, from 1
         * @param state the job's common state, such as {@code RUNNING}
         */
        default void polled(int poll, String state) {}

        /**
         * A round of a job watcher ({@code watch round}, the operation this is called on) made its requests.
         *
         * @param requests the requests the round sent: its listing's pages and any gets
         * @param watched the jobs pending when the round started
         */
        default void watchRound(int requests, int watched) {}

        /**
         * The operation ended.
         *
         * @param error why it failed, or {@code null} if it succeeded (a wait succeeds when the job is terminal,
         *     whichever way it ended)
         */
        default void ended(@Nullable Throwable error) {}
    }

    /** One HTTP attempt. */
    interface Attempt {
        /** Observes nothing. */
        Attempt NONE = new Attempt() {};

        /**
         * The attempt's response came over HTTP {@code version}, before {@link #ended}; not called for an attempt
         * that got no response.
         *
         * @param version the HTTP version as OpenTelemetry's {@code network.protocol.version} has it: {@code 1.0},
         *     {@code 1.1}, {@code 2} or {@code 3}
         */
        default void protocol(String version) {}

        /**
         * The attempt ended: with a response, or with an I/O failure.
         *
         * @param status the HTTP status, or 0 if no response arrived
         * @param error the failure, or {@code null} if a response arrived
         */
        default void ended(int status, @Nullable Throwable error) {}
    }
}
