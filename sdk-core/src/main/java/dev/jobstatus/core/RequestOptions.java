package dev.jobstatus.core;

import dev.jobstatus.core.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings for some calls alone, without building another client: a deadline that bounds everything a call does
 * (every attempt, retry, backoff and rate-limit wait; the attempt in flight is cancelled when it passes) and a
 * retry policy. Pass them to a resource with {@code withOptions(...)}, for example
 * {@code client.backgroundJobs().withOptions(RequestOptions.timeout(Duration.ofSeconds(5))).get(42)}. Immutable.
 */
public final class RequestOptions {
    private static final RequestOptions DEFAULTS = builder().build();

    private final @Nullable Duration timeout;
    private final @Nullable Instant deadline;
    private final @Nullable RetryPolicy retryPolicy;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.deadline = b.deadline;
        this.retryPolicy = b.retryPolicy;
    }

    /** {@return options that change nothing: the client's retry policy and its deadline} */
    public static RequestOptions defaults() {
        return DEFAULTS;
    }

    /**
     * {@return options giving each call {@code timeout} in all, from the moment it starts}
     *
     * @param timeout the time one call may take, retries and waits included
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public static RequestOptions timeout(Duration timeout) {
        return builder().timeout(timeout).build();
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the time one call may take in all, or {@code null} for the retry policy's own timeout} */
    public @Nullable Duration timeout() {
        return timeout;
    }

    /**
     * {@return the moment by which every call made with these options ends, or {@code null} for none} One deadline
     * can bound a whole listing, page after page.
     */
    public @Nullable Instant deadline() {
        return deadline;
    }

    /** {@return the retry policy of these calls, or {@code null} for the client's} */
    public @Nullable RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestOptions r
                && Objects.equals(timeout, r.timeout)
                && Objects.equals(deadline, r.deadline)
                && Objects.equals(retryPolicy, r.retryPolicy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, deadline, retryPolicy);
    }

    @Override
    public String toString() {
        return "RequestOptions[timeout=" + timeout + ", deadline=" + deadline + ", retryPolicy=" + retryPolicy + "]";
    }

    /** Builds {@link RequestOptions}; each method is named after the value it sets. */
    public static final class Builder {
        private @Nullable Duration timeout;
        private @Nullable Instant deadline;
        private @Nullable RetryPolicy retryPolicy;

        private Builder() {}

        /**
         * Gives each call {@code timeout} in all, from the moment it starts: attempts, retries, backoffs and
         * rate-limit waits. The shorter of this and the retry policy's timeout holds.
         *
         * @param timeout the time one call may take
         * @return this builder
         * @throws IllegalArgumentException if the timeout is not positive
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Ends every call made with these options by {@code deadline}, measured on the client's clock.
         *
         * @param deadline the moment the calls end
         * @return this builder
         */
        public Builder deadline(Instant deadline) {
            this.deadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        /**
         * Retries these calls by {@code retryPolicy} instead of the client's.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** {@return the options} */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
