package dev.jobstatus.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A wait for a job ran out of time before the job finished. Carries the job as last seen, the number of polls
 * and the time spent.
 */
public class JobWaitTimeoutException extends JobStatusException {
    private final String jobId;
    private final transient Object lastJob;
    private final int polls;
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
     */
    public JobWaitTimeoutException(String provider, String jobId, Object lastJob, JobState lastState, int polls, Duration elapsed) {
        super(provider, polls, "gave up waiting for " + provider + " job " + jobId + " after " + elapsed.toMillis()
                + " ms and " + polls + " poll(s); last state " + lastState, null);
        this.jobId = jobId;
        this.lastJob = lastJob;
        this.polls = polls;
        this.elapsed = elapsed;
    }

    /** Returns the job's id. */
    public String jobId() {
        return jobId;
    }

    /** Returns the job as last seen. */
    public Optional<Object> lastJob() {
        return Optional.ofNullable(lastJob);
    }

    /**
     * Returns the job as last seen, as its record type.
     *
     * @throws ClassCastException if the job is not of {@code type}
     */
    public <J> Optional<J> lastJob(Class<J> type) {
        return lastJob().map(type::cast);
    }

    /** Returns the number of polls made. */
    public int polls() {
        return polls;
    }

    /** Returns the time the wait took. */
    public Duration elapsed() {
        return elapsed;
    }
}
