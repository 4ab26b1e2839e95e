package dev.jobstatus.core.internal.pacing;

import okhttp3.Headers;

/**
 * Recognises a provider's throttling answer other than HTTP 429 (which is always throttling), such as a 409
 * with a {@code Retry-After}. A throttled response is retried and, when retries run out, becomes a
 * {@link dev.jobstatus.core.exception.RateLimitException}.
 */
@FunctionalInterface
public interface ThrottleDetector {
    /** The detector for providers that throttle only with HTTP 429. */
    ThrottleDetector NONE = (status, reason, headers, body) -> false;

    /**
     * Returns whether the response means "too many requests".
     *
     * @param status the HTTP status
     * @param reason the status line's reason phrase (empty when the server sent none, and always for HTTP/2),
     *     where some providers put their only explanation
     * @param headers the response headers
     * @param body the response body as text
     */
    boolean isThrottled(int status, String reason, Headers headers, String body);
}
