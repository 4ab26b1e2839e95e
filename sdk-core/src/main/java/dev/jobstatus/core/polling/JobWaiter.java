package dev.jobstatus.core.polling;

import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.exception.JobFailedException;
import dev.jobstatus.core.exception.JobStatusException;
import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.internal.timing.Durations;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Waits for one job to finish by polling it, blocking or asynchronously.
 *
 * <p>Obtained from a provider client (for example {@code client.jobs().waiter(gid)}); configure it with
 * {@link #policy(PollPolicy)} and {@link #listener(PollListener)}, then call {@link #await()} or
 * {@link #awaitAsync()}. Each poll is one API call with the client's retries and rate limit, so transient
 * errors are retried there; an error that survives them (a 404, 401 or 403 at once) ends the wait with that
 * exception. Immutable and thread-safe; a waiter can be reused, each call starting a new wait.
 *
 * @param <J> the provider's job record type
 */
public final class JobWaiter<J extends JobView> {
    private final String provider;
    private final String jobId;
    private final PollSource<J> source;
    private final TimeSource time;
    private final Supplier<ScheduledExecutorService> scheduler;
    private final PollPolicy policy;
    private static final System.Logger LOG = System.getLogger("dev.jobstatus.core");

    private final PollListener<? super J> listener;
    private final DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    /**
     * Fetches the job once, for a {@link JobWaiter}; provider clients supply it.
     *
     * @param <J> the job record type
     */
    public interface PollSource<J> {
        /**
         * Fetches the job, blocking, within the wait's deadline: no attempt outlives it.
         *
         * @param deadlineNanos when the wait ends, on the waiter's {@code TimeSource.nanoTime()}
         * @return the response
         */
        ApiResponse<J> poll(long deadlineNanos);

        /**
         * Fetches the job without blocking, within the wait's deadline; cancelling the future cancels the request.
         *
         * @param deadlineNanos when the wait ends, on the waiter's {@code TimeSource.nanoTime()}
         * @return a future completed with the response
         */
        CompletableFuture<ApiResponse<J>> pollAsync(long deadlineNanos);

        /** {@return the observer of a wait that starts now; by default none} */
        default ClientListener.Operation waitStarted() {
            return ClientListener.Operation.NONE;
        }

        /**
         * Fetches the job, blocking, as one poll of {@code wait}; by default as {@link #poll(long)}.
         *
         * @param deadlineNanos when the wait ends, on the waiter's {@code TimeSource.nanoTime()}
         * @param wait the observer of the wait this poll is part of
         * @return the response
         */
        default ApiResponse<J> poll(long deadlineNanos, ClientListener.Operation wait) {
            return poll(deadlineNanos);
        }

        /**
         * Fetches the job without blocking, as one poll of {@code wait}; by default as {@link #pollAsync(long)}.
         *
         * @param deadlineNanos when the wait ends, on the waiter's {@code TimeSource.nanoTime()}
         * @param wait the observer of the wait this poll is part of
         * @return a future completed with the response
         */
        default CompletableFuture<ApiResponse<J>> pollAsync(long deadlineNanos, ClientListener.Operation wait) {
            return pollAsync(deadlineNanos);
        }

        /**
         * Arranges for an asynchronous wait to end if the client this source polls through is closed while the wait is
         * in progress, between polls included: {@code onClose} is then called with the exception to end it with (at
         * once if the client is closed already). By default nothing is arranged.
         *
         * @param onClose ends the wait with the exception it is given
         * @return undoes the arrangement; run when the wait ends
         */
        default Runnable whenClosed(Consumer<? super RuntimeException> onClose) {
            return () -> {};
        }
    }

    private JobWaiter(
            String provider,
            String jobId,
            PollSource<J> source,
            TimeSource time,
            Supplier<ScheduledExecutorService> scheduler,
            PollPolicy policy,
            PollListener<? super J> listener) {
        this.provider = provider;
        this.jobId = jobId;
        this.source = source;
        this.time = time;
        this.scheduler = scheduler;
        this.policy = policy;
        this.listener = listener;
    }

    /**
     * {@return a waiter with the default {@link PollPolicy}; for provider clients}
     *
     * @param <J> the provider's job record type
     * @param provider the provider name
     * @param jobId the job's id, for messages
     * @param source fetches the job
     * @param time the clock and sleeper of blocking waits and of timeouts
     * @param scheduler the scheduler of asynchronous waits' timers
     */
    public static <J extends JobView> JobWaiter<J> create(
            String provider,
            String jobId,
            PollSource<J> source,
            TimeSource time,
            Supplier<ScheduledExecutorService> scheduler) {
        return new JobWaiter<>(
                Objects.requireNonNull(provider),
                Objects.requireNonNull(jobId),
                Objects.requireNonNull(source),
                Objects.requireNonNull(time),
                Objects.requireNonNull(scheduler),
                PollPolicy.defaults(),
                PollListener.none());
    }

    /**
     * Returns a copy of this waiter that polls by {@code policy}.
     *
     * @param policy how to poll
     * @return the copy
     */
    public JobWaiter<J> policy(PollPolicy policy) {
        return new JobWaiter<>(provider, jobId, source, time, scheduler, Objects.requireNonNull(policy), listener);
    }

    /**
     * {@return a copy of this waiter that tells {@code listener} of every poll}
     *
     * @param listener told of each poll, on the polling thread
     */
    public JobWaiter<J> listener(PollListener<? super J> listener) {
        return new JobWaiter<>(provider, jobId, source, time, scheduler, policy, Objects.requireNonNull(listener));
    }

    /**
     * {@return a copy of this waiter whose asynchronous waits time their polls on the caller's {@code executor}}
     *
     * @param executor the caller's scheduler, never shut down by the SDK
     */
    public JobWaiter<J> scheduler(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor);
        return new JobWaiter<>(provider, jobId, source, time, () -> executor, policy, listener);
    }

    /** {@return the job's id} */
    public String jobId() {
        return jobId;
    }

    /**
     * Polls until the job is terminal and returns it, whether it {@link JobState#SUCCEEDED} or {@link
     * JobState#FAILED}.
     *
     * @return the job, succeeded or failed
     * @throws JobWaitTimeoutException if the policy's timeout passes first
     * @throws InterruptedOperationException if the thread is interrupted (its flag stays set)
     * @throws JobStatusException if a poll fails after the client's retries
     */
    public J await() {
        return awaitBlocking(false);
    }

    /**
     * Polls until the job is terminal and returns it if it succeeded.
     *
     * @return the job, succeeded
     * @throws JobFailedException if the job ended {@link JobState#FAILED}
     * @throws JobWaitTimeoutException if the policy's timeout passes first
     * @throws InterruptedOperationException if the thread is interrupted (its flag stays set)
     * @throws JobStatusException if a poll fails after the client's retries
     */
    public J awaitSuccess() {
        return awaitBlocking(true);
    }

    /**
     * Starts polling without blocking; no thread is held between polls. Cancelling the future stops further
     * polls and cancels the request in flight; so does closing the client, which completes the future exceptionally
     * with a {@link dev.jobstatus.core.exception.ClientClosedException}.
     *
     * @return a future completed with the terminal job, or exceptionally as {@link #await()} would throw
     */
    public CompletableFuture<J> awaitAsync() {
        return new AsyncWait<>(this, false).start();
    }

    /**
     * As {@link #awaitAsync()}, but the future fails with {@link JobFailedException} if the job ended FAILED.
     *
     * @return a future completed with the succeeded job
     */
    public CompletableFuture<J> awaitSuccessAsync() {
        return new AsyncWait<>(this, true).start();
    }

    private J awaitBlocking(boolean expectSuccess) {
        ClientListener.Operation wait = source.waitStarted();
        try {
            J job = awaitBlocking(expectSuccess, wait);
            wait.ended(null);
            return job;
        } catch (RuntimeException e) {
            wait.ended(e);
            throw e;
        }
    }

    private J awaitBlocking(boolean expectSuccess, ClientListener.Operation wait) {
        long start = time.nanoTime();
        long deadline = deadline(start);
        int poll = 0;
        J last = null;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedOperationException(provider, poll, null);
            }
            ApiResponse<J> response;
            try {
                response = source.poll(deadline, wait);
            } catch (RuntimeException e) {
                throw pollFailed(e, last, poll, start);
            }
            last = response.value();
            poll++;
            wait.polled(poll, last.state().name());
            Duration delay = afterPoll(response, poll, start, expectSuccess);
            if (delay == null) {
                return response.value();
            }
            try {
                time.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedOperationException(provider, poll, e);
            }
        }
    }

    /**
     * Judges one poll and tells the listener.
     *
     * @return the delay before the next poll, or {@code null} when the job is terminal
     * @throws JobWaitTimeoutException if no further poll fits in the timeout
     * @throws JobFailedException if the job failed and success was expected
     */
    @Nullable
    Duration afterPoll(ApiResponse<J> response, int poll, long startNanos, boolean expectSuccess) {
        J job = response.value();
        JobState state = job.state();
        Duration elapsed = Duration.ofNanos(time.nanoTime() - startNanos);
        if (state.isTerminal()) {
            tell(new PollEvent<>(job, poll, elapsed, null, false));
            if (expectSuccess && state == JobState.FAILED) {
                throw new JobFailedException(provider, jobId, job, poll);
            }
            return null;
        }
        Duration interval = policy.intervalAfter(poll, random);
        Duration retryAfter = response.retryAfter();
        boolean fromRetryAfter = false;
        Duration delay = interval;
        if (retryAfter != null && retryAfter.compareTo(interval) > 0) {
            fromRetryAfter = true;
            delay = retryAfter;
        }
        Duration remaining = policy.timeout().minus(elapsed);
        // A poll needs time to answer within the deadline: the last one is moved forward to leave it that much
        // (a tenth of the timeout, at most a second), and none is made with less left.
        Duration lastPollBudget = policy.timeout().dividedBy(10).compareTo(Duration.ofSeconds(1)) < 0
                ? policy.timeout().dividedBy(10)
                : Duration.ofSeconds(1);
        boolean overshoots = delay.compareTo(remaining) >= 0;
        if (overshoots && (fromRetryAfter || remaining.compareTo(lastPollBudget) <= 0)) {
            tell(new PollEvent<>(job, poll, elapsed, null, false));
            throw new JobWaitTimeoutException(provider, jobId, job, state, poll, elapsed, policy.timeout());
        }
        Duration next = overshoots ? remaining.minus(lastPollBudget) : delay;
        tell(new PollEvent<>(job, poll, elapsed, next, fromRetryAfter));
        return next;
    }

    /**
     * Tells the caller's listener of a poll. One that throws is logged at DEBUG, by the exception's class alone, and
     * ignored: it changes no wait's result and leaves no future pending.
     */
    private void tell(PollEvent<J> event) {
        try {
            listener.onPoll(event);
        } catch (RuntimeException | Error e) {
            if (e instanceof OutOfMemoryError fatal) {
                throw fatal;
            }
            LOG.log(
                    System.Logger.Level.DEBUG,
                    () -> "PollListener.onPoll threw " + e.getClass().getName() + "; ignored");
        }
    }

    /** Returns when a wait started at {@code startNanos} ends: the policy's timeout later. */
    long deadline(long startNanos) {
        return Durations.plus(startNanos, policy.timeout());
    }

    /**
     * Returns what a poll's failure means for the wait: a poll cut short by the wait's own deadline is the wait
     * timing out, with the job as last seen; anything else ends the wait as it is.
     */
    RuntimeException pollFailed(RuntimeException failure, @Nullable J lastJob, int polls, long startNanos) {
        if (failure instanceof RequestTimeoutException && time.nanoTime() >= deadline(startNanos)) {
            return new JobWaitTimeoutException(
                    provider,
                    jobId,
                    lastJob,
                    lastJob == null ? null : lastJob.state(),
                    polls,
                    Duration.ofNanos(time.nanoTime() - startNanos),
                    policy.timeout(),
                    failure);
        }
        return failure;
    }

    String provider() {
        return provider;
    }

    PollSource<J> source() {
        return source;
    }

    TimeSource time() {
        return time;
    }

    ScheduledExecutorService scheduler() {
        return scheduler.get();
    }

    @Override
    public String toString() {
        return "JobWaiter[" + provider + " job " + jobId + ", " + policy + "]";
    }
}
