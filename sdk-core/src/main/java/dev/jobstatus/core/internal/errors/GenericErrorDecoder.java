package dev.jobstatus.core.internal.errors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobstatus.core.internal.json.Json;
import dev.jobstatus.core.internal.text.Text;
import java.io.IOException;
import java.util.List;

/**
 * Understands the error bodies common to many APIs: a JSON object with a {@code message}-like field (and OAuth's
 * {@code error} code beside its {@code error_description}), a bare JSON string, or a line of plain text. HTML pages and empty bodies give no message.
 */
public final class GenericErrorDecoder implements ErrorDecoder {
    /** The shared instance. */
    public static final GenericErrorDecoder INSTANCE = new GenericErrorDecoder();

    private static final List<String> MESSAGE_FIELDS =
            List.of("message", "Message", "error_description", "error", "detail", "title");
    private static final int MAX_MESSAGE = 300;

    private GenericErrorDecoder() {}

    @Override
    public DecodedError decode(int status, String body) {
        String text = body.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.startsWith("{") || text.startsWith("\"")) {
            JsonNode node = parse(text);
            if (node != null && node.isTextual()) {
                return new DecodedError(null, Text.clip(node.asText(), MAX_MESSAGE), List.of());
            }
            if (node != null && node.isObject()) {
                // OAuth 2.0 token endpoints (RFC 6749, 5.2) answer {"error": code, "error_description": text}.
                JsonNode oauthCode = node.get("error");
                String code = oauthCode != null && oauthCode.isTextual() && node.has("error_description")
                        ? Text.clip(oauthCode.asText(), MAX_MESSAGE)
                        : null;
                for (String field : MESSAGE_FIELDS) {
                    JsonNode value = node.get(field);
                    if (value != null && value.isTextual()) {
                        return new DecodedError(code, Text.clip(value.asText(), MAX_MESSAGE), List.of());
                    }
                }
                return null;
            }
        }
        if (text.startsWith("<")) {
            return null;
        }
        String firstLine = text.lines().findFirst().orElse("");
        return new DecodedError(null, Text.clip(firstLine, MAX_MESSAGE), List.of());
    }

    /** Parses {@code text} as JSON, or returns {@code null} when it is not JSON. */
    public static JsonNode parse(String text) {
        try {
            return Json.treeReader().readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
