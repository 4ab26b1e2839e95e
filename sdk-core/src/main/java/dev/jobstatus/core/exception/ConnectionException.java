package dev.jobstatus.core.exception;

import org.jspecify.annotations.Nullable;

/** The connection to the provider failed or was dropped before a complete response arrived. */
public class ConnectionException extends TransportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param provider the provider whose API was called
     * @param attempts the number of HTTP attempts made
     * @param message the message, free of secrets
     * @param cause the I/O failure, or {@code null}
     */
    public ConnectionException(String provider, int attempts, String message, @Nullable Throwable cause) {
        super(provider, attempts, message, cause);
    }
}
