package dev.jobstatus.core.exception;

/** The request conflicts with the state of the resource (HTTP 409 that is not a provider throttle). */
public class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what is known about the response
     */
    public ConflictException(ApiError error) {
        super(error);
    }
}
