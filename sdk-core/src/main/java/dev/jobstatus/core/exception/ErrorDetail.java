package dev.jobstatus.core.exception;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One item of a provider's error response, such as a validation error on one field.
 *
 * @param field the field or property the error is about, or {@code null} when it concerns the whole request
 * @param message the provider's message for this item, or {@code null}
 * @param attributes any further values the provider sent with the item (for example
 *     {@code attemptedValue}, {@code violatedRule} or {@code help}); never {@code null}
 */
public record ErrorDetail(@Nullable String field, @Nullable String message, Map<String, String> attributes) {
    /**
     * Creates a detail, copying {@code attributes} (a {@code null} map becomes empty).
     *
     * @param field the field or property the error is about, or {@code null} when it concerns the whole request
     * @param message the provider's message for this item, or {@code null}
     * @param attributes any further values the provider sent with the item (for example {@code attemptedValue},
     * {@code violatedRule} or {@code help}); never {@code null}
     */
    public ErrorDetail {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
