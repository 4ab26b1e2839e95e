package dev.jobstatus.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a command line against the tree of commands: the words that name subcommands, then the command's options
 * (anywhere, {@code --name value} or {@code --name=value}) and its parameters in order. {@code --} ends the options.
 */
final class Parser {
    /**
     * What the command line asks for.
     *
     * @param command the command it names
     * @param args the values of that command's options and parameters
     * @param help whether it asks for the command's help
     * @param version whether it asks for the version
     */
    record Invocation(Command command, Args args, boolean help, boolean version) {
    }

    private Parser() {
    }

    /**
     * Returns what {@code words} ask of {@code root} or one of its subcommands.
     *
     * @throws UsageException when the words name no command, an unknown option, a value that cannot be read, or
     *     leave out a required parameter (help wins over all of these except an unknown command)
     */
    static Invocation parse(Command root, String[] words) {
        Command command = root;
        Args args = new Args();
        List<String> unmatched = new ArrayList<>();
        int position = 0;
        boolean endOfOptions = false;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (!endOfOptions && word.equals("--")) {
                endOfOptions = true;
            } else if (!endOfOptions && word.length() > 1 && word.charAt(0) == '-' && !isNumber(word)) {
                i = option(command, args, words, i, unmatched);
            } else if (!command.subcommands().isEmpty()) {
                Command sub = command.subcommands().get(word);
                if (sub == null) {
                    throw new UsageException(command, "Unknown command: '" + command.qualifiedName() + " " + word + "'");
                }
                command = sub;
            } else if (position < command.params().size()) {
                Param<?> param = command.params().get(position);
                Object value = convert(command, "parameter " + param.label(), param.converter(), word);
                if (param.variadic()) {
                    args.add(param, value);
                } else {
                    args.set(param, value);
                    position++;
                }
            } else {
                unmatched.add(word);
            }
        }
        if (args.flag(Command.HELP) || args.flag(Command.VERSION)) {
            return new Invocation(command, args, args.flag(Command.HELP), args.flag(Command.VERSION));
        }
        check(command, args, unmatched, position);
        for (Option<?> option : command.options()) {
            if (option.defaultValue() != null && !args.has(option)) {
                args.set(option, convert(command, "option '" + option.name() + "'", option.converter(), option.defaultValue()));
            }
        }
        return new Invocation(command, args, false, false);
    }

    /** Reads the option at {@code words[i]} (and its value); returns the index of the last word it used. */
    private static int option(Command command, Args args, String[] words, int i, List<String> unmatched) {
        String word = words[i];
        int equals = word.indexOf('=');
        Option<?> option = command.option(equals < 0 ? word : word.substring(0, equals));
        if (option == null) {
            unmatched.add(word);
            return i;
        }
        if (option.isFlag()) {
            if (equals >= 0) {
                throw new UsageException(command, "option '" + option.name() + "' takes no value, but was given '"
                        + word.substring(equals + 1) + "'");
            }
            args.set(option, Boolean.TRUE);
            return i;
        }
        int last = i;
        String text;
        if (equals >= 0) {
            text = word.substring(equals + 1);
        } else if (i + 1 < words.length) {
            text = words[++last];
        } else {
            throw new UsageException(command, "Missing required parameter for option '" + option.name() + "' (" + option.label() + ")");
        }
        String what = "option '" + option.name() + "'";
        if (option.list()) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    args.add(option, convert(command, what, option.converter(), part.strip()));
                }
            }
        } else if (args.has(option)) {
            throw new UsageException(command, what + " (" + option.label() + ") should be given only once");
        } else {
            args.set(option, convert(command, what, option.converter(), text));
        }
        return last;
    }

    private static void check(Command command, Args args, List<String> unmatched, int position) {
        if (!unmatched.isEmpty()) {
            boolean anOption = unmatched.stream().anyMatch(w -> w.startsWith("-"));
            throw new UsageException(command, (anOption ? "Unknown option" : "Unmatched argument") + (unmatched.size() > 1 ? "s: '" : ": '")
                    + String.join("', '", unmatched) + "'");
        }
        if (command.action() == null) {
            throw new UsageException(command, "Missing required subcommand: one of " + String.join(", ", command.subcommands().keySet()));
        }
        List<String> missing = new ArrayList<>();
        for (Param<?> param : command.params().subList(position, command.params().size())) {
            if (!param.variadic()) {
                missing.add(param.label());
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException(command, "Missing required parameter" + (missing.size() > 1 ? "s: '" : ": '")
                    + String.join("', '", missing) + "'");
        }
    }

    private static Object convert(Command command, String what, Converter<?> converter, String text) {
        try {
            return converter.convert(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(command, "Invalid value for " + what + ": " + e.getMessage());
        }
    }

    /** A negative number is a value, not an option. */
    private static boolean isNumber(String word) {
        for (int i = 1; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
