package dev.jobstatus.core.exception;

/** The provider did not accept the credentials (HTTP 401), even after one refresh where the credentials support it. */
public class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what is known about the response
     */
    public AuthenticationException(ApiError error) {
        super(error);
    }
}
