package dev.jobstatus.cli;

import dev.jobstatus.core.exception.JobFailedException;
import dev.jobstatus.core.exception.JobStatusException;
import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.exception.TransportException;
import dev.jobstatus.core.internal.UserAgent;

/**
 * The {@code jobstatus} command. Exit codes: 0 success (for {@code wait}: the job succeeded), 1 the job
 * failed, 2 usage error (including missing credentials), 3 API error, 4 timed out waiting, 5 connection failure.
 */
public final class JobstatusCli {
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

    /**
     * The commands. A hand-written parser over this tree rather than an annotation-driven library: reading the
     * annotations of every command (reflection and proxies) was a third of a short command's time.
     */
    static final Command ROOT = Command.group("jobstatus", "Read, list and wait for background jobs of Nexudus, Wix and Asana.",
                    "Set JOBSTATUS_REDIS_URL (such as redis://127.0.0.1:6379) to share the providers' quotas and tokens with "
                            + "other jobstatus processes.")
            .options(Command.VERSION)
            .subcommands(NexudusCommand.command(), WixCommand.command(), AsanaCommand.command(), DemoCommand.command(),
                    HelpCommand.command())
            .examples("jobstatus demo",
                    "jobstatus nexudus list --status Failed --created-from 2025-01-01 --limit 20",
                    "jobstatus wix items 076e0505-6944-4645-a248-80b197ee9cfd --status FAILED_ONLY",
                    "jobstatus asana wait 1204715892 --timeout 5m",
                    "jobstatus help nexudus list");

    private JobstatusCli() {
    }

    /** Runs the command with the process's environment and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, new Context(System.getenv(), System.out, System.err, System.console() != null)));
    }

    /** Runs the command and returns its exit code. */
    static int run(String[] args, Context context) {
        Parser.Invocation invocation;
        try {
            invocation = Parser.parse(ROOT, args);
        } catch (UsageException e) {
            return usageError(e, context);
        }
        if (invocation.help()) {
            context.out().print(Help.of(invocation.command()));
            context.out().flush();
            return OK;
        }
        if (invocation.version()) {
            context.out().println("jobstatus " + UserAgent.SDK_VERSION + " (Java " + System.getProperty("java.version") + ")");
            return OK;
        }
        try {
            int code = invocation.command().action().run(invocation.args(), context);
            context.out().flush();
            return code;
        } catch (UsageException e) {
            return usageError(e, context);
        } catch (RuntimeException e) {
            context.out().flush();
            context.err().println("error: " + Terminal.text(inUsersWords(e)));
            if (invocation.args().flag(Command.VERBOSE)) {
                e.printStackTrace(context.err());
            }
            return exitCode(e);
        }
    }

    private static int usageError(UsageException e, Context context) {
        context.err().println("error: " + Terminal.text(e.getMessage()));
        context.err().println("try: " + e.command().qualifiedName() + " --help");
        return USAGE;
    }

    /** The message of a failure, in the words of a command-line user rather than those of the SDK's builders. */
    static String inUsersWords(Throwable e) {
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
        if (e instanceof JobStatusException) {
            return API_ERROR;
        }
        if (e instanceof MissingCredentialsException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return USAGE;
        }
        return API_ERROR;
    }
}
