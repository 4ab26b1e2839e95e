package dev.jobstatus.core.exception;

/**
 * The provider throttled the request (HTTP 429, or a provider-specific throttle) and retries ran out, or it asked
 * for a longer wait than the retry policy allows; {@link #retryAfter()} says how long it asked to wait.
 */
public class RateLimitException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what is known about the response
     */
    public RateLimitException(ApiError error) {
        super(error);
    }
}
