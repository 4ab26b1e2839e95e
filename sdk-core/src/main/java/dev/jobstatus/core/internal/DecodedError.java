package dev.jobstatus.core.internal;

import dev.jobstatus.core.exception.ErrorDetail;
import java.util.List;

/**
 * What an {@link ErrorDecoder} read from an error body.
 *
 * @param code the provider's error code, or {@code null}
 * @param message the provider's message, or {@code null}
 * @param details further items, such as field errors
 */
public record DecodedError(String code, String message, List<ErrorDetail> details) {
    /**
     * Copies the details.
     *
     * @param code the provider's error code, or {@code null}
     * @param message the provider's message, or {@code null}
     * @param details further items, such as field errors
     */
    public DecodedError {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
