package dev.jobstatus.core.retry;

import dev.jobstatus.core.internal.checks.Checks;
import dev.jobstatus.core.internal.timing.Durations;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * How failed requests are retried: how many times, how long to wait in between, and the overall deadline.
 *
 * <p>Retried are connection failures and timeouts of idempotent requests, HTTP 408, 429, 502, 503 and 504,
 * HTTP 500 on idempotent requests, and the throttling responses a provider declares. Other 4xx responses are
 * never retried. The wait before retry {@code n} (counting from 1) is the exponential backoff
 * {@code min(maxBackoff, initialBackoff * 2^(n-1))}, scaled by a random factor in [0, 1) when jitter is on
 * ("full jitter"); when the response carried {@code Retry-After}, the larger of the two. A {@code Retry-After}
 * longer than {@link #maxDelay()} is not waited for: the call fails at once with the exception carrying the delay
 * (a retry sooner than the server asked would only be refused again). No retry starts if its wait would pass the
 * {@link #timeout()}: the call fails at once instead of sleeping into its deadline. Non-idempotent requests
 * are retried only when they provably never reached the server (no connection could be made, or the pooled
 * connection they took had been closed by the server). Immutable.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxDelay;
    private final Duration timeout;
    private final boolean fullJitter;

    private RetryPolicy(Builder b) {
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxDelay = b.maxDelay;
        this.timeout = b.timeout;
        this.fullJitter = b.fullJitter;
    }

    /**
     * {@return the default policy: 3 retries, backoff from 500 ms capped at 30 s with full jitter, waits capped at 60
     * s, 2 minute deadline}
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** {@return a policy that never retries} */
    public static RetryPolicy none() {
        return builder().maxRetries(0).build();
    }

    /** {@return a builder that starts from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder that starts from this policy} */
    public Builder toBuilder() {
        return new Builder()
                .maxRetries(maxRetries)
                .initialBackoff(initialBackoff)
                .maxBackoff(maxBackoff)
                .maxDelay(maxDelay)
                .timeout(timeout)
                .fullJitter(fullJitter);
    }

    /** {@return the maximum number of retries after the first attempt} */
    public int maxRetries() {
        return maxRetries;
    }

    /** {@return the backoff before the first retry} */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** {@return the largest backoff} */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** {@return the largest wait before one retry, whatever {@code Retry-After} asks for} */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** {@return the time within which all attempts of one call must start} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return whether backoffs are randomised} */
    public boolean fullJitter() {
        return fullJitter;
    }

    /**
     * {@return whether a response with {@code status} is retried}: 408, 429, 502, 503 and 504 always, 500 only for an
     * idempotent request (the server may have acted on it). A provider's own throttles are retried too; every other
     * status never is.
     *
     * @param status the HTTP status
     * @param idempotent whether repeating the request is harmless
     */
    public boolean retriesStatus(int status, boolean idempotent) {
        return switch (status) {
            case 408, 429, 502, 503, 504 -> true;
            case 500 -> idempotent;
            default -> false;
        };
    }

    /**
     * {@return the wait before retry number {@code retry}}
     * @param retry the retry about to be made, counting from 1
     * @param retryAfter the server's {@code Retry-After}, or {@code null}
     * @param random a source of numbers in [0, 1), used when jitter is on
     */
    public Duration delayBefore(int retry, @Nullable Duration retryAfter, DoubleSupplier random) {
        Duration backoff = maxBackoff;
        if (retry - 1 < 62) {
            long exp = Durations.nanos(initialBackoff) << Math.max(0, retry - 1);
            if (exp > 0 && exp < Durations.nanos(maxBackoff)) {
                backoff = Duration.ofNanos(exp);
            }
        }
        if (fullJitter) {
            backoff = Duration.ofNanos((long) (Durations.nanos(backoff) * random.getAsDouble()));
        }
        Duration wait = retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
        return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", maxDelay=" + maxDelay + ", timeout=" + timeout + ", fullJitter=" + fullJitter + "]";
    }

    /** Configures a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxDelay = Duration.ofSeconds(60);
        private Duration timeout = Duration.ofMinutes(2);
        private boolean fullJitter = true;

        private Builder() {}

        /**
         * Sets the maximum number of retries after the first attempt (0 disables retrying).
         *
         * @param maxRetries the retries allowed, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Sets the backoff before the first retry.
         *
         * @param initialBackoff the first backoff
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Checks.nonNegative(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * Sets the largest backoff.
         *
         * @param maxBackoff the largest backoff
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Checks.nonNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * Sets the largest wait before one retry, including waits asked for by {@code Retry-After}.
         *
         * @param maxDelay the largest wait before a retry
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = Checks.nonNegative(maxDelay, "maxDelay");
            return this;
        }

        /**
         * Sets the time within which all attempts of one call must start.
         *
         * @param timeout the bound on one call's attempts
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Checks.positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets whether backoffs are randomised (full jitter); on by default.
         *
         * @param fullJitter whether to randomise
         * @return this builder
         */
        public Builder fullJitter(boolean fullJitter) {
            this.fullJitter = fullJitter;
            return this;
        }

        /** {@return the policy} */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
