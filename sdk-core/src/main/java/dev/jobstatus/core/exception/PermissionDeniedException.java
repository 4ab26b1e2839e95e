package dev.jobstatus.core.exception;

/** The credentials are valid but lack permission for the request (HTTP 403). */
public class PermissionDeniedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what is known about the response
     */
    public PermissionDeniedException(ApiError error) {
        super(error);
    }
}
