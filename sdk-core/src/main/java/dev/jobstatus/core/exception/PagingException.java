package dev.jobstatus.core.exception;

/**
 * A listing could not continue because the server contradicted itself: it pointed again at a page or cursor it had
 * already served (following it would loop forever), kept sending empty pages that each named a next one, or named a
 * page the listing cannot ask for.
 */
public class PagingException extends JobStatusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param provider the provider whose API was listed
     * @param message what went wrong
     */
    public PagingException(String provider, String message) {
        super(provider, 0, message);
    }
}
