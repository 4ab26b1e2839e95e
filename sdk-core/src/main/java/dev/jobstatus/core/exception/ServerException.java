package dev.jobstatus.core.exception;

/** The provider failed to handle the request (HTTP 5xx) and retries, where allowed, ran out. */
public class ServerException extends ApiException {
    /**
     * Creates the exception.
     *
     * @param error what is known about the response
     */
    public ServerException(ApiError error) {
        super(error);
    }
}
