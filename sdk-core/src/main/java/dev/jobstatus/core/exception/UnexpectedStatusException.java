package dev.jobstatus.core.exception;

/** The provider answered with a status the SDK does not expect for this request (such as a 3xx or an unlisted 4xx). */
public class UnexpectedStatusException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error what is known about the response
     */
    public UnexpectedStatusException(ApiError error) {
        super(error);
    }
}
