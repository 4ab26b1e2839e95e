package dev.jobstatus.wix.model;

import dev.jobstatus.wix.internal.JsonValues;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Why one item of an async job failed, as far as Wix says.
 *
 * @param code the error code, or {@code null}
 * @param description the description, or {@code null}
 * @param data further error data as parsed JSON; never {@code null}
 */
public record ItemError(@Nullable String code, @Nullable String description, Map<String, Object> data) {
    /**
     * Keeps the data unmodifiable: a map the caller built is copied.
     *
     * @param code the error code, or {@code null}
     * @param description the description, or {@code null}
     * @param data further error data as parsed JSON; never {@code null}
     */
    public ItemError {
        data = JsonValues.frozen(data);
    }
}
