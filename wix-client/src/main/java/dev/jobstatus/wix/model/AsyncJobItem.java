package dev.jobstatus.wix.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One item an async job processed. Wix does not document the item's shape fully, so besides the typed
 * {@link #id()} and {@link #error()} every field the item had is kept in {@link #fields()}.
 *
 * @param id the item's id, or {@code null}
 * @param error why the item failed, or {@code null} when it did not (or Wix sent no error details)
 * @param fields every field of the item as parsed JSON; unmodifiable
 */
public record AsyncJobItem(String id, ItemError error, Map<String, Object> fields) {
    /**
     * Copies the fields.
     *
     * @param id the item's id, or {@code null}
     * @param error why the item failed, or {@code null} when it did not (or Wix sent no error details)
     * @param fields every field of the item as parsed JSON; unmodifiable
     */
    public AsyncJobItem {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Reads an item from its JSON fields, finding the error under {@code error}, {@code errorDetails} or {@code applicationError}. */
    @JsonCreator
    static AsyncJobItem fromJson(Map<String, Object> fields) {
        Object id = fields.get("id");
        return new AsyncJobItem(id == null ? null : id.toString(), error(fields), fields);
    }

    /** {@return the error, if the item failed with details} */
    public Optional<ItemError> errorDetails() {
        return Optional.ofNullable(error);
    }

    @SuppressWarnings("unchecked")
    private static ItemError error(Map<String, Object> fields) {
        for (String key : new String[] {"error", "errorDetails", "applicationError"}) {
            if (fields.get(key) instanceof Map<?, ?> map) {
                Map<String, Object> error = (Map<String, Object>) map;
                if (error.get("applicationError") instanceof Map<?, ?> nested) {
                    error = (Map<String, Object>) nested;
                }
                Object code = error.get("code");
                Object description = error.containsKey("description") ? error.get("description") : error.get("message");
                Object data = error.get("data");
                return new ItemError(code == null ? null : code.toString(), description == null ? null : description.toString(),
                        data instanceof Map<?, ?> d ? (Map<String, Object>) d : null);
            }
        }
        return null;
    }
}
