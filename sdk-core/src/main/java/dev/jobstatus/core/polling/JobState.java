package dev.jobstatus.core.polling;

/** Where a background job is in its life, the same for every provider. */
public enum JobState {
    /** Created, not started. */
    PENDING,
    /** Started, not finished. */
    RUNNING,
    /** Finished successfully. */
    SUCCEEDED,
    /** Finished unsuccessfully. */
    FAILED,
    /** A status the SDK cannot place; a wait keeps polling until its timeout. */
    UNKNOWN;

    /** {@return whether the job has finished, successfully or not} */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
