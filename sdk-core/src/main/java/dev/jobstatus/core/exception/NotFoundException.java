package dev.jobstatus.core.exception;

/** The requested resource does not exist (HTTP 404). */
public class NotFoundException extends ApiException {
    /**
     * Creates the exception.
     *
     * @param error what is known about the response
     */
    public NotFoundException(ApiError error) {
        super(error);
    }
}
