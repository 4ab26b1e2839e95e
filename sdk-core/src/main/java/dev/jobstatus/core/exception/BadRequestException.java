package dev.jobstatus.core.exception;

/** The provider rejected the request as invalid (HTTP 400 or 422). */
public class BadRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what is known about the response
     */
    public BadRequestException(ApiError error) {
        super(error);
    }
}
