package dev.jobstatus.core.auth;

import dev.jobstatus.core.exception.JobStatusException;
import dev.jobstatus.core.time.TimeSource;
import dev.jobstatus.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Credentials backed by an access token that is fetched on first use, cached, and fetched again shortly
 * before it expires or after the server rejects it.
 *
 * <p>Fetches are single-flight: when many threads find the token missing, expiring or rejected at once,
 * one of them fetches and the others wait for and share its result. Thread-safe.
 */
public final class CachingTokenProvider implements CredentialProvider {
    private final TokenFetcher fetcher;
    private final Function<String, AuthHeaders> headerFormat;
    private final Duration refreshBefore;
    private final TimeSource time;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Cached current;

    /** A token and its headers; a stale one is never sent again, but its refresh token renews it. */
    private record Cached(AccessToken token, AuthHeaders headers, boolean stale) { }

    private CachingTokenProvider(Builder builder) {
        this.fetcher = builder.fetcher;
        this.headerFormat = builder.headerFormat;
        this.refreshBefore = builder.refreshBefore;
        this.time = builder.time;
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
     * Returns the headers for the cached token, fetching a new token first when there is none or it expires
     * within the refresh margin.
     *
     * @throws JobStatusException if a token had to be fetched and the fetch failed
     */
    @Override
    public AuthHeaders headers() {
        Cached cached = current;
        if (cached != null && !needsFetch(cached)) {
            return cached.headers();
        }
        lock.lock();
        try {
            cached = current;
            if (cached == null || needsFetch(cached)) {
                cached = fetch(cached);
            }
            return cached.headers();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fetches a new token unless another thread already replaced the rejected one.
     *
     * @return {@code true}: a retry with the current token may succeed
     * @throws JobStatusException if the fetch failed
     */
    @Override
    public boolean refresh(AuthHeaders rejected) {
        lock.lock();
        try {
            Cached cached = current;
            if (cached == null || cached.headers().equals(rejected)) {
                fetch(cached);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops using the cached token, so the next request fetches a new one. Its refresh token, if any, is kept for
     * that fetch: dropping it would force a full sign-in, and with providers where each refresh token replaces the
     * last, lose the only one still valid.
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

    private Cached fetch(Cached previous) {
        AccessToken token = fetcher.fetch(previous == null ? null : previous.token());
        if (token == null) {
            throw new IllegalStateException("token fetcher returned null");
        }
        Cached fresh = new Cached(token, headerFormat.apply(token.token()), false);
        current = fresh;
        return fresh;
    }

    private boolean needsFetch(Cached cached) {
        if (cached.stale()) {
            return true;
        }
        Instant expiresAt = cached.token().expiresAt();
        return expiresAt != null && !time.now().plus(refreshBefore).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        Cached cached = current;
        return "CachingTokenProvider[token=" + (cached == null ? "none" : "***, expiresAt=" + cached.token().expiresAt()) + "]";
    }

    /** Configures a {@link CachingTokenProvider}. */
    public static final class Builder {
        private final TokenFetcher fetcher;
        private Function<String, AuthHeaders> headerFormat = token -> AuthHeaders.of("Authorization", "Bearer " + token);
        private Duration refreshBefore = Duration.ofMinutes(1);
        private TimeSource time = TimeSource.system();

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

        /** {@return the provider} */
        public CachingTokenProvider build() {
            return new CachingTokenProvider(this);
        }
    }
}
