package dev.jobstatus.core;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A successful response mapped to a value, with what the transport learned along the way.
 *
 * @param value the mapped body
 * @param statusCode the HTTP status code
 * @param requestId the request id from the response headers, or {@code null}
 * @param retryAfter the delay asked for by a {@code Retry-After} header, or {@code null}
 * @param attempts how many HTTP attempts were made, counting retries
 * @param <T> the type of the value
 */
public record ApiResponse<T>(
        T value,
        int statusCode,
        @Nullable String requestId,
        @Nullable Duration retryAfter,
        int attempts) {}
