package dev.jobstatus.nexudus;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.paging.PagedIterable;
import dev.jobstatus.core.polling.JobWaiter;
import dev.jobstatus.core.watch.JobWatcher;
import dev.jobstatus.core.watch.WatchListener;
import dev.jobstatus.core.watch.WatchOptions;
import dev.jobstatus.nexudus.model.BackgroundJobPage;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.nexudus.model.BusinessBackgroundJobSummary;
import java.util.concurrent.CompletableFuture;

/**
 * Nexudus business background jobs ({@code /api/sys/businessbackgroundjobs}): read one, list them, wait for one.
 * Obtained from {@link NexudusClient#backgroundJobs()}; thread-safe.
 */
public interface BackgroundJobs {
    /**
     * {@return this resource with {@code options} for every call made through it}: a deadline that bounds each
     * call (or a whole listing) and a retry policy, without building another client. Waits keep their own timeout,
     * the poll policy's, and each poll also keeps within {@code options}.
     *
     * @param options the deadline and retry policy
     */
    BackgroundJobs withOptions(RequestOptions options);

    /**
     * {@return the full record of job {@code id}}
     *
     * @param id the job's id
     * @throws dev.jobstatus.core.exception.NotFoundException if there is no such job
     * @throws dev.jobstatus.core.exception.JobStatusException for any other failure, after retries where allowed
     */
    BusinessBackgroundJob get(long id);

    /**
     * Fetches job {@code id} without blocking.
     *
     * @param id the job's id
     * @return a future completed with the job, or exceptionally as {@link #get(long)} would throw
     */
    CompletableFuture<BusinessBackgroundJob> getAsync(long id);

    /**
     * {@return one page of the listing, with Nexudus's paging envelope} Listed jobs are summaries: the listing leaves
     * out {@code ResultData}.
     *
     * @param query the filters, sort, page and size
     * @throws dev.jobstatus.core.exception.MalformedResponseException if the answer is not a listing, such as one
     *     without its {@code Records} array
     * @throws dev.jobstatus.core.exception.JobStatusException if the request fails, after retries where allowed
     */
    BackgroundJobPage list(BackgroundJobQuery query);

    /**
     * {@return every job matching {@code query}, fetched page by page as it is consumed, in pages of 1000 unless the
     * query sets a size, starting at the query's page (or 1)} A job pushed onto the next page by records inserted
     * meanwhile is yielded once. Iteration stops when Nexudus reports no next page or at its {@code TotalPages}; an
     * empty page that announces a next one is followed, up to {@link PagedIterable#MAX_EMPTY_PAGES_IN_A_ROW} in a row.
     * Errors come from iteration: a page without its {@code Records} array is a
     * {@link dev.jobstatus.core.exception.MalformedResponseException}, and too many empty pages, or a next page past
     * {@link Integer#MAX_VALUE}, a {@link dev.jobstatus.core.exception.PagingException}.
     *
     * @param query the filters and sort; its page and size say where to start and how many per request
     */
    PagedIterable<BusinessBackgroundJobSummary> listAll(BackgroundJobQuery query);

    /**
     * {@return a waiter for job {@code id}, using the client's poll policy until told otherwise} The job's state
     * comes from the client's {@link StatusClassifier}; a status it cannot place keeps the wait polling.
     *
     * @param id the job's id
     */
    JobWaiter<BusinessBackgroundJob> waiter(long id);

    /**
     * {@return a watcher of many jobs at once, with no job yet: add them with {@link JobWatcher#add(String)}} The
     * listing does the polling: one round is one listing of the jobs updated since the round before (a page per 1000
     * changes), however many jobs are watched; a job no listing shows (an old one, or one the listing cannot find)
     * falls back to a get, a few per round, and a refused listing to a get per job. A job that ends is reported as the
     * listing has it, without {@code ResultData}, unless {@link WatchOptions#fullRecords()} asks for one get each.
     * Intervals and the timeout are {@code options}' poll policy, or the client's.
     *
     * @param options the poll policy and whether ended jobs are fetched in full
     * @param listener told of each change and end, on an SDK thread
     */
    JobWatcher<BusinessBackgroundJob> watcher(
            WatchOptions options, WatchListener<? super BusinessBackgroundJob> listener);

    /**
     * {@return a watcher of many jobs at once, as {@link #watcher(WatchOptions, WatchListener)} without a listener}
     *
     * @param options the poll policy and whether ended jobs are fetched in full
     */
    default JobWatcher<BusinessBackgroundJob> watcher(WatchOptions options) {
        return watcher(options, WatchListener.none());
    }

    /**
     * Waits, blocking, until job {@code id} has ended, and returns it whether it succeeded or
     * failed (the wait does not throw for a failed job: check {@code state()}, or use
     * {@code waiter(...).awaitSuccess()}, which does).
     *
     * @param id the job's id
     * @return the job, succeeded or failed
     * @throws dev.jobstatus.core.exception.JobWaitTimeoutException if the poll policy's timeout passes first
     * @throws dev.jobstatus.core.exception.JobStatusException if a poll fails after retries
     */
    default BusinessBackgroundJob waitFor(long id) {
        return waiter(id).await();
    }
}
