package dev.jobstatus.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobstatus help [COMMAND...]}: the help of any command, however deep, as its {@code --help} shows it. */
@Command(name = "help", helpCommand = true, description = "Show the help of a command, e.g. jobstatus help nexudus list.")
final class HelpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, such as: nexudus list")
    List<String> path = new ArrayList<>();

    @Override
    public void run() {
        CommandLine target = spec.parent().commandLine();
        for (String name : path) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Unknown command: 'jobstatus "
                        + String.join(" ", path) + "'");
            }
            target = next;
        }
        target.usage(target.getOut());
    }
}
