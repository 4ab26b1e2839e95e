package dev.jobstatus.wix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the deprecated {@code counters} of older jobs into {@link Counts}. Its names differ from those of
 * {@code counts} ({@code itemsToProcess}, {@code itemsSucceeded}, {@code itemsFailed}, {@code errorCountByCode}),
 * one reference page shows them in snake_case, and a number may come wrapped as {@code {"value": n}}.
 */
final class LegacyCounters {
    private LegacyCounters() {}

    static @Nullable Counts read(@Nullable JsonNode counters) {
        if (counters == null || !counters.isObject()) {
            return null;
        }
        Long total = number(counters, "itemsToProcess", "items_to_process");
        Long succeeded = number(counters, "itemsSucceeded", "items_succeeded");
        Long failed = number(counters, "itemsFailed", "items_failed");
        JsonNode byCode = field(counters, "errorCountByCode", "error_count_by_code");
        Map<String, Long> errors = new LinkedHashMap<>();
        if (byCode != null && byCode.isObject()) {
            byCode.properties().forEach(e -> {
                Long n = number(e.getValue());
                if (n != null) {
                    errors.put(e.getKey(), n);
                }
            });
        }
        return new Counts(total, succeeded == null ? 0 : succeeded, failed == null ? 0 : failed, errors);
    }

    private static @Nullable JsonNode field(JsonNode node, String camel, String snake) {
        JsonNode value = node.get(camel);
        return value != null && !value.isNull() ? value : node.get(snake);
    }

    private static @Nullable Long number(JsonNode node, String camel, String snake) {
        return number(field(node, camel, snake));
    }

    private static @Nullable Long number(@Nullable JsonNode value) {
        if (value != null && value.isObject()) {
            value = value.get("value");
        }
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return Long.parseLong(value.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
