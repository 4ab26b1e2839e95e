package dev.jobstatus.core.internal.watch;

import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.exception.RateLimitException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.internal.transport.ApiRequest;
import dev.jobstatus.core.internal.transport.BodyReader;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.polling.JobView;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.core.watch.JobWatcher;
import dev.jobstatus.core.watch.WatchEvent;
import dev.jobstatus.core.watch.WatchListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The one {@link JobWatcher}. Where the provider has a listing, it polls in rounds, one listing per round for every
 * job; otherwise it schedules single gets, the job due soonest first, no faster than the client's rate limiter grants
 * permits. All state is guarded by one lock; requests and the caller's callbacks run outside it, and timers run on the
 * client's scheduler.
 */
public final class RealJobWatcher<J extends JobView> implements JobWatcher<J>, HttpTransport.Pending {
    private static final System.Logger LOG = System.getLogger("dev.jobstatus.core");
    /** Gets in flight at once, for providers without a listing: a few, so a slow answer does not idle the quota. */
    static final int MAX_IN_FLIGHT = 4;
    /** Gets per listing round for jobs the listing cannot settle: few, so a round's cost does not grow with the jobs. */
    static final int FALLBACK_GETS_PER_ROUND = 2;
    /** A job no listing has shown for this long is fetched by a get, in case the listing misses it. */
    static final long STALE_NANOS = Duration.ofMinutes(30).toNanos();
    /** How late a get may go out before its interval counts as set by the quota. */
    private static final long PACE_SLACK_NANOS = Duration.ofMillis(100).toNanos();

    private static final long NEVER = Long.MIN_VALUE;

    private final HttpTransport transport;
    private final String provider;
    private final WatchSource<J> source;
    private final @Nullable Listing<J> listing;
    private final PollPolicy policy;
    private final boolean fullRecords;
    private final WatchListener<? super J> listener;
    private final long startNanos;
    private final long deadlineNanos;

    private final Object lock = new Object();
    private final Map<String, Entry<J>> jobs = new LinkedHashMap<>();
    private final PriorityQueue<Entry<J>> due = new PriorityQueue<>(Comparator.comparingLong((Entry<J> e) -> e.dueAt));
    private int pending;
    private boolean listingMode;
    private boolean roundRunning;
    private long nextRoundAt;
    private int roundsSinceAdd;
    private int inFlight;
    private long quotaUntil = NEVER;
    private @Nullable ScheduledFuture<?> timer;
    private long timerAt = Long.MAX_VALUE;
    private @Nullable ScheduledFuture<?> deadlineTimer;
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);
    private boolean closed;
    private boolean expired;
    /** Why the last listing round failed, or null when it did not: the cause of the timeouts if no round succeeds. */
    private @Nullable Throwable roundFailure;

    /** One job. Guarded by the watcher's lock, but for its future, completed outside it. */
    private static final class Entry<J> {
        final String id;
        final CompletableFuture<J> future = new CompletableFuture<>();

        @Nullable
        J last;

        @Nullable
        Object version;

        int polls;
        long lastSeen = NEVER;
        boolean lookedFor;
        /** Whether a listing round has shown the job: one that never has is polled by gets, a few each round. */
        boolean listed;

        boolean busy;
        boolean queued;
        boolean done;
        long dueAt;
        long intervalNanos;
        boolean paced;

        Entry(String id) {
            this.id = id;
        }
    }

    private RealJobWatcher(
            HttpTransport transport,
            WatchSource<J> source,
            PollPolicy policy,
            boolean fullRecords,
            WatchListener<? super J> listener) {
        this.transport = transport;
        this.provider = transport.provider();
        this.source = source;
        this.listing = source.listing() == null ? null : source.listing().get();
        this.listingMode = listing != null;
        this.policy = policy;
        this.fullRecords = fullRecords;
        this.listener = listener;
        this.startNanos = transport.time().nanoTime();
        this.deadlineNanos = startNanos + saturatedNanos(policy.timeout());
        this.nextRoundAt = startNanos;
    }

    /**
     * Starts a watcher with no jobs; its timeout runs from now.
     *
     * @param transport the client's transport: every request goes through it, paced by its limiter
     * @param source what the provider gives
     * @param policy the intervals and the timeout
     * @param fullRecords whether jobs a listing shows ended are fetched in full
     * @param listener told of changes and ends
     * @return the watcher
     */
    public static <J extends JobView> RealJobWatcher<J> start(
            HttpTransport transport,
            WatchSource<J> source,
            PollPolicy policy,
            boolean fullRecords,
            WatchListener<? super J> listener) {
        RealJobWatcher<J> watcher = new RealJobWatcher<>(transport, source, policy, fullRecords, listener);
        transport.track(watcher);
        synchronized (watcher.lock) {
            if (!watcher.closed) {
                watcher.deadlineTimer = watcher.schedule(watcher::expire, watcher.deadlineNanos - watcher.startNanos);
            }
        }
        return watcher;
    }

    /** {@code duration} in nanoseconds, capped far beyond any wait so that adding it to a clock reading cannot overflow. */
    private static long saturatedNanos(Duration duration) {
        long cap = Long.MAX_VALUE / 4;
        return duration.compareTo(Duration.ofNanos(cap)) > 0 ? cap : duration.toNanos();
    }

    @Override
    public void add(String jobId) {
        String id = source.checkId().apply(Objects.requireNonNull(jobId, "jobId"));
        List<Runnable> after = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the " + provider + " watcher is closed");
            }
            if (jobs.containsKey(id)) {
                return;
            }
            Entry<J> entry = new Entry<>(id);
            jobs.put(id, entry);
            pending++;
            if (idle.isDone()) {
                idle = new CompletableFuture<>();
            }
            entry.future.whenComplete((job, error) -> {
                if (entry.future.isCancelled()) {
                    remove(entry.id);
                }
            });
            long now = transport.time().nanoTime();
            if (expired) {
                after.add(end(entry, null, timeout(entry, now, null)));
            } else if (listingMode) {
                roundsSinceAdd = 0;
                nextRoundAt = Math.min(nextRoundAt, now);
            } else {
                enqueue(entry, now);
            }
            wake(now);
        }
        run(after);
    }

    @Override
    public boolean remove(String jobId) {
        Entry<J> entry;
        List<Runnable> after = new ArrayList<>();
        synchronized (lock) {
            entry = jobs.get(canonical(jobId));
            if (entry == null || entry.done) {
                return false;
            }
            after.add(end(entry, null, new CancellationException("job " + jobId + " was removed from the watcher")));
        }
        run(after);
        return true;
    }

    @Override
    public CompletableFuture<J> awaitAsync(String jobId) {
        synchronized (lock) {
            Entry<J> entry = jobs.get(canonical(jobId));
            if (entry == null) {
                throw new IllegalArgumentException("job " + jobId + " was never added to this watcher");
            }
            return entry.future;
        }
    }

    /** Returns {@code jobId} as {@link #add} keeps it ({@code "007"} as {@code "7"} for Nexudus), or as it is if invalid. */
    private @Nullable String canonical(@Nullable String jobId) {
        try {
            return jobId == null ? null : source.checkId().apply(jobId);
        } catch (IllegalArgumentException e) {
            return jobId;
        }
    }

    @Override
    public CompletableFuture<Void> awaitAllAsync() {
        synchronized (lock) {
            return idle;
        }
    }

    @Override
    public List<String> pending() {
        synchronized (lock) {
            return jobs.values().stream().filter(e -> !e.done).map(e -> e.id).toList();
        }
    }

    @Override
    public void close() {
        endAll(id -> new CancellationException("the watcher was closed"));
    }

    /** The client closed: every pending job ends with a {@link ClientClosedException} naming it. */
    @Override
    public void clientClosed() {
        endAll(id -> new ClientClosedException(
                provider, 0, "the " + provider + " client was closed while watching job " + id, null));
    }

    private void endAll(java.util.function.Function<String, RuntimeException> why) {
        List<Runnable> after = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            cancelTimers();
            for (Entry<J> entry : jobs.values()) {
                if (!entry.done) {
                    after.add(end(entry, null, why.apply(entry.id)));
                }
            }
        }
        transport.untrack(this);
        run(after);
    }

    /** The timeout passed: every pending job ends with a {@link JobWaitTimeoutException} naming it. */
    private void expire() {
        List<Runnable> after = new ArrayList<>();
        synchronized (lock) {
            expired = true;
            long now = transport.time().nanoTime();
            for (Entry<J> entry : jobs.values()) {
                if (!entry.done) {
                    after.add(end(entry, null, timeout(entry, now, roundFailure)));
                }
            }
        }
        run(after);
    }

    private JobWaitTimeoutException timeout(Entry<J> entry, long now, @Nullable Throwable cause) {
        J last = entry.last;
        return new JobWaitTimeoutException(
                provider,
                entry.id,
                last,
                last == null ? null : last.state(),
                entry.polls,
                Duration.ofNanos(now - startNanos),
                policy.timeout(),
                cause);
    }

    private void tick() {
        List<Runnable> after = new ArrayList<>();
        synchronized (lock) {
            timer = null;
            timerAt = Long.MAX_VALUE;
            if (closed || expired) {
                return;
            }
            long now = transport.time().nanoTime();
            if (listingMode) {
                if (!roundRunning && pending > 0 && now >= nextRoundAt) {
                    after.add(startRound());
                }
            } else {
                issueDueGets(now, after);
            }
            wake(now);
        }
        run(after);
    }

    /** Sends the gets that are due, the soonest due first, while the limiter has a permit at hand. */
    private void issueDueGets(long now, List<Runnable> after) {
        while (inFlight < MAX_IN_FLIGHT && !due.isEmpty() && due.peek().dueAt <= now) {
            Duration permit = transport.rateLimiter().nextPermitIn();
            if (permit != null && permit.toNanos() > 0) {
                quotaUntil = now + permit.toNanos();
                return;
            }
            Entry<J> entry = due.poll();
            entry.queued = false;
            long late = now - entry.dueAt;
            if (entry.polls > 0 && late > Math.max(entry.intervalNanos / 10, PACE_SLACK_NANOS)) {
                if (!entry.paced) {
                    entry.paced = true;
                    Duration interval = Duration.ofNanos(entry.intervalNanos);
                    after.add(tell(new WatchEvent.Paced<>(entry.id, interval, interval.plusNanos(late))));
                }
            } else {
                entry.paced = false;
            }
            get(entry, ClientListener.Operation.NONE, null);
        }
    }

    /** Sends one get of {@code entry}; its answer comes to {@link #got}. Called with the lock held. */
    private void get(Entry<J> entry, ClientListener.Operation round, @Nullable AtomicInteger requests) {
        entry.busy = true;
        inFlight++;
        if (requests != null) {
            requests.incrementAndGet();
        }
        CompletableFuture<ApiResponse<J>> call;
        try {
            call = transport.executeAsync(
                    source.getRequest().apply(entry.id), source.reader(), source.options(), deadlineNanos, round);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenCompleteAsync((response, error) -> got(entry, response, error), this::outsideLock);
    }

    /** Runs {@code task} here, unless this thread holds the lock (an answer that came at once): then on the scheduler. */
    private void outsideLock(Runnable task) {
        if (!Thread.holdsLock(lock)) {
            task.run();
            return;
        }
        try {
            transport.scheduler().execute(task);
        } catch (RuntimeException e) {
            // Closed: close() ends every job.
        }
    }

    private void got(Entry<J> entry, @Nullable ApiResponse<J> response, @Nullable Throwable error) {
        List<Runnable> after = new ArrayList<>();
        synchronized (lock) {
            inFlight--;
            entry.busy = false;
            long now = transport.time().nanoTime();
            if (entry.done || closed) {
                wake(now);
                return;
            }
            if (error != null || response == null) {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof ClientClosedException || cause instanceof RejectedExecutionException) {
                    return;
                }
                RuntimeException failure = cause instanceof RuntimeException r ? r : new CompletionException(cause);
                if (failure instanceof RequestTimeoutException && now >= deadlineNanos) {
                    failure = timeout(entry, now, failure);
                }
                if (failure instanceof RateLimitException limited) {
                    // The quota is spent, perhaps by another process on the account: the job has not ended, so it is
                    // polled again once the provider allows (in listing mode, by a later round).
                    if (!listingMode) {
                        Duration retryAfter = limited.retryAfter();
                        long interval = policy.intervalAfter(
                                        Math.max(1, entry.polls),
                                        () -> ThreadLocalRandom.current().nextDouble())
                                .toNanos();
                        enqueue(entry, now + Math.max(interval, retryAfter == null ? 0 : saturatedNanos(retryAfter)));
                    }
                } else {
                    after.add(end(entry, null, failure));
                }
            } else {
                entry.polls++;
                entry.lastSeen = now;
                seen(entry, response.value(), null, now, after);
                if (!entry.done && !listingMode) {
                    entry.intervalNanos = policy.intervalAfter(
                                    entry.polls,
                                    () -> ThreadLocalRandom.current().nextDouble())
                            .toNanos();
                    Duration retryAfter = response.retryAfter();
                    if (retryAfter != null && retryAfter.toNanos() > entry.intervalNanos) {
                        entry.intervalNanos = retryAfter.toNanos();
                    }
                    enqueue(entry, now + entry.intervalNanos);
                }
            }
            if (!listingMode) {
                issueDueGets(now, after);
            }
            wake(now);
        }
        run(after);
    }

    /**
     * Takes in {@code job} as now seen: ends the entry if the job ended, tells of a change otherwise. A listing's
     * {@code version} lets a record seen again go unreported; a get's answer ({@code version} null) is compared whole.
     */
    private void seen(Entry<J> entry, J job, @Nullable Object version, long now, List<Runnable> after) {
        J previous = entry.last;
        entry.last = job;
        if (version != null) {
            entry.version = version;
        }
        if (job.state().isTerminal()) {
            after.add(end(entry, job, null));
        } else if (!job.equals(previous)) {
            after.add(tell(new WatchEvent.Changed<>(entry.id, job)));
        }
    }

    /** Starts one listing round; returns the task that sends it, to run outside the lock. */
    private Runnable startRound() {
        Listing<J> list = Objects.requireNonNull(listing);
        roundRunning = true;
        Set<String> wanted = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Entry<J> entry : jobs.values()) {
            if (!entry.done) {
                ids.add(entry.id);
                if (entry.lastSeen == NEVER && !entry.lookedFor) {
                    wanted.add(entry.id);
                }
            }
        }
        int watched = pending;
        return () -> {
            ClientListener.Operation round = transport.listener().operationStarted(provider, "watch round", null, null);
            AtomicInteger requests = new AtomicInteger();
            CompletableFuture<List<Listing.Listed<J>>> result;
            try {
                result = list.round(Set.copyOf(wanted), Set.copyOf(ids), new Listing.Requests() {
                    @Override
                    public <T> CompletableFuture<T> send(ApiRequest request, BodyReader<T> reader) {
                        requests.incrementAndGet();
                        return transport
                                .executeAsync(request, reader, source.options(), deadlineNanos, round)
                                .thenApply(ApiResponse::value);
                    }
                });
            } catch (RuntimeException e) {
                result = CompletableFuture.failedFuture(e);
            }
            result.whenComplete((records, error) -> roundEnded(wanted, records, error, round, requests, watched));
        };
    }

    private void roundEnded(
            Set<String> wanted,
            @Nullable List<Listing.Listed<J>> records,
            @Nullable Throwable error,
            ClientListener.Operation round,
            AtomicInteger requests,
            int watched) {
        List<Runnable> after = new ArrayList<>();
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        synchronized (lock) {
            roundRunning = false;
            long now = transport.time().nanoTime();
            roundsSinceAdd++;
            if (!closed && !expired) {
                long interval = policy.intervalAfter(
                                Math.max(1, roundsSinceAdd),
                                () -> ThreadLocalRandom.current().nextDouble())
                        .toNanos();
                roundFailure = cause;
                if (records != null) {
                    for (Listing.Listed<J> listed : records) {
                        Entry<J> entry = jobs.get(listed.id());
                        if (entry == null || entry.done) {
                            continue;
                        }
                        entry.lastSeen = now;
                        entry.listed = true;
                        if (listed.version().equals(entry.version) || entry.busy) {
                            continue;
                        }
                        entry.polls++;
                        if (fullRecords && listed.job().state().isTerminal()) {
                            entry.version = listed.version();
                            get(entry, round, requests);
                        } else {
                            seen(entry, listed.job(), listed.version(), now, after);
                        }
                    }
                    for (String id : wanted) {
                        Entry<J> entry = jobs.get(id);
                        if (entry != null) {
                            entry.lookedFor = true;
                        }
                    }
                    fallbackGets(now, round, requests);
                } else if (cause instanceof RateLimitException limited) {
                    // The account's quota is spent (by this process or another): the listing stays the cheapest poll.
                    Duration retryAfter = limited.retryAfter();
                    if (retryAfter != null) {
                        interval = Math.max(interval, saturatedNanos(retryAfter));
                    }
                } else if (cause instanceof ApiException api && api.statusCode() >= 400 && api.statusCode() < 500) {
                    // The listing refuses the round (its filter unsupported, the listing forbidden): single gets
                    // instead.
                    listingMode = false;
                    LOG.log(
                            System.Logger.Level.DEBUG,
                            () -> provider + " watcher: the listing answered " + api.statusCode()
                                    + "; polling each job instead");
                    for (Entry<J> entry : jobs.values()) {
                        if (!entry.done && !entry.busy) {
                            enqueue(entry, now);
                        }
                    }
                }
                nextRoundAt = now + interval;
                wake(now);
            }
        }
        round.watchRound(requests.get(), watched);
        round.ended(cause);
        run(after);
    }

    /**
     * Gets a few jobs the listing has not settled, the longest unseen first: looked for but never listed (each round,
     * as the listing may never show them), or not seen for long.
     */
    private void fallbackGets(long now, ClientListener.Operation round, AtomicInteger requests) {
        List<Entry<J>> candidates = new ArrayList<>();
        for (Entry<J> entry : jobs.values()) {
            boolean unseen = entry.listed ? now - entry.lastSeen > STALE_NANOS : entry.lookedFor;
            if (!entry.done && !entry.busy && unseen) {
                candidates.add(entry);
            }
        }
        candidates.sort(Comparator.comparingLong((Entry<J> e) -> e.lastSeen));
        for (Entry<J> entry : candidates.subList(0, Math.min(FALLBACK_GETS_PER_ROUND, candidates.size()))) {
            entry.lastSeen = now;
            get(entry, round, requests);
        }
    }

    private void enqueue(Entry<J> entry, long at) {
        entry.dueAt = at;
        entry.queued = true;
        due.add(entry);
    }

    /** Sets the timer for the next thing due, if it is sooner than the one set. Called with the lock held. */
    private void wake(long now) {
        if (closed || expired || pending == 0) {
            return;
        }
        long at;
        if (listingMode) {
            if (roundRunning) {
                return;
            }
            at = nextRoundAt;
        } else {
            if (inFlight >= MAX_IN_FLIGHT || due.isEmpty()) {
                return;
            }
            at = Math.max(due.peek().dueAt, quotaUntil);
        }
        if (timer != null && timerAt <= at) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerAt = at;
        timer = schedule(this::tick, Math.max(0, at - now));
    }

    private @Nullable ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        try {
            return transport.scheduler().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException | ClientClosedException e) {
            // The client is closing: clientClosed() ends every job.
            return null;
        }
    }

    private void cancelTimers() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (deadlineTimer != null) {
            deadlineTimer.cancel(false);
            deadlineTimer = null;
        }
    }

    /**
     * Marks {@code entry} ended and returns what tells the caller: the listener first, then the job's future, then the
     * watcher's when it was the last pending job. Called with the lock held; the result runs outside it.
     */
    private Runnable end(Entry<J> entry, @Nullable J job, @Nullable RuntimeException error) {
        entry.done = true;
        pending--;
        if (entry.queued) {
            due.remove(entry);
            entry.queued = false;
        }
        CompletableFuture<Void> idleNow = null;
        if (pending == 0) {
            idleNow = idle;
            if (timer != null) {
                timer.cancel(false);
                timer = null;
                timerAt = Long.MAX_VALUE;
            }
        }
        CompletableFuture<Void> nowIdle = idleNow;
        Runnable told = tell(new WatchEvent.Ended<>(entry.id, job != null ? job : entry.last, error));
        return () -> {
            told.run();
            if (error == null) {
                entry.future.complete(Objects.requireNonNull(job));
            } else {
                entry.future.completeExceptionally(error);
            }
            if (nowIdle != null) {
                nowIdle.complete(null);
            }
        };
    }

    private Runnable tell(WatchEvent<J> event) {
        return () -> {
            try {
                listener.onEvent(event);
            } catch (RuntimeException | Error e) {
                if (e instanceof OutOfMemoryError fatal) {
                    throw fatal;
                }
                LOG.log(
                        System.Logger.Level.DEBUG,
                        () -> "WatchListener.onEvent threw " + e.getClass().getName() + "; ignored");
            }
        };
    }

    private static void run(List<Runnable> tasks) {
        for (Runnable task : tasks) {
            task.run();
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "JobWatcher[" + provider + ", " + pending + " pending of " + jobs.size() + ", "
                    + (listingMode ? "listing rounds" : "single gets") + "]";
        }
    }
}
