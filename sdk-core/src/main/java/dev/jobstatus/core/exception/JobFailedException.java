package dev.jobstatus.core.exception;

import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.JobView;

/**
 * A job that was expected to succeed ended {@link JobState#FAILED}. Carries the job as last seen.
 */
public class JobFailedException extends JobStatusException {
    private static final long serialVersionUID = 1L;

    /** The job's id. */
    private final String jobId;

    private final transient JobView job;

    /**
     * Creates the exception.
     *
     * @param provider the provider of the job
     * @param jobId the job's id
     * @param job the job record as last seen
     * @param polls the number of polls made
     */
    public JobFailedException(String provider, String jobId, JobView job, int polls) {
        super(provider, polls, provider + " job " + jobId + " ended FAILED after " + polls + " poll(s)");
        this.jobId = jobId;
        this.job = job;
    }

    /** {@return the job's id} */
    public String jobId() {
        return jobId;
    }

    /** {@return the failed job as last seen} */
    public JobView job() {
        return job;
    }

    /**
     * {@return the failed job as its record type}
     *
     * @param <J> the record type
     * @param type the provider's job record class
     * @throws ClassCastException if the job is not of {@code type}
     */
    public <J extends JobView> J job(Class<J> type) {
        return type.cast(job);
    }
}
