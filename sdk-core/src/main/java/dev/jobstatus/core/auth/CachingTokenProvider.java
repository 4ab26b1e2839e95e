package dev.jobstatus.core.auth;

import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.exception.JobStatusException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.internal.checks.Checks;
import dev.jobstatus.core.internal.timing.Deadlines;
import dev.jobstatus.core.internal.timing.Durations;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Credentials backed by an access token that is fetched on first use, cached, and fetched again shortly
 * before it expires or after the server rejects it.
 *
 * <p>Fetches are single-flight: when many threads find the token missing, expiring or rejected at once,
 * one of them fetches and the others wait for and share its result. Thread-safe. Given a shared
 * {@link TokenStore}, the same holds across every provider (and process) that uses the store: one access token,
 * renewed by one of them at a time, under a lease recorded in the store.
 *
 * <p>A caller that has to wait for a renewal (another thread's, or another client's through the store) waits no
 * longer than the deadline of the API call it looks the token up for, and not at all once interrupted; giving up,
 * it leaves the renewal alone. A renewal takes no longer than its lease, so none that is still going is taken over.
 */
public final class CachingTokenProvider implements CredentialProvider {
    /** How many times in a row a lost compare-and-set is tried again before the store is bypassed. */
    private static final int MAX_LOST_RACES = 16;

    private static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(200);
    /** How much longer a lease lasts than the fetch it covers: time to publish the token, and for clocks that differ. */
    private static final Duration PUBLISH_MARGIN = Duration.ofSeconds(1);

    private final TokenFetcher fetcher;
    private final Function<String, AuthHeaders> headerFormat;
    private final Duration refreshBefore;
    private final Duration renewalLease;
    private final TimeSource time;
    private final TokenStore store;
    /** This provider's name in the store's renewal leases. */
    private final String self = "pid" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();

    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable Cached current;

    /** Adds the refresh token to what the SDK keeps out of messages: a server may echo it in an error. */
    private static AuthHeaders withRefreshToken(AuthHeaders headers, AccessToken token) {
        return token.refreshToken() == null ? headers : headers.withSecrets(List.of(token.refreshToken()));
    }

    /** A token and its headers; a stale one is never sent again, but its refresh token renews it. */
    private record Cached(AccessToken token, AuthHeaders headers, boolean stale) {}

    private CachingTokenProvider(Builder builder) {
        this.fetcher = builder.fetcher;
        this.headerFormat = builder.headerFormat;
        this.refreshBefore = builder.refreshBefore;
        this.renewalLease = builder.renewalLease;
        this.time = builder.time;
        this.store = builder.store != null ? builder.store : TokenStore.inMemory();
    }

    /**
     * {@return a builder for a provider that obtains tokens from {@code fetcher}}
     *
     * @param fetcher obtains and refreshes tokens
     * @throws NullPointerException if {@code fetcher} is null
     */
    public static Builder builder(TokenFetcher fetcher) {
        return new Builder(Objects.requireNonNull(fetcher, "fetcher"));
    }

    /**
     * Returns the headers for the cached token. When there is none, or it expires within the refresh margin, the
     * token in the store is used if it is good, or else a new one is fetched (by this provider, or by the one
     * already renewing it in the store, whose result is waited for).
     *
     * @throws JobStatusException if a token had to be fetched and the fetch failed, or the store failed
     * @throws RequestTimeoutException if the API call the token is for reached its deadline while waiting for a renewal
     * @throws InterruptedOperationException if the thread was interrupted while waiting (its flag stays set)
     */
    @Override
    public AuthHeaders headers() {
        Cached cached = current;
        if (cached != null && usable(cached)) {
            return cached.headers();
        }
        lockWithinDeadline();
        try {
            cached = current;
            if (cached == null || !usable(cached)) {
                cached = obtain(cached);
            }
            return cached.headers();
        } finally {
            lock.unlock();
        }
    }

    /** Returns the headers for the cached token if it is usable, without blocking; else {@code null}. */
    @Override
    public @Nullable AuthHeaders headersIfReady() {
        Cached cached = current;
        return cached != null && usable(cached) ? cached.headers() : null;
    }

    /**
     * Replaces the rejected token, unless another thread or client already did: the store's token is used if it is
     * a different one, or else a new one is fetched.
     *
     * @return {@code true}: a retry with the current token may succeed
     * @throws JobStatusException if the fetch failed, or the store failed
     * @throws RequestTimeoutException if the API call the token is for reached its deadline while waiting for a renewal
     * @throws InterruptedOperationException if the thread was interrupted while waiting (its flag stays set)
     */
    @Override
    public boolean refresh(AuthHeaders rejected) {
        lockWithinDeadline();
        try {
            Cached cached = current;
            if (cached == null || cached.headers().equals(rejected)) {
                obtain(cached == null ? null : new Cached(cached.token(), cached.headers(), true));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops using the cached token, so the next request fetches a new one (or takes a newer one from the store).
     * Its refresh token, if any, is kept for that fetch: dropping it would force a full sign-in, and with providers
     * where each refresh token replaces the last, lose the only one still valid.
     */
    public void invalidate() {
        lock.lock();
        try {
            Cached cached = current;
            if (cached != null) {
                current = new Cached(cached.token(), cached.headers(), true);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Finds a usable token: the store's, or one this provider fetches while it holds the store's renewal lease, or
     * the one another client fetches while it holds the lease. Called with the lock held.
     *
     * @param local this provider's token, if any; a stale one is never taken back from the store
     */
    private Cached obtain(@Nullable Cached local) {
        AccessToken refused = local != null && local.stale() ? local.token() : null;
        int lostRaces = 0;
        while (true) {
            StoredToken held = store.read();
            AccessToken stored = held == null ? null : held.token();
            if (stored != null && !stored.equals(refused) && !expiring(stored)) {
                return adopt(stored);
            }
            if (held != null && held.renewedByOtherAt(time.now(), self)) {
                // Until the store changes or the lease runs out; only a lease that ran out is taken over below.
                awaitChange(held);
                continue;
            }
            Duration allowance = allowance();
            AccessToken previous = stored != null ? stored : local == null ? null : local.token();
            StoredToken lease =
                    new StoredToken(previous, self, time.now().plus(allowance).plus(PUBLISH_MARGIN));
            boolean leased = store.replace(held, lease);
            if (!leased && ++lostRaces < MAX_LOST_RACES) {
                continue;
            }
            return renew(previous, leased ? lease : null, allowance);
        }
    }

    /**
     * Takes the lock, waiting for a renewal by another thread no longer than the enclosing call's deadline.
     *
     * @throws RequestTimeoutException if the deadline comes first
     * @throws InterruptedOperationException if the thread is interrupted (its flag stays set)
     */
    private void lockWithinDeadline() {
        Duration left = Deadlines.enclosingRemaining();
        try {
            if (!Deadlines.lock(lock, left)) {
                throw Deadlines.timedOut("it was still waiting for another thread's renewal of the access token");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Deadlines.interrupted(e);
        }
    }

    /**
     * Returns how long a renewal may take: the renewal lease, or less when the enclosing call's deadline is nearer
     * (the fetch could not outlive it anyway, and a lease no longer than needed is soon over if this client stops).
     *
     * @throws RequestTimeoutException if the deadline has passed
     */
    private Duration allowance() {
        Duration left = Deadlines.enclosingRemaining();
        if (left == null) {
            return renewalLease;
        }
        if (left.isZero() || left.isNegative()) {
            throw Deadlines.timedOut("no time was left to renew the access token");
        }
        return left.compareTo(renewalLease) < 0 ? left : renewalLease;
    }

    /**
     * Fetches a new token within {@code allowance} (so within the lease, which no other client takes over until it
     * has run out) and publishes it in the store, ending this provider's lease; if the fetch fails, the lease is
     * handed back so that another client need not wait for it to run out.
     */
    private Cached renew(@Nullable AccessToken previous, @Nullable StoredToken lease, Duration allowance) {
        AccessToken fresh;
        try {
            fresh = Deadlines.within(time, allowance, () -> fetcher.fetch(previous));
        } catch (RuntimeException e) {
            if (lease != null) {
                try {
                    store.replace(lease, new StoredToken(previous, null, null));
                } catch (RuntimeException release) {
                    e.addSuppressed(release);
                }
            }
            throw e;
        }
        if (fresh == null) {
            throw new IllegalStateException("token fetcher returned null");
        }
        Cached cached = adopt(fresh);
        try {
            // A lease taken over by another client meanwhile (this fetch outlasted it) is theirs to end.
            store.replace(lease, StoredToken.of(fresh));
        } catch (RuntimeException storeFailed) {
            // The call has its token; this provider keeps it, and the store's own failure is the store's to report.
        }
        return cached;
    }

    /**
     * Waits for the store to change from {@code held}, or for its lease to run out. A caller that stops waiting before
     * either fails, and leaves the lease to its holder.
     *
     * @throws RequestTimeoutException if the enclosing call's deadline comes first
     * @throws InterruptedOperationException if the thread is interrupted (its flag stays set)
     */
    private void awaitChange(StoredToken held) {
        Duration left = Deadlines.enclosingRemaining();
        // The waits below are on this provider's clock: the call's deadline is carried over to it.
        long deadline = left == null ? Long.MAX_VALUE : Durations.plus(time.nanoTime(), left);
        Duration pause = FIRST_PAUSE;
        while (true) {
            Duration untilLeaseEnds = Duration.between(time.now(), Objects.requireNonNull(held.renewalEnds()));
            if (untilLeaseEnds.isNegative() || untilLeaseEnds.isZero()) {
                return;
            }
            long untilDeadline = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - time.nanoTime();
            if (untilDeadline <= 0) {
                throw Deadlines.timedOut("it was still waiting for another client's renewal of the access token");
            }
            Duration nap = pause.compareTo(untilLeaseEnds) < 0 ? pause : untilLeaseEnds;
            if (nap.toNanos() > untilDeadline) {
                nap = Duration.ofNanos(untilDeadline);
            }
            try {
                Deadlines.pause(time, nap);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Deadlines.interrupted(e);
            }
            if (!Objects.equals(store.read(), held)) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) < 0 ? pause.multipliedBy(2) : LONGEST_PAUSE;
        }
    }

    private Cached adopt(AccessToken token) {
        Cached cached = current;
        Cached fresh = cached != null && cached.token().equals(token) && !cached.stale()
                ? cached
                : new Cached(token, withRefreshToken(headerFormat.apply(token.token()), token), false);
        current = fresh;
        return fresh;
    }

    private boolean usable(Cached cached) {
        return !cached.stale() && !expiring(cached.token());
    }

    private boolean expiring(AccessToken token) {
        Instant expiresAt = token.expiresAt();
        return expiresAt != null && !time.now().plus(refreshBefore).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        Cached cached = current;
        return "CachingTokenProvider[token="
                + (cached == null ? "none" : "***, expiresAt=" + cached.token().expiresAt()) + "]";
    }

    /** Configures a {@link CachingTokenProvider}. */
    public static final class Builder {
        private static final Duration LONGEST_LEASE = Duration.ofDays(36_500);

        private final TokenFetcher fetcher;
        private Function<String, AuthHeaders> headerFormat =
                token -> AuthHeaders.of("Authorization", "Bearer " + token);
        private Duration refreshBefore = Duration.ofMinutes(1);
        private TimeSource time = TimeSource.system();
        private Duration renewalLease = RetryPolicy.defaults().timeout();
        private @Nullable TokenStore store;

        private Builder(TokenFetcher fetcher) {
            this.fetcher = fetcher;
        }

        /**
         * Sets how a token becomes headers; the default is {@code Authorization: Bearer <token>}.
         *
         * @param headerFormat maps a token to its headers
         * @return this builder
         */
        public Builder headerFormat(Function<String, AuthHeaders> headerFormat) {
            this.headerFormat = Objects.requireNonNull(headerFormat, "headerFormat");
            return this;
        }

        /**
         * Sets how long before expiry a token is replaced; the default is one minute.
         *
         * @param refreshBefore the margin before expiry
         * @return this builder
         * @throws IllegalArgumentException if the margin is negative
         */
        public Builder refreshBefore(Duration refreshBefore) {
            this.refreshBefore = Checks.nonNegative(refreshBefore, "refreshBefore");
            return this;
        }

        /**
         * Sets the clock used to judge expiry; the default is the system clock.
         *
         * @param time the clock
         * @return this builder
         */
        public Builder timeSource(TimeSource time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * Keeps the token in {@code store}, so that every provider given the same store shares it and renews it once;
         * the default keeps it in this provider's memory.
         *
         * @param store the store, such as one shared by several processes
         * @return this builder
         */
        public Builder store(TokenStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets the longest a renewal of the token may take (default two minutes, the default
         * {@link RetryPolicy#timeout()} of a call): the token fetch is cut off when it runs out, and other providers
         * sharing the store wait that long, and a second more, before they take the renewal over. It bounds how long
         * a client that stopped mid-renewal holds the others up. A renewal for a call whose deadline is nearer is
         * given until that deadline only.
         *
         * @param lease the lease, positive
         * @return this builder
         * @throws IllegalArgumentException if the lease is not positive
         */
        public Builder renewalLease(Duration lease) {
            Checks.positive(lease, "renewalLease");
            // Beyond a century, a lease is as good as endless, and still fits the clocks' arithmetic.
            this.renewalLease = lease.compareTo(LONGEST_LEASE) < 0 ? lease : LONGEST_LEASE;
            return this;
        }

        /** {@return the provider} */
        public CachingTokenProvider build() {
            return new CachingTokenProvider(this);
        }
    }
}
