package dev.jobstatus.cli;

import dev.jobstatus.core.exception.JobFailedException;
import dev.jobstatus.core.exception.JobStatusException;
import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.exception.TransportException;
import dev.jobstatus.core.internal.UserAgent;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code jobstatus} command. Exit codes: 0 success (for {@code wait}: the job succeeded), 1 the job
 * failed, 2 usage error (including missing credentials), 3 API error, 4 timed out waiting, 5 connection failure.
 */
@Command(name = "jobstatus", mixinStandardHelpOptions = true, versionProvider = JobstatusCli.Version.class,
        description = {"Read, list and wait for background jobs of Nexudus, Wix and Asana.",
            "Set JOBSTATUS_REDIS_URL (such as redis://127.0.0.1:6379) to share the providers' quotas and tokens with "
                    + "other jobstatus processes."})
public final class JobstatusCli {
    /** The commands under {@code jobstatus}, in the order its help lists them. */
    private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("nexudus", NexudusCommand.class);
        COMMANDS.put("wix", WixCommand.class);
        COMMANDS.put("asana", AsanaCommand.class);
        COMMANDS.put("demo", DemoCommand.class);
    }

    /** Success; for {@code wait}, the job succeeded. */
    static final int OK = 0;
    /** The job ended FAILED. */
    static final int JOB_FAILED = 1;
    /** The command line or the credentials were wrong. */
    static final int USAGE = 2;
    /** The API answered with an error (after retries). */
    static final int API_ERROR = 3;
    /** A wait ran out of time. */
    static final int TIMED_OUT = 4;
    /** The API could not be reached. */
    static final int CONNECTION = 5;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    private JobstatusCli() {
    }

    /** Runs the command with the process's environment and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, new Context(System.getenv(), System.out, System.err, System.console() != null)));
    }

    /** Runs the command and returns its exit code. */
    static int run(String[] args, Context context) {
        JobstatusCli root = new JobstatusCli();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                try {
                    return type.getDeclaredConstructor(Context.class).newInstance(context);
                } catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(type);
                }
            }
        };
        CommandLine cli = new CommandLine(root, factory);
        // Picocli builds the model of every command it is given, reflection and all: a run of one provider's command
        // builds only that command's, which is a visible part of a short command's time. Anything else (help, an
        // unknown command, no command) gets them all, for the listing and the messages.
        String first = args.length > 0 ? args[0] : "";
        COMMANDS.forEach((name, type) -> {
            if (!COMMANDS.containsKey(first) || name.equals(first)) {
                cli.addSubcommand(name, new CommandLine(type, factory));
            }
        });
        cli.addSubcommand(new HelpCommand());
        cli.registerConverter(java.time.LocalDateTime.class, new TimeConverter());
        addHelp(cli);
        cli.setOut(new PrintWriter(context.out(), true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(context.err(), true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, arguments) -> {
            context.err().println("error: " + e.getMessage());
            context.err().println("try: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            int code = exitCode(e);
            context.err().println("error: " + inUsersWords(e));
            if (root.verbose) {
                e.printStackTrace(context.err());
            }
            return code;
        });
        return cli.execute(args);
    }

    /**
     * Gives every command and subcommand {@code -h}/{@code --help} (even where a required parameter is missing, help
     * wins) and its examples.
     */
    private static void addHelp(CommandLine command) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help and exit.").build());
        }
        String[] examples = Examples.BY_COMMAND.get(spec.qualifiedName());
        if (examples != null) {
            String[] footer = new String[examples.length + 1];
            footer[0] = "%nExamples:";
            for (int i = 0; i < examples.length; i++) {
                footer[i + 1] = "  " + examples[i];
            }
            spec.usageMessage().footer(footer);
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            addHelp(sub);
        }
    }

    /** The message of a failure, in the words of a command-line user rather than those of the SDK's builders. */
    static String inUsersWords(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.startsWith("base URL must use https")) {
            return "--base-url must use https unless it points at this machine; add --allow-http to send requests "
                    + "(and credentials) unencrypted to " + message.substring(message.lastIndexOf(' ') + 1);
        }
        return message;
    }

    static int exitCode(Throwable e) {
        if (e instanceof JobFailedException) {
            return JOB_FAILED;
        }
        if (e instanceof JobWaitTimeoutException) {
            return TIMED_OUT;
        }
        if (e instanceof RequestTimeoutException) {
            return TIMED_OUT;
        }
        if (e instanceof TransportException) {
            return CONNECTION;
        }
        if (e instanceof JobStatusException) {
            return API_ERROR;
        }
        if (e instanceof MissingCredentialsException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return USAGE;
        }
        return API_ERROR;
    }

    /** Reports the SDK version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jobstatus " + UserAgent.SDK_VERSION + " (Java " + System.getProperty("java.version") + ")"};
        }
    }

}
