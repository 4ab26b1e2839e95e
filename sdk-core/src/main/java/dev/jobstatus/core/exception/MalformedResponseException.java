package dev.jobstatus.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * A successful (2xx) response whose body could not be turned into the expected value: an HTML page,
 * truncated or malformed JSON, JSON of the wrong shape, an empty or {@code null} body, or a body over
 * the size cap.
 */
public class MalformedResponseException extends JobStatusException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status of the response. */
    private final int statusCode;
    /** The provider's request id, or {@code null}. */
    private final @Nullable String requestId;
    /** What the body should have been. */
    private final String expected;
    /** The start of the body, secrets redacted. */
    private final String bodyExcerpt;

    /**
     * Creates the exception.
     *
     * @param provider the provider whose API answered
     * @param attempts the number of HTTP attempts made
     * @param statusCode the HTTP status of the response
     * @param requestId the request id from the response headers, or {@code null}
     * @param expected what the SDK expected, such as {@code BusinessBackgroundJob JSON object}
     * @param problem what was wrong with the body
     * @param bodyExcerpt the start of the body (at most about 1 KB, secrets removed)
     * @param cause the parsing failure, or {@code null}
     */
    public MalformedResponseException(
            String provider,
            int attempts,
            int statusCode,
            @Nullable String requestId,
            String expected,
            String problem,
            String bodyExcerpt,
            @Nullable Throwable cause) {
        super(
                provider,
                attempts,
                provider + " API returned HTTP " + statusCode + " with a body that is not "
                        + expected + ": " + problem + (requestId == null ? "" : " (request id " + requestId + ")")
                        + "; body starts: " + (bodyExcerpt == null || bodyExcerpt.isEmpty() ? "<empty>" : bodyExcerpt),
                cause);
        this.statusCode = statusCode;
        this.requestId = requestId;
        this.expected = expected;
        this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
    }

    /** {@return the HTTP status of the response} */
    public int statusCode() {
        return statusCode;
    }

    /** {@return the request id the provider sent, or {@code null} when it sent none} */
    public @Nullable String requestId() {
        return requestId;
    }

    /** {@return a description of what the SDK expected the body to be} */
    public String expected() {
        return expected;
    }

    /** {@return the start of the body (at most about 1 KB, secrets removed)} */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
