package dev.jobstatus.core.exception;

/** The provider failed to handle the request (HTTP 5xx) and retries, where allowed, ran out. */
public class ServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what is known about the response
     */
    public ServerException(ApiError error) {
        super(error);
    }
}
