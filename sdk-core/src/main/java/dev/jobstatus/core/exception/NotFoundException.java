package dev.jobstatus.core.exception;

/** The requested resource does not exist (HTTP 404). */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what is known about the response
     */
    public NotFoundException(ApiError error) {
        super(error);
    }
}
