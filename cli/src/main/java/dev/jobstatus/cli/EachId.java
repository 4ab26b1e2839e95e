package dev.jobstatus.cli;

import dev.jobstatus.core.exception.AuthenticationException;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code get ID [ID...]}: one record per id, in the order given. An id that fails (a job that does not exist) is
 * reported on stderr and the others still print; the exit code is the worst (highest) of the ids' codes. Refused
 * credentials end the run at once, as every other id would be refused too.
 */
final class EachId {
    private EachId() {}

    /**
     * Runs {@code show} for each id and returns the exit code.
     *
     * @param show gets and prints one record
     */
    static <I> int show(List<I> ids, ProviderCommand command, Output output, Consumer<I> show) {
        if (ids.size() == 1) {
            // One id fails as any command does: its error and code from the command's own handler.
            show.accept(ids.get(0));
            return JobstatusCli.OK;
        }
        Context context = command.context;
        int worst = JobstatusCli.OK;
        boolean printed = false;
        for (I id : ids) {
            try {
                if (printed) {
                    output.gap();
                }
                show.accept(id);
                printed = true;
            } catch (RuntimeException e) {
                context.out().flush();
                String message = id + ": " + JobstatusCli.inUsersWords(e);
                String variables = command.options.credentials();
                boolean refused = e instanceof AuthenticationException;
                context.err()
                        .println("error: "
                                + Terminal.text(
                                        message + (refused && variables != null ? ": check " + variables : "")));
                worst = Math.max(worst, JobstatusCli.exitCode(e));
                if (refused) {
                    break;
                }
            }
        }
        return worst;
    }
}
