package dev.jobstatus.spring.boot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What every provider's {@code jobstatus.<provider>.*} properties share: the base URL, timeouts, retries and polls.
 * A setting left out keeps the client's default.
 */
public abstract class ProviderProperties {
    /** The API root, such as a regional endpoint or a test server; the provider's public API by default. */
    private @Nullable String baseUrl;

    /** The bound on opening a connection (client default 10s). */
    private @Nullable Duration connectTimeout;

    /** The bound on each wait for a response's headers or next part of its body (client default 30s). */
    private @Nullable Duration readTimeout;

    /** The bound on one whole HTTP attempt (client default 60s; 0 for none). */
    private @Nullable Duration callTimeout;

    /** How failed requests are retried. */
    private final Retry retry = new Retry();

    /** How waits for jobs poll. */
    private final Poll poll = new Poll();

    /** Creates the properties with every setting left to the client's default. */
    protected ProviderProperties() {}

    /** {@return the API root, or {@code null} for the provider's public API} */
    public @Nullable String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets the API root.
     *
     * @param baseUrl the API root
     */
    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@return the connect timeout, or {@code null} for the client's default} */
    public @Nullable Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the connect timeout.
     *
     * @param connectTimeout the connect timeout
     */
    public void setConnectTimeout(@Nullable Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** {@return the read timeout, or {@code null} for the client's default} */
    public @Nullable Duration getReadTimeout() {
        return readTimeout;
    }

    /**
     * Sets the read timeout.
     *
     * @param readTimeout the read timeout
     */
    public void setReadTimeout(@Nullable Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** {@return the timeout of one whole attempt, or {@code null} for the client's default} */
    public @Nullable Duration getCallTimeout() {
        return callTimeout;
    }

    /**
     * Sets the timeout of one whole attempt, zero for none.
     *
     * @param callTimeout the timeout of one whole attempt, zero for none
     */
    public void setCallTimeout(@Nullable Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** {@return the retry settings} */
    public Retry getRetry() {
        return retry;
    }

    /** {@return the poll settings} */
    public Poll getPoll() {
        return poll;
    }

    /** {@code jobstatus.<provider>.retry.*}: how failed requests are retried (see {@code RetryPolicy}). */
    public static final class Retry {
        /** How many times a failed request is retried (client default 3; 0 for none). */
        private @Nullable Integer maxRetries;

        /** The first backoff, doubled at each retry (client default 500ms). */
        private @Nullable Duration initialBackoff;

        /** The largest backoff (client default 30s). */
        private @Nullable Duration maxBackoff;

        /** The bound on all attempts of one request together (client default 2m). */
        private @Nullable Duration timeout;

        /** Creates the properties with every setting unset. */
        public Retry() {}

        /** {@return the number of retries, or {@code null} for the default} */
        public @Nullable Integer getMaxRetries() {
            return maxRetries;
        }

        /**
         * Sets the number of retries.
         *
         * @param maxRetries the number of retries
         */
        public void setMaxRetries(@Nullable Integer maxRetries) {
            this.maxRetries = maxRetries;
        }

        /** {@return the first backoff, or {@code null} for the default} */
        public @Nullable Duration getInitialBackoff() {
            return initialBackoff;
        }

        /**
         * Sets the first backoff.
         *
         * @param initialBackoff the first backoff
         */
        public void setInitialBackoff(@Nullable Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        /** {@return the largest backoff, or {@code null} for the default} */
        public @Nullable Duration getMaxBackoff() {
            return maxBackoff;
        }

        /**
         * Sets the largest backoff.
         *
         * @param maxBackoff the largest backoff
         */
        public void setMaxBackoff(@Nullable Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        /** {@return the bound on all attempts, or {@code null} for the default} */
        public @Nullable Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets the bound on all attempts of one request.
         *
         * @param timeout the bound on all attempts of one request
         */
        public void setTimeout(@Nullable Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** {@code jobstatus.<provider>.poll.*}: how waits for jobs poll (see {@code PollPolicy}). */
    public static final class Poll {
        /** The interval before the second poll. */
        private @Nullable Duration initialInterval;

        /** The factor by which the interval grows after each poll. */
        private @Nullable Double multiplier;

        /** The largest interval between polls. */
        private @Nullable Duration maxInterval;

        /** How long a wait lasts before it ends with a timeout. */
        private @Nullable Duration timeout;

        /** Creates the properties with every setting unset. */
        public Poll() {}

        /** {@return the first interval, or {@code null} for the default} */
        public @Nullable Duration getInitialInterval() {
            return initialInterval;
        }

        /**
         * Sets the first interval.
         *
         * @param initialInterval the first interval
         */
        public void setInitialInterval(@Nullable Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        /** {@return the growth factor, or {@code null} for the default} */
        public @Nullable Double getMultiplier() {
            return multiplier;
        }

        /**
         * Sets the growth factor.
         *
         * @param multiplier the growth factor
         */
        public void setMultiplier(@Nullable Double multiplier) {
            this.multiplier = multiplier;
        }

        /** {@return the largest interval, or {@code null} for the default} */
        public @Nullable Duration getMaxInterval() {
            return maxInterval;
        }

        /**
         * Sets the largest interval.
         *
         * @param maxInterval the largest interval
         */
        public void setMaxInterval(@Nullable Duration maxInterval) {
            this.maxInterval = maxInterval;
        }

        /** {@return how long a wait lasts, or {@code null} for the default} */
        public @Nullable Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets how long a wait lasts.
         *
         * @param timeout how long a wait lasts
         */
        public void setTimeout(@Nullable Duration timeout) {
            this.timeout = timeout;
        }
    }
}
