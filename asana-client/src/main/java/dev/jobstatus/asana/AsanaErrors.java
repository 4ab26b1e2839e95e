package dev.jobstatus.asana;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobstatus.core.exception.ErrorDetail;
import dev.jobstatus.core.internal.errors.DecodedError;
import dev.jobstatus.core.internal.errors.ErrorDecoder;
import dev.jobstatus.core.internal.errors.GenericErrorDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Asana's error envelope: {@code {"errors": [{"message", "help", "phrase"}]}} ({@code phrase} only on 500s, a
 * few words to quote to Asana's support). The messages join into the exception's message; help and phrase stay
 * available on each detail.
 */
final class AsanaErrors {
    static final ErrorDecoder DECODER = AsanaErrors::decode;

    private AsanaErrors() {}

    private static @Nullable DecodedError decode(int status, String body) {
        JsonNode node = GenericErrorDecoder.parse(body.strip());
        if (node == null
                || !node.path("errors").isArray()
                || node.path("errors").isEmpty()) {
            return null;
        }
        List<String> messages = new ArrayList<>();
        List<ErrorDetail> details = new ArrayList<>();
        for (JsonNode error : node.path("errors")) {
            String message = error.hasNonNull("message") ? error.get("message").asText() : null;
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String key : List.of("help", "phrase")) {
                if (error.hasNonNull(key)) {
                    attributes.put(key, error.get(key).asText());
                }
            }
            if (message != null) {
                messages.add(message);
            }
            details.add(new ErrorDetail(null, message, attributes));
        }
        return new DecodedError(null, String.join("; ", messages), details);
    }
}
