package dev.jobstatus.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the SDK throws on purpose.
 *
 * <p>All SDK exceptions are unchecked. Each names the provider whose API was called and the number
 * of HTTP attempts made before it was thrown (zero when it was thrown before any request).
 */
public abstract class JobStatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The provider whose API was called. */
    private final String provider;
    /** The number of HTTP attempts made. */
    private final int attempts;

    /**
     * Creates an exception whose cause may be set later, with {@link #initCause(Throwable)}.
     *
     * @param provider the provider whose API was called, such as {@code nexudus}
     * @param attempts the number of HTTP attempts made
     * @param message the human-readable message, free of secrets
     */
    protected JobStatusException(String provider, int attempts, String message) {
        super(message);
        this.provider = provider;
        this.attempts = attempts;
    }

    /**
     * Creates an exception with its cause.
     *
     * @param provider the provider whose API was called, such as {@code nexudus}
     * @param attempts the number of HTTP attempts made
     * @param message the human-readable message, free of secrets
     * @param cause the underlying cause, or {@code null} when there is none
     */
    protected JobStatusException(String provider, int attempts, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.attempts = attempts;
    }

    /** {@return the provider whose API was called, such as {@code nexudus}, {@code wix} or {@code asana}} */
    public String provider() {
        return provider;
    }

    /** {@return how many HTTP attempts were made, counting retries} */
    public int attempts() {
        return attempts;
    }
}
