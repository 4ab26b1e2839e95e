package dev.jobstatus.wix.model;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * How many items of a Wix async job were processed.
 *
 * @param total the size of the data set, when the job's creator gave it; otherwise {@code null}
 * @param successCount items processed successfully (0 when absent)
 * @param failCount items whose processing failed (0 when absent)
 * @param errorByCodeCount failures per error code; never {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Counts(@Nullable Long total, @JsonAlias("success_count") long successCount, @JsonAlias("fail_count") long failCount,
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
        errorByCodeCount = errorByCodeCount == null ? Map.of() : errorByCodeCount.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** {@return how many items were processed, successfully or not} */
    public long processed() {
        return successCount + failCount;
    }
}
