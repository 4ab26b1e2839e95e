package dev.jobstatus.nexudus;

import dev.jobstatus.core.JobState;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a Nexudus job {@code Status} to the common {@link JobState}. Nexudus does not document its status values,
 * so the mapping is a policy the caller can replace.
 */
@FunctionalInterface
public interface StatusClassifier {
    /**
     * Returns the state for {@code status}.
     *
     * @param status the status as Nexudus sent it, possibly {@code null}
     * @return the state; never {@code null} ({@link JobState#UNKNOWN} keeps a wait polling)
     */
    JobState classify(String status);

    /**
     * Returns the default mapping, case-insensitive and ignoring surrounding space, {@code _} and {@code -}:
     * completed, complete, finished, succeeded, success, done → SUCCEEDED; failed, failure, error, errored,
     * cancelled, canceled, aborted → FAILED; running, processing, in progress, started → RUNNING; pending,
     * queued, new, scheduled, waiting → PENDING; anything else UNKNOWN.
     */
    static StatusClassifier defaults() {
        Map<String, JobState> words = Map.ofEntries(
                Map.entry("completed", JobState.SUCCEEDED), Map.entry("complete", JobState.SUCCEEDED),
                Map.entry("finished", JobState.SUCCEEDED), Map.entry("succeeded", JobState.SUCCEEDED),
                Map.entry("success", JobState.SUCCEEDED), Map.entry("done", JobState.SUCCEEDED),
                Map.entry("failed", JobState.FAILED), Map.entry("failure", JobState.FAILED),
                Map.entry("error", JobState.FAILED), Map.entry("errored", JobState.FAILED),
                Map.entry("cancelled", JobState.FAILED), Map.entry("canceled", JobState.FAILED),
                Map.entry("aborted", JobState.FAILED),
                Map.entry("running", JobState.RUNNING), Map.entry("processing", JobState.RUNNING),
                Map.entry("in progress", JobState.RUNNING), Map.entry("started", JobState.RUNNING),
                Map.entry("pending", JobState.PENDING), Map.entry("queued", JobState.PENDING),
                Map.entry("new", JobState.PENDING), Map.entry("scheduled", JobState.PENDING),
                Map.entry("waiting", JobState.PENDING));
        return status -> status == null ? JobState.UNKNOWN : words.getOrDefault(
                status.strip().replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT),
                JobState.UNKNOWN);
    }
}
