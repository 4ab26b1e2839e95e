package dev.jobstatus.core.watch;

import dev.jobstatus.core.polling.PollPolicy;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** How a {@link JobWatcher} polls. Immutable; built with {@link #builder()}. */
public final class WatchOptions {
    private static final WatchOptions DEFAULTS = builder().build();

    private final @Nullable PollPolicy policy;
    private final boolean fullRecords;

    private WatchOptions(Builder b) {
        this.policy = b.policy;
        this.fullRecords = b.fullRecords;
    }

    /** {@return the defaults: the client's poll policy, listings' records as they are} */
    public static WatchOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the poll policy, or {@code null} for the client's} */
    public @Nullable PollPolicy policy() {
        return policy;
    }

    /** {@return whether a job that a listing shows ended is fetched in full (one get) before it is reported} */
    public boolean fullRecords() {
        return fullRecords;
    }

    @Override
    public String toString() {
        return "WatchOptions[policy=" + (policy == null ? "the client's" : policy) + ", fullRecords=" + fullRecords
                + "]";
    }

    /** Configures {@link WatchOptions}. */
    public static final class Builder {
        private @Nullable PollPolicy policy;
        private boolean fullRecords;

        private Builder() {}

        /**
         * Sets how often jobs are polled and, by its {@link PollPolicy#timeout()}, how long the watcher may take from its
         * creation: the intervals grow with a job's age (with the age of the youngest job, where a listing polls them all
         * at once), never faster than the provider's quota allows.
         *
         * @param policy the poll policy
         * @return this builder
         */
        public Builder policy(PollPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets whether a job that a listing shows ended is fetched in full (one get each) before it is reported. A
         * listing's record may leave fields out (Nexudus leaves out {@code ResultData}); by default it is reported as the
         * listing has it. Providers without a listing always report the full record.
         *
         * @param fullRecords whether to fetch ended jobs in full
         * @return this builder
         */
        public Builder fullRecords(boolean fullRecords) {
            this.fullRecords = fullRecords;
            return this;
        }

        /** {@return the options} */
        public WatchOptions build() {
            return new WatchOptions(this);
        }
    }
}
