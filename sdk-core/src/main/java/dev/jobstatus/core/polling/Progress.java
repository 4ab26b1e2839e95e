package dev.jobstatus.core.polling;

import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * How far a job has come, as far as its provider says.
 *
 * @param done how many items were processed (successfully or not), or {@code null} when unknown
 * @param failed how many items failed, or {@code null} when unknown
 * @param total how many items there are in all, or {@code null} when unknown
 */
public record Progress(
        @Nullable Long done,
        @Nullable Long failed,
        @Nullable Long total) {
    /** Progress of a job whose provider reports none. */
    public static final Progress UNKNOWN = new Progress(null, null, null);

    /** {@return {@code done / total} in [0, 1], when both are known and total is positive} */
    public OptionalDouble fraction() {
        if (done == null || total == null || total <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(1.0, Math.max(0.0, (double) done / total)));
    }

    @Override
    public String toString() {
        if (done == null) {
            return "progress unknown";
        }
        return done + (total == null ? "" : "/" + total) + " done"
                + (failed == null || failed == 0 ? "" : ", " + failed + " failed");
    }
}
