package dev.jobstatus.cli;

/** A provider command found none of the environment variables that carry its credentials. */
final class MissingCredentialsException extends RuntimeException {
    MissingCredentialsException(String provider, String variables) {
        super(provider + " credentials missing: set " + variables);
    }
}
