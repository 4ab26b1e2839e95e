package dev.jobstatus.wix.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How many items of a Wix async job were processed.
 *
 * @param total the size of the data set, when the job's creator gave it; otherwise {@code null}
 * @param successCount items processed successfully (0 when absent)
 * @param failCount items whose processing failed (0 when absent)
 * @param errorByCodeCount failures per error code; never {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Counts(
        @Nullable Long total,
        @JsonAlias("success_count") long successCount,
        @JsonAlias("fail_count") long failCount,
        @JsonAlias("error_by_code_count") Map<String, Long> errorByCodeCount) {
    /** Counts of a job with nothing processed and no known total. */
    public static final Counts NONE = new Counts(null, 0, 0, Map.of());

    /**
     * Copies the map, dropping null keys and values.
     *
     * @param total the size of the data set, when the job's creator gave it; otherwise {@code null}
     * @param successCount items processed successfully (0 when absent)
     * @param failCount items whose processing failed (0 when absent)
     * @param errorByCodeCount failures per error code; never {@code null}
     */
    public Counts {
        errorByCodeCount = errorByCodeCount == null ? Map.of() : withoutNulls(errorByCodeCount);
    }

    private static Map<String, Long> withoutNulls(Map<String, Long> counts) {
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                Map<String, Long> kept = new HashMap<>(counts);
                kept.keySet().remove(null);
                kept.values().removeIf(Objects::isNull);
                return Map.copyOf(kept);
            }
        }
        return Map.copyOf(counts);
    }

    /** {@return how many items were processed, successfully or not} */
    public long processed() {
        return successCount + failCount;
    }
}
