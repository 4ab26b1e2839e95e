package dev.jobstatus.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The calling thread was interrupted while the SDK was waiting (for a response, a retry, a rate-limit
 * permit or the next poll). The thread's interrupt flag is set again before this is thrown.
 */
public class InterruptedOperationException extends JobStatusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param provider the provider whose API was being called
     * @param attempts the number of HTTP attempts made
     * @param cause the interruption, or {@code null} when the thread was found already interrupted
     */
    public InterruptedOperationException(String provider, int attempts, @Nullable Throwable cause) {
        super(provider, attempts, "interrupted while calling the " + provider + " API", cause);
    }
}
