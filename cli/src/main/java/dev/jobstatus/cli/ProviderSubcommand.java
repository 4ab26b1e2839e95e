package dev.jobstatus.cli;

import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.JobView;
import dev.jobstatus.core.polling.JobWaiter;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Mixin;

/** What every provider subcommand has: the run's context and the provider options. */
abstract class ProviderSubcommand implements Callable<Integer> {
    protected final Context context;

    @Mixin
    ProviderOptions options;

    ProviderSubcommand(Context context) {
        this.context = context;
    }

    Output output() {
        return new Output(context, options.json);
    }

    /**
     * Waits with {@code waiter}, reporting each poll on stderr, prints the final job, and returns the exit code:
     * 0 if it succeeded, 1 if it failed.
     */
    <J extends JobView> int await(JobWaiter<J> waiter, WaitOptions wait, String label, BiConsumer<Output, J> print) {
        Output output = output();
        J job = waiter.policy(wait.policy()).listener(output.progress(label)).await();
        print.accept(output, job);
        return job.state() == JobState.SUCCEEDED ? JobstatusCli.OK : JobstatusCli.JOB_FAILED;
    }
}
