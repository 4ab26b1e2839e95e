package dev.jobstatus.core.watch;

import dev.jobstatus.core.polling.JobView;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Watches many jobs of one client until each has ended, with the client's pacing: every request it makes goes through
 * the client, so it shares the client's rate limiter (and, with a {@code SharedState}, the quota of every process on the
 * account) with everything else the client does.
 *
 * <p>Obtained from a provider resource ({@code client.backgroundJobs().watcher(options)}); jobs are added and removed
 * while it runs. A job ends when the provider reports it succeeded or failed (its future completes with the job either
 * way), or exceptionally: with a {@link dev.jobstatus.core.exception.JobWaitTimeoutException} naming it when the
 * watcher's timeout (its {@link dev.jobstatus.core.polling.PollPolicy#timeout()}, counted from its creation) passes,
 * with a {@link dev.jobstatus.core.exception.ClientClosedException} when the client is closed, with the request's
 * exception when the provider refuses it (a 404 for an unknown id), or cancelled when the job is removed or the watcher
 * closed. A poll the provider throttles is made again once it allows; when every listing round failed until the
 * timeout, the timeout's cause is the last round's failure. No thread is held between requests: timers run on the client's scheduler. Thread-safe.
 *
 * @param <J> the provider's job record type
 */
public interface JobWatcher<J extends JobView> extends AutoCloseable {
    /**
     * Starts watching job {@code jobId}; a job already added is left as it is.
     *
     * @param jobId the job's id, as the provider spells it
     * @throws IllegalArgumentException if the id cannot be one of the provider's (a Nexudus id is a number)
     * @throws IllegalStateException if the watcher is closed
     */
    void add(String jobId);

    /**
     * Starts watching every job of {@code jobIds}, as {@link #add(String)} does for each.
     *
     * @param jobIds the jobs' ids
     * @throws IllegalArgumentException if an id cannot be one of the provider's; the ids before it are added
     * @throws IllegalStateException if the watcher is closed
     */
    default void addAll(Collection<String> jobIds) {
        jobIds.forEach(this::add);
    }

    /**
     * Stops watching job {@code jobId}: its future is cancelled if it had not ended.
     *
     * @param jobId the job's id
     * @return whether the job was being watched and had not ended
     */
    boolean remove(String jobId);

    /**
     * {@return the future of job {@code jobId}} It completes with the job once it has ended, succeeded or failed, or
     * exceptionally as the class comment says.
     *
     * @param jobId the id of a job added to this watcher
     * @throws IllegalArgumentException if the job was never added
     */
    CompletableFuture<J> awaitAsync(String jobId);

    /**
     * {@return a future completed once no job added so far is pending} It never completes exceptionally: each job's
     * own future says how it ended. A job added after it completed needs a new one.
     */
    CompletableFuture<Void> awaitAllAsync();

    /** {@return the ids of the jobs still pending, in the order they were added} */
    List<String> pending();

    /** Stops watching: every pending job's future is cancelled and no further request is made. Closing twice is harmless. */
    @Override
    void close();
}
