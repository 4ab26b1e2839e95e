package dev.jobstatus.cli;

import java.util.List;

/** {@code jobstatus help [COMMAND...]}: the help of any command, however deep, as its {@code --help} shows it. */
final class HelpCommand {
    private static final Param<String> PATH = Param.remaining("COMMAND", "The command, such as: nexudus list");

    private HelpCommand() {
    }

    static Command command() {
        return Command.leaf("help", HelpCommand::run, "Show the help of a command, e.g. jobstatus help nexudus list.")
                .params(PATH).examples("jobstatus help nexudus list");
    }

    private static int run(Args args, Context context) {
        List<String> path = args.all(PATH);
        Command target = JobstatusCli.ROOT;
        for (String name : path) {
            target = target.subcommands().get(name);
            if (target == null) {
                throw new UsageException(JobstatusCli.ROOT.subcommands().get("help"),
                        "Unknown command: '" + JobstatusCli.ROOT.name() + " " + String.join(" ", path) + "'");
            }
        }
        context.out().print(Help.of(target));
        return JobstatusCli.OK;
    }
}
