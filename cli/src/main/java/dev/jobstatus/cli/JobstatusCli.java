package dev.jobstatus.cli;

import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.exception.JobFailedException;
import dev.jobstatus.core.exception.JobStatusException;
import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.exception.TransportException;
import dev.jobstatus.core.internal.transport.UserAgent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code jobstatus} command. Exit codes: 0 success (for {@code wait}: the job succeeded), 1 the job
 * failed, 2 usage error (including missing credentials), 3 API error, 4 timed out waiting, 5 connection failure,
 * 6 credentials refused.
 */
@Command(
        name = "jobstatus",
        versionProvider = JobstatusCli.Version.class,
        description = {
            "Read, list and wait for background jobs of Nexudus, Wix and Asana.",
            "Set JOBSTATUS_REDIS_URL (such as redis://127.0.0.1:6379) to share the providers' quotas and tokens with "
                    + "other jobstatus processes.",
            "An argument @FILE is replaced by the arguments in FILE (one per line or separated by spaces; @@ for a literal @)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success; for wait, every job succeeded.",
            "1:A job ended failed.",
            "2:The command line or the credentials' variables were wrong.",
            "3:The API answered with an error, such as no such job.",
            "4:Timed out: a wait, or a --timeout.",
            "5:The API could not be reached.",
            "6:The provider refused the credentials (a wrong password, token or key)."
        },
        footer = {
            "  jobstatus demo",
            "  jobstatus nexudus list --status Failed --created-from 2025-01-01 --limit 20",
            "  jobstatus wix items 076e0505-6944-4645-a248-80b197ee9cfd --status FAILED_ONLY",
            "  jobstatus asana wait 1204715892 --timeout 5m",
            "  jobstatus help nexudus list",
            "  source <(jobstatus completion bash)"
        })
public final class JobstatusCli {
    /**
     * The commands under {@code jobstatus}, in the order its help lists them. picocli reads the annotations of every
     * command it is given (reflection that loads every type the command classes name): a run of one provider's
     * command, or of the demo, gets only that command, which halves the time from main() to the first request.
     * Anything else (help, completion, a mistyped command) gets them all.
     */
    private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();
    /** The commands that run alone. */
    private static final Set<String> STANDALONE = Set.of("nexudus", "wix", "asana", "demo", "simulate");

    static {
        COMMANDS.put("nexudus", NexudusCommand.class);
        COMMANDS.put("wix", WixCommand.class);
        COMMANDS.put("asana", AsanaCommand.class);
        COMMANDS.put("demo", DemoCommand.class);
        COMMANDS.put("simulate", SimulateCommand.class);
        COMMANDS.put("help", HelpCommand.class);
        COMMANDS.put("completion", CompletionCommand.class);
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
    /** The provider refused the credentials: a script can tell a wrong password from a missing job. */
    static final int CREDENTIALS_REFUSED = 6;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "Print version information and exit.")
    private boolean version;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    private boolean verbose;

    private JobstatusCli() {}

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
        String first = args.length > 0 ? args[0] : "";
        COMMANDS.forEach((name, type) -> {
            if (!STANDALONE.contains(first) || name.equals(first)) {
                cli.addSubcommand(name, new CommandLine(type, factory));
            }
        });
        cli.registerConverter(Long.class, Converters.LONG);
        cli.registerConverter(Long.TYPE, Converters.LONG);
        cli.registerConverter(Integer.class, Converters.INT);
        cli.registerConverter(Duration.class, Converters.DURATION);
        cli.registerConverter(LocalDateTime.class, Converters.TIME);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        everyCommand(cli);
        cli.setOut(new PrintWriter(context.out(), true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(context.err(), true, StandardCharsets.UTF_8));
        cli.setExecutionStrategy(JobstatusCli::execute);
        cli.setParameterExceptionHandler((e, arguments) -> usageError(e, context));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            context.out().flush();
            String message = inUsersWords(e);
            if (e instanceof AuthenticationException && commandLine.getCommand() instanceof ProviderCommand command) {
                String variables = command.options.credentials();
                message += variables == null ? "" : ": check " + variables;
            }
            context.err().println("error: " + Terminal.text(message));
            if (root.verbose) {
                e.printStackTrace(context.err());
            }
            return exitCode(e);
        });
        int code = cli.execute(args);
        context.out().flush();
        return code;
    }

    /**
     * What every command has: {@code -h}/{@code --help} (not an inherited option: picocli's commands, such as the
     * help command, bring their own); errors collected rather than thrown at once, so that help wins over a bad
     * value anywhere on the line; and the heading of the examples its help ends with.
     */
    private static void everyCommand(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help")
                    .usageHelp(true)
                    .description("Show this help and exit.")
                    .build());
        }
        spec.parser().collectErrors(true);
        if (spec.usageMessage().footer().length > 0) {
            spec.usageMessage().footerHeading("%nExamples:%n");
        }
        command.getSubcommands().values().forEach(JobstatusCli::everyCommand);
    }

    /** Help or version if asked for anywhere on the line; else the first error parsing found; else the command. */
    private static int execute(ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        for (ParseResult each = parsed; each != null; each = each.subcommand()) {
            if (!each.errors().isEmpty()) {
                Exception first = each.errors().get(0);
                throw first instanceof ParameterException e
                        ? e
                        : new ParameterException(each.commandSpec().commandLine(), first.getMessage(), first);
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /**
     * One line saying what was wrong, the nearest commands for a mistyped one or else picocli's suggestions if it has
     * any, and where to read more.
     */
    private static int usageError(ParameterException e, Context context) {
        context.err().println("error: " + Terminal.text(e.getMessage()));
        String command = e instanceof UnmatchedArgumentException unmatched ? nearestCommand(unmatched) : null;
        StringWriter suggestions = new StringWriter();
        if (command != null) {
            context.err().println(Terminal.text(command));
        } else if (UnmatchedArgumentException.printSuggestions(e, new PrintWriter(suggestions))) {
            suggestions.toString().lines().forEach(line -> context.err().println(Terminal.text(line)));
        }
        context.err().println("try: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
        return USAGE;
    }

    /**
     * "Did you mean: jobstatus nexudus list?" for a word where a command was expected, within a few edits of one
     * (picocli's own similarity misses some, such as hlep for help); {@code null} when none is that near.
     */
    static String nearestCommand(UnmatchedArgumentException e) {
        CommandLine parent = e.getCommandLine();
        List<String> unmatched = e.getUnmatched();
        if (parent.getSubcommands().isEmpty()
                || unmatched.isEmpty()
                || unmatched.get(0).startsWith("-")) {
            return null;
        }
        return didYouMean(parent, unmatched.get(0));
    }

    /** "Did you mean: jobstatus nexudus list?" for the subcommands of {@code parent} nearest {@code word}, or null. */
    static String didYouMean(CommandLine parent, String word) {
        String prefix = parent.getCommandSpec().qualifiedName() + " ";
        List<String> near =
                Choices.nearest(word, List.copyOf(parent.getSubcommands().keySet()));
        return near.isEmpty()
                ? null
                : "Did you mean: "
                        + String.join(" or ", near.stream().map(prefix::concat).toList()) + "?";
    }

    /** The message of a failure, in the words of a command-line user rather than those of the SDK's builders. */
    static String inUsersWords(Throwable e) {
        if (e instanceof AuthenticationException refused) {
            // The status and the provider's code tell the two ways it happens apart: a token endpoint's 400
            // invalid_grant, or a 401 to a call.
            return "the credentials were refused by " + refused.provider() + " (HTTP " + refused.statusCode()
                    + (refused.errorCode() == null ? "" : " " + refused.errorCode()) + ")";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.startsWith("base URL must use https")) {
            return "--base-url must use https unless it points at this machine; add --allow-http to send requests "
                    + "(and credentials) unencrypted to " + message.substring(message.lastIndexOf(' ') + 1);
        }
        if (message.startsWith("not an http or https URL")) {
            return "--base-url is " + message;
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
        if (e instanceof AuthenticationException) {
            return CREDENTIALS_REFUSED;
        }
        if (e instanceof JobStatusException) {
            return API_ERROR;
        }
        if (e instanceof MissingCredentialsException
                || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            return USAGE;
        }
        return API_ERROR;
    }

    /** Reports the SDK version and the Java it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "jobstatus " + UserAgent.SDK_VERSION + " (Java " + System.getProperty("java.version") + ")"
            };
        }
    }
}
