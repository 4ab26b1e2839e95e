package dev.jobstatus.wix.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.jobstatus.wix.internal.JsonValues;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One item an async job processed: its id, the entity it was about, whether it succeeded, its data and, when it
 * failed, its error. Every field the item had is also kept in {@link #fields()}, for what Wix adds later.
 *
 * @param id the item's id, or {@code null}
 * @param entityId the id of the entity the item processed (a product, a contact…), or {@code null}
 * @param success whether the item was processed successfully, or {@code null} when Wix did not say
 * @param data the item's data as parsed JSON; never {@code null}
 * @param error why the item failed, or {@code null} when it did not (or Wix sent no error details)
 * @param fields every field of the item as parsed JSON; unmodifiable
 */
public record AsyncJobItem(
        @Nullable String id,
        @Nullable String entityId,
        @Nullable Boolean success,
        Map<String, Object> data,
        @Nullable ItemError error,
        Map<String, Object> fields) {
    /**
     * Keeps the data and the fields unmodifiable: a map the caller built is copied.
     *
     * @param id the item's id, or {@code null}
     * @param entityId the id of the entity the item processed, or {@code null}
     * @param success whether the item was processed successfully, or {@code null} when Wix did not say
     * @param data the item's data as parsed JSON; never {@code null}
     * @param error why the item failed, or {@code null} when it did not (or Wix sent no error details)
     * @param fields every field of the item as parsed JSON; unmodifiable
     */
    public AsyncJobItem {
        data = JsonValues.frozen(data);
        fields = JsonValues.frozen(fields);
    }

    /**
     * Reads an item from its JSON fields. The error is read from {@code error} (documented), or from
     * {@code errorDetails} or {@code applicationError}, which older answers used.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    @SuppressWarnings("unchecked")
    static AsyncJobItem fromJson(Map<String, Object> fields) {
        Object success = fields.get("success");
        return new AsyncJobItem(
                text(fields.get("id")),
                text(fields.get("entityId")),
                success instanceof Boolean b ? b : success == null ? null : Boolean.valueOf(success.toString()),
                fields.get("data") instanceof Map<?, ?> data ? (Map<String, Object>) data : Map.of(),
                error(fields),
                fields);
    }

    /** {@return the error, if the item failed with details} */
    public Optional<ItemError> errorDetails() {
        return Optional.ofNullable(error);
    }

    /** {@return whether the item failed: Wix said it did not succeed, or sent an error} */
    public boolean failed() {
        return Boolean.FALSE.equals(success) || (success == null && error != null);
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static @Nullable ItemError error(Map<String, Object> fields) {
        for (String key : new String[] {"error", "errorDetails", "applicationError"}) {
            if (fields.get(key) instanceof Map<?, ?> map) {
                Map<String, Object> error = (Map<String, Object>) map;
                if (error.get("applicationError") instanceof Map<?, ?> nested) {
                    error = (Map<String, Object>) nested;
                }
                Object description = error.containsKey("description") ? error.get("description") : error.get("message");
                return new ItemError(
                        text(error.get("code")),
                        text(description),
                        error.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of());
            }
        }
        return null;
    }
}
