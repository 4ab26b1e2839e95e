package dev.jobstatus.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The client was closed: the call was made on a closed client, or it was still in progress when {@code close()} was
 * called (waiting for a response, a retry, a rate-limit permit, credentials or the next poll of a wait). Nothing more
 * is sent for it. Asynchronous calls complete exceptionally with it, blocking calls throw it.
 */
public class ClientClosedException extends JobStatusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param provider the provider whose client was closed
     * @param attempts the number of HTTP attempts made
     * @param message the message, free of secrets
     * @param cause the failure of the attempt that closing ended, or {@code null}
     */
    public ClientClosedException(String provider, int attempts, String message, @Nullable Throwable cause) {
        super(provider, attempts, message, cause);
    }
}
