package dev.jobstatus.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Writes a command's help: usage line, description, parameters, options, subcommands and examples, within 80 columns. */
final class Help {
    private static final int WIDTH = 80;
    /** The widest first column before a description moves to a line of its own. */
    private static final int MAX_COLUMN = 28;

    private Help() {
    }

    static String of(Command command) {
        StringBuilder help = new StringBuilder();
        usage(help, command);
        for (String paragraph : command.description()) {
            lines(help, "", paragraph, 0);
        }
        List<String[]> rows = new ArrayList<>();
        for (Param<?> param : command.params()) {
            rows.add(new String[] {"      " + label(param), param.description()});
        }
        List<Option<?>> options = new ArrayList<>(command.options());
        options.sort(Comparator.comparing(o -> o.name().substring(2)));
        for (Option<?> option : options) {
            String names = option.shortName() == null ? "      " : "  " + option.shortName() + ", ";
            rows.add(new String[] {names + option.synopsis(), option.description()});
        }
        table(help, rows);
        if (!command.subcommands().isEmpty()) {
            help.append("Commands:\n");
            List<String[]> commands = new ArrayList<>();
            for (Map.Entry<String, Command> sub : command.subcommands().entrySet()) {
                commands.add(new String[] {"  " + sub.getKey(), String.join(" ", sub.getValue().description())});
            }
            table(help, commands);
        }
        if (!command.examples().isEmpty()) {
            help.append("\nExamples:\n");
            command.examples().forEach(example -> help.append("  ").append(example).append('\n'));
        }
        return help.toString();
    }

    /** {@code Usage: jobstatus asana get [-h] [--json] ... [--timeout=DURATION] GID}, wrapped under its start. */
    private static void usage(StringBuilder help, Command command) {
        List<String> words = new ArrayList<>();
        List<Option<?>> flags = new ArrayList<>();
        List<Option<?>> values = new ArrayList<>();
        for (Option<?> option : command.options()) {
            if (option.shortName() != null) {
                words.add("[" + option.shortName() + "]");
            } else {
                (option.isFlag() ? flags : values).add(option);
            }
        }
        flags.stream().sorted(Comparator.comparing(Option::name)).forEach(o -> words.add("[" + o.name() + "]"));
        values.stream().sorted(Comparator.comparing(Option::name))
                .forEach(o -> words.add("[" + o.synopsis() + "]" + (o.list() ? "..." : "")));
        command.params().forEach(p -> words.add(label(p)));
        if (!command.subcommands().isEmpty()) {
            words.add("COMMAND");
        }
        String start = "Usage: " + command.qualifiedName() + " ";
        lines(help, start, String.join(" ", words), start.length());
    }

    private static String label(Param<?> param) {
        return param.variadic() ? "[" + param.label() + "...]" : param.label();
    }

    /** Rows of a first column and a description, the descriptions aligned and wrapped. */
    private static void table(StringBuilder help, List<String[]> rows) {
        int column = 0;
        for (String[] row : rows) {
            if (row[0].length() <= MAX_COLUMN) {
                column = Math.max(column, row[0].length());
            }
        }
        column += 3;
        for (String[] row : rows) {
            if (row[1] == null || row[1].isEmpty()) {
                help.append(row[0]).append('\n');
            } else if (row[0].length() + 2 > column) {
                help.append(row[0]).append('\n');
                lines(help, " ".repeat(column), row[1], column + 2);
            } else {
                lines(help, row[0] + " ".repeat(column - row[0].length()), row[1], column + 2);
            }
        }
    }

    /** Appends {@code first} then {@code text}, wrapped at word ends, continuation lines indented by {@code indent}. */
    private static void lines(StringBuilder help, String first, String text, int indent) {
        StringBuilder line = new StringBuilder(first);
        int lineStart = line.length();
        for (String word : text.split(" ")) {
            if (line.length() > lineStart && line.length() + 1 + word.length() > WIDTH) {
                help.append(line).append('\n');
                line.setLength(0);
                line.append(" ".repeat(indent));
                lineStart = line.length();
            } else if (line.length() > lineStart) {
                line.append(' ');
            }
            line.append(word);
        }
        help.append(line).append('\n');
    }
}
