package dev.jobstatus.cli;

import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.JobView;
import dev.jobstatus.core.polling.JobWaiter;
import dev.jobstatus.core.polling.PollPolicy;
import java.time.Duration;
import java.util.function.BiConsumer;

/** The options of {@code wait}: how long at most, and how often to poll at first; and the wait itself. */
final class WaitOptions {
    static final Option<Duration> TIMEOUT = Option.value("--timeout", "DURATION", "Give up after this long, e.g. 30s, 10m, 1h",
            Converter.DURATION, "10m");
    static final Option<Duration> INTERVAL = Option.value("--interval", "DURATION",
            "First interval between polls; it grows up to 30s", Converter.DURATION, "1s");
    /** Both, for a command's definition. */
    static final Option<?>[] ALL = {TIMEOUT, INTERVAL};

    private WaitOptions() {
    }

    static PollPolicy policy(Args args) {
        Duration interval = args.get(INTERVAL);
        return PollPolicy.builder().initialInterval(interval).maxInterval(interval.compareTo(Duration.ofSeconds(30)) > 0
                ? interval : Duration.ofSeconds(30)).timeout(args.get(TIMEOUT)).build();
    }

    /**
     * Waits with {@code waiter}, reporting each poll on stderr, prints the final job, and returns the exit code:
     * 0 if it succeeded, 1 if it failed.
     */
    static <J extends JobView> int await(JobWaiter<J> waiter, Args args, Output output, String label, BiConsumer<Output, J> print) {
        J job = waiter.policy(policy(args)).listener(output.progress(label)).await();
        print.accept(output, job);
        return job.state() == JobState.SUCCEEDED ? JobstatusCli.OK : JobstatusCli.JOB_FAILED;
    }
}
