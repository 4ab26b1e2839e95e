package dev.jobstatus.core.polling;

import dev.jobstatus.core.internal.checks.Checks;
import dev.jobstatus.core.internal.timing.Durations;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How a wait polls: the first interval, how it grows, its cap, jitter, and the total timeout, which is always
 * finite. The delay before poll {@code n + 1} is {@code min(maxInterval, initialInterval * multiplier^(n-1))},
 * moved by up to {@code ±jitter} of itself, and never less than the server's {@code Retry-After}. Immutable.
 */
public final class PollPolicy {
    private static final PollPolicy DEFAULTS = builder().build();

    private final Duration initialInterval;
    private final double multiplier;
    private final Duration maxInterval;
    private final double jitter;
    private final Duration timeout;

    private PollPolicy(Builder b) {
        this.initialInterval = b.initialInterval;
        this.multiplier = b.multiplier;
        this.maxInterval = b.maxInterval;
        this.jitter = b.jitter;
        this.timeout = b.timeout;
    }

    /** {@return the defaults: 1 s, growing ×1.5 up to 30 s, ±10% jitter, 10 minute timeout} */
    public static PollPolicy defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from this policy} */
    public Builder toBuilder() {
        return new Builder()
                .initialInterval(initialInterval)
                .multiplier(multiplier)
                .maxInterval(maxInterval)
                .jitter(jitter)
                .timeout(timeout);
    }

    /** {@return the interval after the first poll} */
    public Duration initialInterval() {
        return initialInterval;
    }

    /** {@return the factor each interval grows by} */
    public double multiplier() {
        return multiplier;
    }

    /** {@return the largest interval (before jitter and {@code Retry-After})} */
    public Duration maxInterval() {
        return maxInterval;
    }

    /** {@return the jitter, a fraction in [0, 1]} */
    public double jitter() {
        return jitter;
    }

    /** {@return the total time a wait may take} */
    public Duration timeout() {
        return timeout;
    }

    /**
     * {@return the policy's delay after poll {@code poll}, before {@code Retry-After} is considered}
     * @param poll the poll just made, counting from 1
     * @param random numbers in [0, 1), for jitter
     */
    public Duration intervalAfter(int poll, DoubleSupplier random) {
        double nanos = Durations.nanos(initialInterval) * Math.pow(multiplier, Math.max(0, poll - 1));
        nanos = Math.min(nanos, Durations.nanos(maxInterval));
        if (jitter > 0) {
            nanos *= 1 + jitter * (2 * random.getAsDouble() - 1);
        }
        return Duration.ofNanos((long) nanos);
    }

    @Override
    public String toString() {
        return "PollPolicy[initialInterval=" + initialInterval + ", multiplier=" + multiplier + ", maxInterval="
                + maxInterval + ", jitter=" + jitter + ", timeout=" + timeout + "]";
    }

    /** Configures a {@link PollPolicy}. */
    public static final class Builder {
        private Duration initialInterval = Duration.ofSeconds(1);
        private double multiplier = 1.5;
        private Duration maxInterval = Duration.ofSeconds(30);
        private double jitter = 0.1;
        private Duration timeout = Duration.ofMinutes(10);

        private Builder() {}

        /**
         * Sets the interval after the first poll.
         *
         * @param interval the first interval
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder initialInterval(Duration interval) {
            this.initialInterval = Checks.positive(interval, "initialInterval");
            return this;
        }

        /**
         * Sets the factor each interval grows by (1 for a fixed interval).
         *
         * @param multiplier the growth factor, 1 or more
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number of at least 1");
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * Sets the largest interval.
         *
         * @param interval the largest interval
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxInterval(Duration interval) {
            this.maxInterval = Checks.positive(interval, "maxInterval");
            return this;
        }

        /**
         * Sets the jitter, a fraction of each interval by which it is moved at random (0 for none).
         *
         * @param jitter a fraction from 0 to 1
         * @return this builder
         * @throws IllegalArgumentException if outside [0, 1]
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be within [0, 1]");
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * Sets the total time a wait may take. There is no "forever": a wait always ends.
         *
         * @param timeout the longest a wait may take
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Checks.positive(timeout, "timeout");
            return this;
        }

        /** {@return the policy} */
        public PollPolicy build() {
            return new PollPolicy(this);
        }
    }
}
