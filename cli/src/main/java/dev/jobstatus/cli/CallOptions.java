package dev.jobstatus.cli;

import dev.jobstatus.core.RequestOptions;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;

/** {@code --timeout} of the commands that call an API once or page by page: one deadline for the whole command. */
final class CallOptions {
    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            description = "Give up after this long in all, retries and pages included: 500ms, 90s, 10m, 2h, 1d, "
                    + "sums such as 1h30m, or ISO-8601 such as PT10M (default: no bound but the SDK's own, 2m a call).")
    private Duration timeout;

    /** Returns the options of the command's calls: its deadline, counted from now. */
    RequestOptions requestOptions() {
        return timeout == null
                ? RequestOptions.defaults()
                : RequestOptions.builder().deadline(Instant.now().plus(timeout)).build();
    }
}
