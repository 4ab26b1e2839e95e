package dev.jobstatus.cli;

/** A provider command found none, or only part, of the environment variables that carry its credentials. */
final class MissingCredentialsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingCredentialsException(String provider, String variables) {
        super(provider + " credentials missing: set " + variables);
    }

    /** A message that says what is wrong with the variables that are set. */
    MissingCredentialsException(String message) {
        super(message);
    }
}
