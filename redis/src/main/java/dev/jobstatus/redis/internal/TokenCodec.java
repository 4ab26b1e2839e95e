package dev.jobstatus.redis.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobstatus.core.auth.AccessToken;
import dev.jobstatus.core.auth.StoredToken;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StoredToken} as the string Redis holds: JSON with its fields in a fixed order, so that equal contents are
 * equal strings and a compare-and-set in Redis can compare strings.
 */
final class TokenCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int FORMAT = 1;

    private TokenCodec() {}

    static byte[] encode(StoredToken stored) {
        ObjectNode node = MAPPER.createObjectNode().put("v", FORMAT);
        AccessToken token = stored.token();
        if (token != null) {
            node.put("token", token.token());
            put(node, "expiresAt", token.expiresAt());
            node.put("refreshToken", token.refreshToken());
        }
        node.put("renewer", stored.renewer());
        put(node, "renewalEnds", stored.renewalEnds());
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    /** Returns the stored contents, or {@code null} for a value this version cannot read (it is then replaced). */
    static @Nullable StoredToken decode(byte[] raw) {
        try {
            JsonNode node = MAPPER.readTree(new String(raw, StandardCharsets.UTF_8));
            if (node == null || node.path("v").asInt() != FORMAT) {
                return null;
            }
            String token = text(node, "token");
            AccessToken access = token == null || token.isBlank()
                    ? null
                    : new AccessToken(token, instant(node, "expiresAt"), text(node, "refreshToken"));
            String renewer = text(node, "renewer");
            Instant renewalEnds = instant(node, "renewalEnds");
            return renewer == null || renewalEnds == null
                    ? new StoredToken(access, null, null)
                    : new StoredToken(access, renewer, renewalEnds);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private static void put(ObjectNode node, String field, @Nullable Instant value) {
        node.put(field, value == null ? null : value.toString());
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static @Nullable Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Instant.parse(text);
    }
}
