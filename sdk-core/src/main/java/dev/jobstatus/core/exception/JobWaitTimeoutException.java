package dev.jobstatus.core.exception;

import dev.jobstatus.core.internal.text.Text;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.JobView;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A wait for a job ran out of time before the job finished. Carries the job as last seen, the number of polls
 * and the time spent.
 */
public class JobWaitTimeoutException extends JobStatusException {
    private static final long serialVersionUID = 1L;

    /** The job's id. */
    private final String jobId;

    private final transient @Nullable JobView lastJob;
    /** The polls made. */
    private final int polls;
    /** The time the wait took. */
    private final Duration elapsed;

    /**
     * Creates the exception.
     *
     * @param provider the provider of the job
     * @param jobId the job's id
     * @param lastJob the job as last seen, or {@code null} if no poll succeeded
     * @param lastState the state last seen, or {@code null}
     * @param polls the number of polls made
     * @param elapsed the time the wait took
     * @param timeout the wait's timeout
     */
    public JobWaitTimeoutException(
            String provider,
            String jobId,
            @Nullable JobView lastJob,
            @Nullable JobState lastState,
            int polls,
            Duration elapsed,
            Duration timeout) {
        this(provider, jobId, lastJob, lastState, polls, elapsed, timeout, null);
    }

    /**
     * Creates the exception for a wait whose last poll failed as its time ran out; when no poll had answered, the
     * message says so, and why.
     *
     * @param provider the provider of the job
     * @param jobId the job's id
     * @param lastJob the job as last seen, or {@code null} if no poll succeeded
     * @param lastState the state last seen, or {@code null} if no poll succeeded
     * @param polls the number of polls made
     * @param elapsed the time the wait took
     * @param timeout the wait's timeout
     * @param lastPollFailure why the last poll failed, or {@code null} when none did
     */
    public JobWaitTimeoutException(
            String provider,
            String jobId,
            @Nullable JobView lastJob,
            @Nullable JobState lastState,
            int polls,
            Duration elapsed,
            Duration timeout,
            @Nullable Throwable lastPollFailure) {
        super(
                provider,
                polls,
                "gave up waiting for " + provider + " job " + jobId + ": its " + timeout.toMillis() + " ms timeout "
                        + (elapsed.compareTo(timeout) < 0
                                // The wait stops early when its next poll could not be answered within the timeout.
                                ? "would pass before the next poll (after " + elapsed.toMillis() + " ms and " + polls
                                        + " poll(s)); "
                                : "passed after " + elapsed.toMillis() + " ms and " + polls + " poll(s); ")
                        + lastSeen(lastState, lastPollFailure),
                lastPollFailure);
        this.jobId = jobId;
        this.lastJob = lastJob;
        this.polls = polls;
        this.elapsed = elapsed;
    }

    private static String lastSeen(@Nullable JobState lastState, @Nullable Throwable lastPollFailure) {
        if (lastState != null) {
            return "last state " + lastState;
        }
        if (lastPollFailure == null) {
            return "no poll answered yet";
        }
        String why = lastPollFailure.getMessage() == null
                ? lastPollFailure.getClass().getSimpleName()
                : lastPollFailure.getMessage();
        return "no poll answered yet (the last one: " + Text.escape(Text.clip(why, 400)) + ")";
    }

    /** {@return the job's id} */
    public String jobId() {
        return jobId;
    }

    /** {@return the job as last seen, or {@code null} when no poll returned one} */
    public @Nullable JobView lastJob() {
        return lastJob;
    }

    /**
     * {@return the job as last seen, as its record type, or {@code null} when no poll returned one}
     *
     * @param <J> the record type
     * @param type the provider's job record class
     * @throws ClassCastException if the job is not of {@code type}
     */
    public <J extends JobView> @Nullable J lastJob(Class<J> type) {
        return type.cast(lastJob);
    }

    /** {@return the number of polls made} */
    public int polls() {
        return polls;
    }

    /** {@return the time the wait took} */
    public Duration elapsed() {
        return elapsed;
    }
}
