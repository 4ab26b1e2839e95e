package dev.jobstatus.wix;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.paging.PagedIterable;
import dev.jobstatus.core.polling.JobWaiter;
import dev.jobstatus.core.watch.JobWatcher;
import dev.jobstatus.core.watch.WatchListener;
import dev.jobstatus.core.watch.WatchOptions;
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
     * {@return this resource with {@code options} for every call made through it}: a deadline that bounds each
     * call (or a whole listing) and a retry policy, without building another client. Waits keep their own timeout,
     * the poll policy's, and each poll also keeps within {@code options}.
     *
     * @param options the deadline and retry policy
     */
    AsyncJobs withOptions(RequestOptions options);

    /**
     * {@return job {@code jobId}}
     *
     * @param jobId the job's id
     * @throws IllegalArgumentException if the id is null or blank
     * @throws dev.jobstatus.core.exception.NotFoundException if there is no such job
     * @throws dev.jobstatus.core.exception.JobStatusException for any other failure, after retries where allowed
     */
    AsyncJob get(String jobId);

    /**
     * Fetches job {@code jobId} without blocking.
     *
     * @param jobId the job's id
     * @return a future completed with the job, or exceptionally as {@link #get(String)} would throw
     */
    CompletableFuture<AsyncJob> getAsync(String jobId);

    /**
     * {@return one page of the job's items}
     *
     * @param jobId the job's id
     * @param query the filter, page size and cursor
     * @throws dev.jobstatus.core.exception.MalformedResponseException if the answer is not a page of items, such as
     *     one without its {@code results} array
     * @throws dev.jobstatus.core.exception.JobStatusException if the request fails, after retries where allowed
     */
    AsyncJobItemsPage listItems(String jobId, AsyncJobItemsQuery query);

    /**
     * {@return every item of the job matching {@code query}, following Wix's cursors page by page as the items are
     * consumed, starting at the query's cursor if it has one} An empty page whose next cursor is present is followed,
     * up to {@link PagedIterable#MAX_EMPTY_PAGES_IN_A_ROW} in a row; errors, as {@link #listItems} throws them or a
     * {@link dev.jobstatus.core.exception.PagingException} for a server that loops or sends too many empty pages, come
     * from iteration.
     *
     * @param jobId the job's id
     * @param query the filter, page size and starting cursor
     */
    PagedIterable<AsyncJobItem> listAllItems(String jobId, AsyncJobItemsQuery query);

    /**
     * {@return a waiter for job {@code jobId}, which ends on FINISHED or FAILED; each poll's job carries its counts,
     * so a {@link dev.jobstatus.core.polling.PollListener} can draw progress}
     *
     * @param jobId the job's id
     */
    JobWaiter<AsyncJob> waiter(String jobId);

    /**
     * {@return a watcher of many jobs at once, with no job yet: add them with {@link JobWatcher#add(String)}} Wix
     * has no listing of jobs, so each poll is one get: the watcher sends them the job due soonest first, each job's
     * interval growing with its age as the poll policy says, and never faster than the client's rate limiter allows
     * (with a {@code SharedState}, the quota shared by every process on the account); when the quota rather than the
     * policy sets a job's interval, the listener is told ({@link dev.jobstatus.core.watch.WatchEvent.Paced}).
     * Intervals and the timeout are {@code options}' poll policy, or the client's.
     *
     * @param options the poll policy
     * @param listener told of each change and end, on an SDK thread
     */
    JobWatcher<AsyncJob> watcher(WatchOptions options, WatchListener<? super AsyncJob> listener);

    /**
     * {@return a watcher of many jobs at once, as {@link #watcher(WatchOptions, WatchListener)} without a listener}
     *
     * @param options the poll policy
     */
    default JobWatcher<AsyncJob> watcher(WatchOptions options) {
        return watcher(options, WatchListener.none());
    }

    /**
     * Waits, blocking, until job {@code jobId} has ended, and returns it whether it succeeded or
     * failed (the wait does not throw for a failed job: check {@code state()}, or use
     * {@code waiter(...).awaitSuccess()}, which does).
     *
     * @param jobId the job's id
     * @return the job, finished or failed
     * @throws dev.jobstatus.core.exception.JobWaitTimeoutException if the poll policy's timeout passes first
     * @throws dev.jobstatus.core.exception.JobStatusException if a poll fails after retries
     */
    default AsyncJob waitFor(String jobId) {
        return waiter(jobId).await();
    }
}
