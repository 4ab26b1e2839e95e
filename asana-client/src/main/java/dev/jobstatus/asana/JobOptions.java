package dev.jobstatus.asana;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Options of a job request: which optional fields to include ({@code opt_fields}, sent as one comma-separated
 * value) and pretty output ({@code opt_pretty}).
 *
 * @param fields the optional fields, in order, without repeats; never {@code null}
 * @param pretty whether Asana should indent its JSON, or {@code null} to leave the parameter out
 */
public record JobOptions(List<String> fields, Boolean pretty) {
    /**
     * Copies the fields, dropping repeats.
     *
     * @param fields the optional fields, in order, without repeats; never {@code null}
     * @param pretty whether Asana should indent its JSON, or {@code null} to leave the parameter out
     */
    public JobOptions {
        fields = fields == null ? List.of() : List.copyOf(new LinkedHashSet<>(fields));
    }

    /** {@return options that ask for nothing extra} */
    public static JobOptions none() {
        return new JobOptions(List.of(), null);
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the {@code opt_fields} value, or {@code null} when no field is asked for} */
    public String optFields() {
        return fields.isEmpty() ? null : String.join(",", fields);
    }

    /** Builds {@link JobOptions}. */
    public static final class Builder {
        private final Set<String> fields = new LinkedHashSet<>();
        private Boolean pretty;

        private Builder() {
        }

        /**
         * Asks for the given optional fields.
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
            return new JobOptions(new ArrayList<>(fields), pretty);
        }
    }
}
