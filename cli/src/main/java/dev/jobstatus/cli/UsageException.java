package dev.jobstatus.cli;

/** The command line was wrong: the message says how, in the words of the command line. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The command whose help the user is pointed to. */
    private final transient Command command;

    UsageException(Command command, String message) {
        super(message);
        this.command = command;
    }

    Command command() {
        return command;
    }
}
