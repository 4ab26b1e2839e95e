package dev.jobstatus.asana;

import dev.jobstatus.asana.model.Job;
import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.polling.JobWaiter;
import dev.jobstatus.core.watch.JobWatcher;
import dev.jobstatus.core.watch.WatchListener;
import dev.jobstatus.core.watch.WatchOptions;
import java.util.concurrent.CompletableFuture;

/** Asana jobs ({@code /jobs/{job_gid}}): read one, wait for one. Obtained from {@link AsanaClient#jobs()}; thread-safe. */
public interface Jobs {
    /**
     * {@return this resource with {@code options} for every call made through it}: a deadline that bounds each
     * call (or a whole listing) and a retry policy, without building another client. Waits keep their own timeout,
     * the poll policy's, and each poll also keeps within {@code options}.
     *
     * @param options the deadline and retry policy
     */
    Jobs withOptions(RequestOptions options);

    /**
     * {@return job {@code gid} with Asana's default fields}
     *
     * @param gid the job's gid
     * @throws IllegalArgumentException if the gid is null or blank
     * @throws dev.jobstatus.core.exception.NotFoundException if there is no such job
     * @throws dev.jobstatus.core.exception.JobStatusException for any other failure, after retries where allowed
     */
    default Job get(String gid) {
        return get(gid, JobOptions.none());
    }

    /**
     * {@return job {@code gid} with the optional fields and formatting of {@code options}}
     *
     * @param gid the job's gid
     * @param options optional fields and formatting
     * @throws IllegalArgumentException if the gid is null or blank
     * @throws dev.jobstatus.core.exception.JobStatusException if the request fails, after retries where allowed
     */
    Job get(String gid, JobOptions options);

    /**
     * Fetches job {@code gid} with Asana's default fields without blocking.
     *
     * @param gid the job's gid
     * @return a future completed with the job, or exceptionally as {@link #get(String)} would throw
     */
    default CompletableFuture<Job> getAsync(String gid) {
        return getAsync(gid, JobOptions.none());
    }

    /**
     * Fetches job {@code gid} without blocking.
     *
     * @param gid the job's gid
     * @param options optional fields and formatting
     * @return a future completed with the job, or exceptionally as {@link #get(String, JobOptions)} would throw
     */
    CompletableFuture<Job> getAsync(String gid, JobOptions options);

    /**
     * {@return a waiter for job {@code gid} with Asana's default fields, which ends on succeeded or failed}
     *
     * @param gid the job's gid
     */
    default JobWaiter<Job> waiter(String gid) {
        return waiter(gid, JobOptions.none());
    }

    /**
     * {@return a waiter for job {@code gid} that polls with {@code options}, which ends on succeeded or failed} The
     * options ask for {@code status} as well as the fields they name, unless told not to (and then the wait cannot
     * see the job end).
     *
     * @param gid the job's gid
     * @param options the fields each poll returns, and formatting
     */
    JobWaiter<Job> waiter(String gid, JobOptions options);

    /**
     * {@return a watcher of many jobs at once, with no job yet: add them with {@link JobWatcher#add(String)}} Asana
     * has no listing of jobs, so each poll is one get: the watcher sends them the job due soonest first, each job's
     * interval growing with its age as the poll policy says, and never faster than the client's rate limiter allows
     * (with a {@code SharedState}, the quota shared by every process on the account); when the quota rather than the
     * policy sets a job's interval, the listener is told ({@link dev.jobstatus.core.watch.WatchEvent.Paced}).
     * Intervals and the timeout are {@code options}' poll policy, or the client's.
     *
     * @param jobOptions the fields each get returns (with {@code status}, as for {@link #waiter(String, JobOptions)})
     * @param options the poll policy
     * @param listener told of each change and end, on an SDK thread
     */
    JobWatcher<Job> watcher(JobOptions jobOptions, WatchOptions options, WatchListener<? super Job> listener);

    /**
     * {@return a watcher of many jobs at once, with Asana's default fields}
     *
     * @param options the poll policy
     * @param listener told of each change and end, on an SDK thread
     */
    default JobWatcher<Job> watcher(WatchOptions options, WatchListener<? super Job> listener) {
        return watcher(JobOptions.none(), options, listener);
    }

    /**
     * {@return a watcher of many jobs at once, with Asana's default fields and no listener}
     *
     * @param options the poll policy
     */
    default JobWatcher<Job> watcher(WatchOptions options) {
        return watcher(JobOptions.none(), options, WatchListener.none());
    }

    /**
     * Waits, blocking, until job {@code gid} has ended, and returns it whether it succeeded or
     * failed (the wait does not throw for a failed job: check {@code state()}, or use
     * {@code waiter(...).awaitSuccess()}, which does).
     *
     * @param gid the job's gid
     * @return the job, succeeded or failed
     * @throws dev.jobstatus.core.exception.JobWaitTimeoutException if the poll policy's timeout passes first
     * @throws dev.jobstatus.core.exception.JobStatusException if a poll fails after retries
     */
    default Job waitFor(String gid) {
        return waiter(gid).await();
    }

    /**
     * Waits, blocking, until job {@code gid} has ended, polling with {@code options}, and returns it whether it succeeded or
     * failed (the wait does not throw for a failed job: check {@code state()}, or use
     * {@code waiter(...).awaitSuccess()}, which does).
     *
     * @param gid the job's gid
     * @param options the fields each poll returns, and formatting
     * @return the job, succeeded or failed
     * @throws dev.jobstatus.core.exception.JobWaitTimeoutException if the poll policy's timeout passes first
     * @throws dev.jobstatus.core.exception.JobStatusException if a poll fails after retries
     */
    default Job waitFor(String gid, JobOptions options) {
        return waiter(gid, options).await();
    }
}
