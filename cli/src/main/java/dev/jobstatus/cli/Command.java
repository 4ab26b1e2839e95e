package dev.jobstatus.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command of {@code jobstatus}: either a group of subcommands ({@code jobstatus asana}) or a leaf that runs
 * ({@code jobstatus asana get}), with its options, parameters and the examples its help ends with. Built once, then
 * only read.
 */
final class Command {
    /** What a leaf command does with its parsed arguments; returns the exit code. */
    @FunctionalInterface
    interface Action {
        int run(Args args, Context context);
    }

    /** {@code -h}, {@code --help}: every command has it. */
    static final Option<Boolean> HELP = Option.flag("--help", "Show this help and exit.").withShortName("-h");
    /** {@code --verbose}: every command has it. */
    static final Option<Boolean> VERBOSE = Option.flag("--verbose", "Print stack traces of errors.");
    /** {@code -V}, {@code --version}: the top command's. */
    static final Option<Boolean> VERSION = Option.flag("--version", "Print version information and exit.").withShortName("-V");

    private final String name;
    private final String[] description;
    private final Action action;
    private final List<Option<?>> options = new ArrayList<>();
    private final List<Param<?>> params = new ArrayList<>();
    private final Map<String, Command> subcommands = new LinkedHashMap<>();
    private final List<String> examples = new ArrayList<>();
    private Command parent;

    private Command(String name, Action action, String... description) {
        this.name = name;
        this.action = action;
        this.description = description;
        options.add(HELP);
        options.add(VERBOSE);
    }

    /** A command that only holds subcommands. */
    static Command group(String name, String... description) {
        return new Command(name, null, description);
    }

    /** A command that runs {@code action}. */
    static Command leaf(String name, Action action, String description) {
        return new Command(name, action, description);
    }

    Command options(Option<?>... more) {
        Collections.addAll(options, more);
        return this;
    }

    Command params(Param<?>... more) {
        Collections.addAll(params, more);
        return this;
    }

    Command subcommands(Command... more) {
        for (Command sub : more) {
            if (sub.parent != null) {
                throw new IllegalStateException(sub.name + " is already a subcommand of " + sub.parent.qualifiedName());
            }
            sub.parent = this;
            subcommands.put(sub.name, sub);
        }
        return this;
    }

    Command examples(String... lines) {
        Collections.addAll(examples, lines);
        return this;
    }

    String name() {
        return name;
    }

    /** The words that run this command: {@code jobstatus asana get}. */
    String qualifiedName() {
        return parent == null ? name : parent.qualifiedName() + " " + name;
    }

    String[] description() {
        return description.clone();
    }

    Action action() {
        return action;
    }

    List<Option<?>> options() {
        return Collections.unmodifiableList(options);
    }

    List<Param<?>> params() {
        return Collections.unmodifiableList(params);
    }

    Map<String, Command> subcommands() {
        return Collections.unmodifiableMap(subcommands);
    }

    List<String> examples() {
        return Collections.unmodifiableList(examples);
    }

    /** The option called {@code name} (long or short), or {@code null}. */
    Option<?> option(String optionName) {
        for (Option<?> option : options) {
            if (option.name().equals(optionName) || optionName.equals(option.shortName())) {
                return option;
            }
        }
        return null;
    }
}
