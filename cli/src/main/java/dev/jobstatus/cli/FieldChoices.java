package dev.jobstatus.cli;

import dev.jobstatus.asana.JobField;
import dev.jobstatus.nexudus.BackgroundJobField;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/**
 * The fields an option names, read against the ones the provider documents: Nexudus's {@code orderBy} properties and
 * Asana's {@code opt_fields}. A name that is not one of them is refused with the list (and the nearest name), rather
 * than sent and silently ignored by the provider. Each is also the option's completion candidates.
 */
final class FieldChoices {
    private FieldChoices() {}

    /** {@code --order-by}: a property of a Nexudus job, as Nexudus spells it ({@code CreatedOn}) or the enum does. */
    static final class NexudusOrderBy implements ITypeConverter<BackgroundJobField>, Iterable<String> {
        private static final List<String> NAMES = Arrays.stream(BackgroundJobField.values())
                .map(BackgroundJobField::wireName)
                .toList();

        @Override
        public BackgroundJobField convert(String value) {
            String normal = value.strip().replace("_", "").toLowerCase(Locale.ROOT);
            for (BackgroundJobField field : BackgroundJobField.values()) {
                if (field.wireName().toLowerCase(Locale.ROOT).equals(normal)) {
                    return field;
                }
            }
            throw Choices.refusal(value, "a property Nexudus sorts jobs by", NAMES);
        }

        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }

    /** {@code --fields}: a field of an Asana job as {@code opt_fields} names it, such as {@code new_project.name}. */
    static final class AsanaFields implements ITypeConverter<JobField>, Iterable<String> {
        private static final List<String> NAMES =
                Arrays.stream(JobField.values()).map(JobField::wireName).toList();

        @Override
        public JobField convert(String value) {
            String name = value.strip();
            for (JobField field : JobField.values()) {
                if (field.wireName().equals(name)) {
                    return field;
                }
            }
            throw Choices.refusal(value, "a field of an Asana job", NAMES);
        }

        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
