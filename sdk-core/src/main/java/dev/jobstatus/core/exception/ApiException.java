package dev.jobstatus.core.exception;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP response with a status the SDK treats as an error.
 *
 * <p>Subclasses name the status family: {@link BadRequestException} (400, 422),
 * {@link AuthenticationException} (401), {@link PermissionDeniedException} (403),
 * {@link NotFoundException} (404), {@link ConflictException} (409), {@link RateLimitException} (429 and
 * provider throttles), {@link ServerException} (5xx) and {@link UnexpectedStatusException} (anything else).
 * The message names the provider, the status and the request id; it never contains a secret.
 */
public abstract class ApiException extends JobStatusException {
    private static final long serialVersionUID = 1L;

    /** What the provider answered; like the jobs the wait exceptions carry, not kept through serialization. */
    private final transient ApiError error;

    /**
     * Creates an exception for a failed response.
     *
     * @param error what is known about the response
     */
    protected ApiException(ApiError error) {
        super(error.provider(), error.attempts(), describe(error));
        this.error = error;
    }

    private static String describe(ApiError error) {
        StringBuilder sb = new StringBuilder()
                .append(error.provider())
                .append(" API returned HTTP ")
                .append(error.statusCode());
        if (error.request() != null) {
            sb.append(" for ").append(error.request());
        }
        if (error.errorCode() != null) {
            sb.append(" [").append(error.errorCode()).append(']');
        }
        if (error.errorMessage() != null && !error.errorMessage().isBlank()) {
            sb.append(": ").append(error.errorMessage());
        }
        for (ErrorDetail detail : error.details()) {
            // A detail whose text the message already shows (as when it is built from the details) adds nothing.
            if (detail.message() == null || (detail.field() == null && sb.indexOf(detail.message()) >= 0)) {
                continue;
            }
            sb.append("; ");
            if (detail.field() != null) {
                sb.append(detail.field()).append(": ");
            }
            sb.append(detail.message());
        }
        sb.append(" (");
        if (error.requestId() != null) {
            sb.append("request id ").append(error.requestId()).append(", ");
        }
        sb.append("attempts ").append(error.attempts()).append(')');
        return sb.toString();
    }

    /** {@return everything known about the failed response} */
    public ApiError error() {
        return error;
    }

    /** {@return the HTTP status code} */
    public int statusCode() {
        return error.statusCode();
    }

    /** {@return the request id the provider sent in the response headers, or {@code null} when it sent none} */
    public @Nullable String requestId() {
        return error.requestId();
    }

    /** {@return the provider's error code, or {@code null} when it sent none} */
    public @Nullable String errorCode() {
        return error.errorCode();
    }

    /** {@return the provider's error message, or {@code null} when it sent none} */
    public @Nullable String errorMessage() {
        return error.errorMessage();
    }

    /** {@return the items of the error, such as field validation errors; empty when there are none} */
    public List<ErrorDetail> details() {
        return error.details();
    }

    /** {@return the delay the server asked for in {@code Retry-After}, or {@code null} when it asked for none} */
    public @Nullable Duration retryAfter() {
        return error.retryAfter();
    }

    /** {@return the start of the response body (at most about 1 KB, secrets removed)} */
    public String bodyExcerpt() {
        return error.bodyExcerpt();
    }
}
