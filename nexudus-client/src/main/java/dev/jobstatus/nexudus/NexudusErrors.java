package dev.jobstatus.nexudus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobstatus.core.exception.ErrorDetail;
import dev.jobstatus.core.internal.errors.DecodedError;
import dev.jobstatus.core.internal.errors.ErrorDecoder;
import dev.jobstatus.core.internal.errors.GenericErrorDecoder;
import dev.jobstatus.core.internal.pacing.ThrottleDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Nexudus's error bodies and throttle. Errors come as a bare JSON string ({@code "Not found"}), as
 * {@code {"Message": ..., "Errors": [{"PropertyName", "Message", "AttemptedValue"}]}} (whose own {@code Status}
 * is unreliable, so the HTTP status rules), or from the token endpoint as OAuth's
 * {@code {"error", "error_description"}}. A throttled request is answered 409 with {@code Retry-After} and
 * "You must wait before accessing this url again." in the reason phrase (the body may be empty).
 */
final class NexudusErrors {
    static final String THROTTLE_TEXT = "you must wait before accessing this url again";

    /**
     * A 409 is a throttle when it carries {@code Retry-After}, or when the throttle's words stand in the body or in
     * the status line's reason phrase, where Nexudus puts them (often with an empty body).
     */
    static final ThrottleDetector THROTTLE = (status, reason, headers, body) -> status == 409
            && (headers.get("Retry-After") != null
                    || body.toLowerCase(Locale.ROOT).contains(THROTTLE_TEXT)
                    || reason.toLowerCase(Locale.ROOT).contains(THROTTLE_TEXT));

    static final ErrorDecoder DECODER = NexudusErrors::decode;

    private NexudusErrors() {}

    private static @Nullable DecodedError decode(int status, String body) {
        JsonNode node = GenericErrorDecoder.parse(body.strip());
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return new DecodedError(null, node.asText(), List.of());
        }
        if (!node.isObject()) {
            return null;
        }
        if (node.hasNonNull("error")) {
            return new DecodedError(node.path("error").asText(), text(node, "error_description"), List.of());
        }
        List<ErrorDetail> details = new ArrayList<>();
        for (JsonNode error : node.path("Errors")) {
            Map<String, String> attributes = new HashMap<>();
            if (error.hasNonNull("AttemptedValue")) {
                attributes.put("attemptedValue", error.get("AttemptedValue").asText());
            }
            details.add(new ErrorDetail(text(error, "PropertyName"), text(error, "Message"), attributes));
        }
        String message = text(node, "Message");
        return message == null && details.isEmpty() ? null : new DecodedError(null, message, details);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
