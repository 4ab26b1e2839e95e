package dev.jobstatus.cli;

import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.JobView;
import dev.jobstatus.core.watch.JobWatcher;
import dev.jobstatus.core.watch.WatchEvent;
import dev.jobstatus.core.watch.WatchListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * {@code wait ID ID...} and {@code wait -}: one watcher for every job, a line per job as it ends, progress on stderr.
 * Exit 0 when all succeeded, 1 when any failed, 4 when the timeout left some running (they are listed), and the code
 * of the first error otherwise (a job that does not exist).
 */
final class ManyJobs {
    private ManyJobs() {}

    /** Returns the ids given, with {@code -} replaced by the ids read from stdin (whitespace-separated), each once. */
    static List<String> ids(List<String> given, Context context) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : given) {
            if (!id.equals("-")) {
                ids.add(id);
                continue;
            }
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    for (String word : line.strip().split("\\s+")) {
                        if (!word.isEmpty()) {
                            ids.add(word);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read job ids from stdin", e);
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no job id given (stdin had none)");
        }
        return List.copyOf(ids);
    }

    /** Whether {@code ids} asks for the watcher rather than the single wait of one job. */
    static boolean many(List<String> ids) {
        return ids.size() > 1 || ids.get(0).equals("-");
    }

    /**
     * Watches {@code ids} with the watcher {@code start} makes, printing each job as it ends: its record as a JSON line
     * with {@code --json}, else "ID  STATE  STATUS".
     *
     * @param start makes the watcher, given the listener to tell
     * @param status the provider's own word for a job's status
     * @return the exit code
     */
    static <J extends JobView> int watch(
            List<String> ids,
            Function<WatchListener<J>, JobWatcher<J>> start,
            Output output,
            Context context,
            Function<J, Object> status) {
        BlockingQueue<WatchEvent.Ended<? extends J>> ended = new LinkedBlockingQueue<>();
        try (JobWatcher<J> watcher = start.apply(event -> {
            if (event instanceof WatchEvent.Ended<? extends J> end) {
                ended.add(end);
            }
        })) {
            watcher.addAll(ids);
            // Two spellings of one id ("4" and "004") are one job, which ends once.
            int jobs = (int) ids.stream().map(watcher::awaitAsync).distinct().count();
            int failed = 0;
            int errorCode = JobstatusCli.OK;
            List<String> left = new ArrayList<>();
            for (int done = 1; done <= jobs; done++) {
                WatchEvent.Ended<? extends J> end = take(ended);
                J job = end.job();
                if (end.error() instanceof JobWaitTimeoutException) {
                    left.add(end.jobId());
                } else if (end.error() != null) {
                    context.out().flush();
                    context.err().println("error: " + Terminal.text(JobstatusCli.inUsersWords(end.error())));
                    errorCode = errorCode == JobstatusCli.OK ? JobstatusCli.exitCode(end.error()) : errorCode;
                } else if (job != null) {
                    output.line(job, List.of(end.jobId(), job.state(), Terminal.text(status.apply(job))));
                    failed += job.state() == JobState.SUCCEEDED ? 0 : 1;
                }
                output.status((jobs - done) + " running / " + done + " ended");
            }
            if (context.terminal()) {
                context.err().println();
            }
            if (!left.isEmpty()) {
                context.err()
                        .println("error: timed out with " + left.size() + " job(s) still running: "
                                + Terminal.text(String.join(" ", left)));
                return JobstatusCli.TIMED_OUT;
            }
            return errorCode != JobstatusCli.OK ? errorCode : failed > 0 ? JobstatusCli.JOB_FAILED : JobstatusCli.OK;
        }
    }

    private static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
