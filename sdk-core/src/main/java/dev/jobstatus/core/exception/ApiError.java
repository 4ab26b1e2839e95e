package dev.jobstatus.core.exception;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the SDK knows about one failed HTTP response: the values every {@link ApiException} carries.
 *
 * @param provider the provider whose API answered, such as {@code nexudus}
 * @param statusCode the HTTP status code
 * @param requestId the request id from the response headers, or {@code null} when the provider sent none
 * @param errorCode the provider's error code, or {@code null}
 * @param errorMessage the provider's error message, or {@code null}
 * @param details further items of the error (field errors and the like); never {@code null}
 * @param retryAfter the delay asked for by a {@code Retry-After} header, or {@code null}
 * @param bodyExcerpt the start of the response body (at most about 1 KB, secrets removed); never {@code null}
 * @param attempts how many HTTP attempts were made
 * @param request what was asked, as method and path (such as {@code GET /api/sys/businessbackgroundjobs/42}; never
 *     the query), or {@code null} when the failure concerns no one request
 */
public record ApiError(
        String provider,
        int statusCode,
        @Nullable String requestId,
        @Nullable String errorCode,
        @Nullable String errorMessage,
        List<ErrorDetail> details,
        @Nullable Duration retryAfter,
        String bodyExcerpt,
        int attempts,
        @Nullable String request) {

    /**
     * Creates an error, copying {@code details}.
     *
     * @param provider the provider whose API answered, such as {@code nexudus}
     * @param statusCode the HTTP status code
     * @param requestId the request id from the response headers, or {@code null} when the provider sent none
     * @param errorCode the provider's error code, or {@code null}
     * @param errorMessage the provider's error message, or {@code null}
     * @param details further items of the error (field errors and the like); never {@code null}
     * @param retryAfter the delay asked for by a {@code Retry-After} header, or {@code null}
     * @param bodyExcerpt the start of the response body (at most about 1 KB, secrets removed); never {@code null}
     * @param attempts how many HTTP attempts were made
     * @param request what was asked, as method and path, or {@code null}
     */
    public ApiError {
        details = details == null ? List.of() : List.copyOf(details);
        bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
    }
}
