package dev.jobstatus.cli;

/**
 * A positional parameter of a command, such as a job id. Every parameter is required, except a variadic one, which
 * is last and takes whatever words remain (none or more).
 *
 * @param label what the parameter is, such as {@code GID}
 * @param description one sentence for the help
 * @param converter reads the value
 * @param variadic whether it takes the remaining words
 */
record Param<T>(String label, String description, Converter<T> converter, boolean variadic) {
    static <T> Param<T> of(String label, String description, Converter<T> converter) {
        return new Param<>(label, description, converter, false);
    }

    static Param<String> remaining(String label, String description) {
        return new Param<>(label, description, Converter.TEXT, true);
    }
}
