package dev.jobstatus.core.watch;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link JobWatcher} saw of one job: a change, its end, or polling slowed by the provider's quota.
 *
 * @param <J> the job type
 */
public sealed interface WatchEvent<J> {
    /** {@return the job's id} */
    String jobId();

    /**
     * The job changed and has not ended.
     *
     * @param jobId the job's id
     * @param job the job as now seen
     * @param <J> the job type
     */
    record Changed<J>(String jobId, J job) implements WatchEvent<J> {}

    /**
     * The job ended: the provider reported it succeeded or failed ({@code job} set, {@code error} null), or the watch
     * of it ended otherwise ({@code error} set: a timeout, the client closed, the provider refusing the request).
     *
     * @param jobId the job's id
     * @param job the job as last seen, or {@code null} when never seen
     * @param error why the watch of it ended without its end, or {@code null} when it ended
     * @param <J> the job type
     */
    record Ended<J>(String jobId, @Nullable J job, @Nullable RuntimeException error) implements WatchEvent<J> {}

    /**
     * The interval between two polls of the job was set by the provider's quota (the client's rate limiter) rather than
     * by the poll policy: more jobs are watched than the quota can poll at the policy's pace. Told when that starts for
     * the job, not at every poll.
     *
     * @param jobId the job's id
     * @param policyInterval the interval the poll policy asked for
     * @param interval the interval the quota allowed
     * @param <J> the job type
     */
    record Paced<J>(String jobId, Duration policyInterval, Duration interval) implements WatchEvent<J> {}
}
