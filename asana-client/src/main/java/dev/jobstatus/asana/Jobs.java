package dev.jobstatus.asana;

import dev.jobstatus.asana.model.Job;
import dev.jobstatus.core.JobWaiter;
import java.util.concurrent.CompletableFuture;

/** Asana jobs ({@code /jobs/{job_gid}}): read one, wait for one. Obtained from {@link AsanaClient#jobs()}; thread-safe. */
public interface Jobs {
    /**
     * Returns job {@code gid} with Asana's default fields.
     *
     * @throws IllegalArgumentException if the gid is null or blank
     * @throws dev.jobstatus.core.NotFoundException if there is no such job
     * @throws dev.jobstatus.core.JobStatusException for any other failure, after retries where allowed
     */
    default Job get(String gid) {
        return get(gid, JobOptions.none());
    }

    /**
     * Returns job {@code gid} with the optional fields and formatting of {@code options}.
     *
     * @throws IllegalArgumentException if the gid is null or blank
     * @throws dev.jobstatus.core.JobStatusException if the request fails, after retries where allowed
     */
    Job get(String gid, JobOptions options);

    /**
     * Fetches job {@code gid} without blocking.
     *
     * @return a future completed with the job, or exceptionally as {@link #get(String, JobOptions)} would throw
     */
    CompletableFuture<Job> getAsync(String gid, JobOptions options);

    /** Returns a waiter for job {@code gid}, which ends on succeeded or failed. */
    JobWaiter<Job> waiter(String gid);

    /**
     * Waits, blocking, until job {@code gid} succeeds or fails, and returns it.
     *
     * @throws dev.jobstatus.core.JobWaitTimeoutException if the client's poll timeout passes first
     * @throws dev.jobstatus.core.JobStatusException if a poll fails after retries
     */
    default Job waitFor(String gid) {
        return waiter(gid).await();
    }
}
