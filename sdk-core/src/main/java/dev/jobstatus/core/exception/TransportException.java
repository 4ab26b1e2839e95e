package dev.jobstatus.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * No HTTP response could be obtained: the connection failed, was dropped or timed out.
 *
 * <p>See {@link ConnectionException} and {@link RequestTimeoutException}. Retries, where the request is
 * idempotent, have already been made when this is thrown.
 */
public abstract class TransportException extends JobStatusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param provider the provider whose API was called
     * @param attempts the number of HTTP attempts made
     * @param message the message, free of secrets
     * @param cause the I/O failure, or {@code null}
     */
    protected TransportException(String provider, int attempts, String message, @Nullable Throwable cause) {
        super(provider, attempts, message, cause);
    }
}
