package dev.jobstatus.core.exception;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The call ran out of time: a connect, read or whole-call timeout ran out, the call's deadline passed, or the
 * client-side rate limit had no permit before it ({@link #retryAfter()} then says how far the next one was).
 */
public class RequestTimeoutException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** How long until the rate limit's next permit, when that is what ended the call. */
    private final @Nullable Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param provider the provider whose API was called
     * @param attempts the number of HTTP attempts made
     * @param message the message, free of secrets
     * @param cause the timeout, or {@code null}
     */
    public RequestTimeoutException(String provider, int attempts, String message, @Nullable Throwable cause) {
        this(provider, attempts, message, cause, null);
    }

    /**
     * Creates the exception for a call the rate limit could not let through in time.
     *
     * @param provider the provider whose API was called
     * @param attempts the number of HTTP attempts made
     * @param message the message, free of secrets
     * @param cause the timeout, or {@code null}
     * @param retryAfter how long until the rate limit's next permit, or {@code null} when unknown
     */
    public RequestTimeoutException(
            String provider, int attempts, String message, @Nullable Throwable cause, @Nullable Duration retryAfter) {
        super(provider, attempts, message, cause);
        this.retryAfter = retryAfter;
    }

    /**
     * {@return how long until the client-side rate limit's next permit, when a wait for it longer than the time left
     * ended the call; otherwise {@code null}}
     */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
