package dev.jobstatus.wix;

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
 * Wix's error envelope: {@code {"message", "details": {"applicationError": {"code", "description", "data"}}}} or
 * {@code details.validationError.fieldViolations[{field, description, violatedRule, ruleName, data}]}. System
 * errors may have an empty body, which the generic fallback handles.
 */
final class WixErrors {
    static final ErrorDecoder DECODER = WixErrors::decode;

    private WixErrors() {}

    private static @Nullable DecodedError decode(int status, String body) {
        JsonNode node = GenericErrorDecoder.parse(body.strip());
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode details = node.path("details");
        JsonNode application = details.path("applicationError");
        List<ErrorDetail> items = new ArrayList<>();
        if (application.isObject() && application.hasNonNull("description")) {
            Map<String, String> attributes = new LinkedHashMap<>();
            if (application.hasNonNull("data")) {
                attributes.put("data", application.get("data").toString());
            }
            items.add(new ErrorDetail(null, application.get("description").asText(), attributes));
        }
        for (JsonNode violation : details.path("validationError").path("fieldViolations")) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String key : List.of("violatedRule", "ruleName")) {
                if (violation.hasNonNull(key)) {
                    attributes.put(key, violation.get(key).asText());
                }
            }
            if (violation.hasNonNull("data")) {
                attributes.put("data", violation.get("data").toString());
            }
            items.add(new ErrorDetail(text(violation, "field"), text(violation, "description"), attributes));
        }
        String message = text(node, "message");
        String code = text(application, "code");
        return message == null && code == null && items.isEmpty() ? null : new DecodedError(code, message, items);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
