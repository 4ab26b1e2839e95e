package dev.jobstatus.wix;

import dev.jobstatus.core.JobWaiter;
import dev.jobstatus.core.PagedIterable;
import dev.jobstatus.wix.model.AsyncJob;
import dev.jobstatus.wix.model.AsyncJobItem;
import dev.jobstatus.wix.model.AsyncJobItemsPage;
import java.util.concurrent.CompletableFuture;

/**
 * Wix async jobs: read one, list the items it processed, wait for it. Obtained from {@link WixClient#asyncJobs()};
 * thread-safe.
 */
public interface AsyncJobs {
    /**
     * Returns job {@code jobId}.
     *
     * @throws IllegalArgumentException if the id is null or blank
     * @throws dev.jobstatus.core.NotFoundException if there is no such job
     * @throws dev.jobstatus.core.JobStatusException for any other failure, after retries where allowed
     */
    AsyncJob get(String jobId);

    /**
     * Fetches job {@code jobId} without blocking.
     *
     * @return a future completed with the job, or exceptionally as {@link #get(String)} would throw
     */
    CompletableFuture<AsyncJob> getAsync(String jobId);

    /**
     * Returns one page of the job's items.
     *
     * @throws dev.jobstatus.core.JobStatusException if the request fails, after retries where allowed
     */
    AsyncJobItemsPage items(String jobId, AsyncJobItemsQuery query);

    /**
     * Returns every item of the job matching {@code query}, following Wix's cursors page by page as the items are
     * consumed, starting at the query's cursor if it has one.
     */
    PagedIterable<AsyncJobItem> listItems(String jobId, AsyncJobItemsQuery query);

    /**
     * Returns a waiter for job {@code jobId}, which ends on FINISHED or FAILED; each poll's job carries its
     * counts, so a {@link dev.jobstatus.core.PollListener} can draw progress.
     */
    JobWaiter<AsyncJob> waiter(String jobId);

    /**
     * Waits, blocking, until job {@code jobId} finishes or fails, and returns it.
     *
     * @throws dev.jobstatus.core.JobWaitTimeoutException if the client's poll timeout passes first
     * @throws dev.jobstatus.core.JobStatusException if a poll fails after retries
     */
    default AsyncJob waitFor(String jobId) {
        return waiter(jobId).await();
    }
}
