package dev.jobstatus.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Parameters;

/**
 * {@code jobstatus help [COMMAND...]}: the help of any command, however deep, as its {@code --help} shows it. picocli's
 * own {@code HelpCommand} takes one level only ({@code help nexudus}, not {@code help nexudus list}).
 */
@Command(
        name = "help",
        helpCommand = true,
        description = "Show the help of a command, e.g. jobstatus help nexudus list.",
        footer = "  jobstatus help nexudus list")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", description = "The command, such as: nexudus list")
    private List<String> path = List.of();

    private CommandLine self;
    private ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(
            CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        for (String name : path) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                String near = JobstatusCli.didYouMean(target, name);
                throw new CommandLine.ParameterException(
                        self,
                        "Unknown command: '" + target.getCommandSpec().qualifiedName() + " " + name + "'"
                                + (near == null ? "" : ". " + near));
            }
            target = sub;
        }
        target.usage(out, colors);
    }
}
