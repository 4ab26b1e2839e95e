package dev.jobstatus.core.exception;

import org.jspecify.annotations.Nullable;
/** The provider did not answer in time: a connect, read or whole-call timeout ran out. */
public class RequestTimeoutException extends TransportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param provider the provider whose API was called
     * @param attempts the number of HTTP attempts made
     * @param message the message, free of secrets
     * @param cause the timeout, or {@code null}
     */
    public RequestTimeoutException(String provider, int attempts, String message, @Nullable Throwable cause) {
        super(provider, attempts, message, cause);
    }
}
