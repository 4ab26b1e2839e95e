package dev.jobstatus.nexudus;

import dev.jobstatus.core.polling.JobState;

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
     * {@return the default mapping, case-insensitive and ignoring surrounding space, {@code _} and {@code -}:
     * completed, complete, finished, succeeded, success, done → SUCCEEDED; failed, failure, error, errored,
     * cancelled, canceled, aborted → FAILED; running, processing, in progress, started → RUNNING; pending, queued,
     * new, scheduled, waiting → PENDING; anything else UNKNOWN}
     */
    static StatusClassifier defaults() {
        return DefaultStatusClassifier.INSTANCE;
    }
}
