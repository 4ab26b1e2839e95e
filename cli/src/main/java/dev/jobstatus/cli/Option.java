package dev.jobstatus.cli;

/**
 * An option of a command: a flag ({@code --json}), or a name with a value ({@code --timeout 5s} or
 * {@code --timeout=5s}); a list option takes comma-separated values and may be given again.
 *
 * @param name the long name, such as {@code --timeout}
 * @param shortName the one-letter name, such as {@code -h}, or {@code null}
 * @param label what the value is, such as {@code DURATION}; {@code null} for a flag
 * @param description one sentence for the help
 * @param converter reads the value; {@code null} for a flag
 * @param defaultValue the text read when the option is not given, or {@code null}
 * @param list whether the option takes a list
 */
record Option<T>(String name, String shortName, String label, String description, Converter<T> converter, String defaultValue,
        boolean list) {
    static Option<Boolean> flag(String name, String description) {
        return new Option<>(name, null, null, description, null, null, false);
    }

    static <T> Option<T> value(String name, String label, String description, Converter<T> converter) {
        return new Option<>(name, null, label, description, converter, null, false);
    }

    static <T> Option<T> value(String name, String label, String description, Converter<T> converter, String defaultValue) {
        return new Option<>(name, null, label, description + " (default: " + defaultValue + ").", converter, defaultValue, false);
    }

    static Option<String> list(String name, String label, String description) {
        return new Option<>(name, null, label, description, Converter.TEXT, null, true);
    }

    /** Returns this flag with a one-letter name too. */
    Option<T> withShortName(String letter) {
        return new Option<>(name, letter, label, description, converter, defaultValue, list);
    }

    boolean isFlag() {
        return label == null;
    }

    /** How the help writes the option and its value: {@code --timeout=DURATION}. */
    String synopsis() {
        if (isFlag()) {
            return name;
        }
        return list ? name + "=" + label + "[," + label + "...]" : name + "=" + label;
    }
}
