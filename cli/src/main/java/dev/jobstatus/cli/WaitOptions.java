package dev.jobstatus.cli;

import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.JobView;
import dev.jobstatus.core.polling.JobWaiter;
import dev.jobstatus.core.polling.PollPolicy;
import java.time.Duration;
import java.util.function.BiConsumer;
import picocli.CommandLine.Option;

/** The options of {@code wait}: how long at most, and how often to poll at first; and the wait itself. */
final class WaitOptions {
    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10m",
            description = "Give up after this long: 500ms, 90s, 10m, 2h, 1d, sums such as 1h30m, or ISO-8601 such "
                    + "as PT10M (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "1s",
            description = "First interval between polls, written as --timeout; it grows up to 30s (default: "
                    + "${DEFAULT-VALUE}).")
    private Duration interval;

    PollPolicy policy() {
        return PollPolicy.builder()
                .initialInterval(interval)
                .maxInterval(interval.compareTo(Duration.ofSeconds(30)) > 0 ? interval : Duration.ofSeconds(30))
                .timeout(timeout)
                .build();
    }

    /**
     * Waits with {@code waiter}, reporting each poll on stderr, prints the final job, and returns the exit code:
     * 0 if it succeeded, 1 if it failed.
     */
    <J extends JobView> int await(JobWaiter<J> waiter, Output output, String label, BiConsumer<Output, J> print) {
        J job = waiter.policy(policy()).listener(output.progress(label)).await();
        print.accept(output, job);
        return job.state() == JobState.SUCCEEDED ? JobstatusCli.OK : JobstatusCli.JOB_FAILED;
    }
}
