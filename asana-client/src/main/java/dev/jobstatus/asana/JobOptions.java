package dev.jobstatus.asana;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Options of a job request: which fields to return ({@code opt_fields}, sent as one comma-separated value) and
 * pretty output ({@code opt_pretty}).
 *
 * <h2>{@code opt_fields} is the exact set of fields returned</h2>
 * Asana returns exactly the fields named (and {@code gid}), not the default fields plus these: ask for
 * {@code new_project.name} alone and the job comes back without {@code status}. A job without a status has the
 * state UNKNOWN, and a wait on it would never end, so when any field is named the SDK also asks for
 * {@code status}, unless {@link Builder#includeStatus(boolean)} says not to.
 *
 * <p>Immutable; build one with {@link #builder()}.
 */
public final class JobOptions {
    private static final String STATUS = JobField.STATUS.wireName();
    private static final JobOptions NONE = builder().build();

    private final List<String> fields;
    private final @Nullable Boolean pretty;
    private final boolean includeStatus;
    private final @Nullable String optFields;

    private JobOptions(Builder b) {
        this.fields = List.copyOf(b.fields);
        this.pretty = b.pretty;
        this.includeStatus = b.includeStatus;
        String named = String.join(",", fields);
        this.optFields =
                fields.isEmpty() ? null : includeStatus && !fields.contains(STATUS) ? named + "," + STATUS : named;
    }

    /** {@return options that ask for Asana's default fields} */
    public static JobOptions none() {
        return NONE;
    }

    /** {@return the fields named, in order, without repeats; empty for Asana's default fields} */
    public List<String> fields() {
        return fields;
    }

    /** {@return whether Asana should indent its JSON, or {@code null} to leave the parameter out} */
    public @Nullable Boolean pretty() {
        return pretty;
    }

    /** {@return whether {@code status} is added to named fields that leave it out} */
    public boolean includeStatus() {
        return includeStatus;
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the {@code opt_fields} value: the named fields, with {@code status} added unless it was named or
     * {@link #includeStatus()} is off; {@code null} when no field is named}
     */
    public @Nullable String optFields() {
        return optFields;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobOptions other
                && fields.equals(other.fields)
                && Objects.equals(pretty, other.pretty)
                && includeStatus == other.includeStatus;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, pretty, includeStatus);
    }

    @Override
    public String toString() {
        return "JobOptions[optFields=" + optFields + ", pretty=" + pretty + "]";
    }

    /** Builds {@link JobOptions}. */
    public static final class Builder {
        private final Set<String> fields = new LinkedHashSet<>();
        private @Nullable Boolean pretty;
        private boolean includeStatus = true;

        private Builder() {}

        /**
         * Asks for the given fields.
         *
         * @param fields the fields
         * @return this builder
         */
        public Builder fields(JobField... fields) {
            for (JobField field : fields) {
                this.fields.add(field.wireName());
            }
            return this;
        }

        /**
         * Asks for a field the SDK has no constant for, named as Asana names it.
         *
         * @param field the field name, such as {@code new_task.name}
         * @return this builder
         * @throws IllegalArgumentException if blank or containing a comma
         */
        public Builder rawField(String field) {
            if (Objects.requireNonNull(field, "field").isBlank() || field.contains(",")) {
                throw new IllegalArgumentException("a raw field must be one non-blank name without commas");
            }
            fields.add(field.strip());
            return this;
        }

        /**
         * Sets whether {@code status} is asked for with the named fields (default {@code true}). Turn it off only
         * for a job read once, never waited on: without a status its state is UNKNOWN.
         *
         * @param includeStatus whether to add {@code status}
         * @return this builder
         */
        public Builder includeStatus(boolean includeStatus) {
            this.includeStatus = includeStatus;
            return this;
        }

        /**
         * Asks for pretty (indented) JSON, or explicitly not.
         *
         * @param pretty whether to ask for indented JSON
         * @return this builder
         */
        public Builder pretty(boolean pretty) {
            this.pretty = pretty;
            return this;
        }

        /** {@return the options} */
        public JobOptions build() {
            return new JobOptions(this);
        }
    }
}
