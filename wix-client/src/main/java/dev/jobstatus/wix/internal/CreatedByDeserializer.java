package dev.jobstatus.wix.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.jobstatus.wix.model.CreatedBy;
import dev.jobstatus.wix.model.CreatorType;
import java.io.IOException;
import java.util.Map;

/**
 * Reads Wix's {@code createdBy} one-of, and the deprecated {@code owner} of older jobs. The id may stand at the top
 * level ({@code {"type", "memberId"}}) or inside its options object ({@code {"memberIdOptions": {"memberId"}}}),
 * in camelCase or snake_case ({@code member_id}); the case follows {@code type} when it is known and its id is
 * present, and otherwise whichever id is present. Anything else becomes {@link CreatedBy.Unknown} with every field
 * kept.
 */
public final class CreatedByDeserializer extends StdDeserializer<CreatedBy> {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer. */
    public CreatedByDeserializer() {
        super(CreatedBy.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CreatedBy deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        if (node == null || !node.isObject()) {
            return new CreatedBy.Unknown(CreatorType.UNKNOWN_TYPE, Map.of());
        }
        String visitor = id(node, "anonymousVisitorId", "anonymous_visitor_id");
        String member = id(node, "memberId", "member_id");
        String user = id(node, "wixUserId", "wix_user_id");
        String app = id(node, "appId", "app_id");
        String service = id(node, "serviceId", "service_id");
        CreatorType type = node.hasNonNull("type") ? CreatorType.of(node.get("type").asText()) : null;
        if (type != null && type.isKnown()) {
            CreatedBy byType = switch (type.known().get()) {
                case ANONYMOUS_VISITOR_ID -> visitor == null ? null : new CreatedBy.AnonymousVisitor(visitor);
                case MEMBER_ID -> member == null ? null : new CreatedBy.Member(member);
                case WIX_USER_ID -> user == null ? null : new CreatedBy.WixUser(user);
                case APP_ID -> app == null ? null : new CreatedBy.App(app);
                case SERVICE_ID -> service == null ? null : new CreatedBy.Service(service);
                case UNKNOWN_TYPE -> null;
            };
            if (byType != null) {
                return byType;
            }
        }
        if (type == null || (type.isKnown() && type.known().get() != CreatorType.Known.UNKNOWN_TYPE)) {
            if (visitor != null) {
                return new CreatedBy.AnonymousVisitor(visitor);
            }
            if (member != null) {
                return new CreatedBy.Member(member);
            }
            if (user != null) {
                return new CreatedBy.WixUser(user);
            }
            if (app != null) {
                return new CreatedBy.App(app);
            }
            if (service != null) {
                return new CreatedBy.Service(service);
            }
        }
        Map<String, Object> fields = ctxt.readTreeAsValue(node, Map.class);
        return new CreatedBy.Unknown(type == null ? CreatorType.UNKNOWN_TYPE : type, fields);
    }

    private static String id(JsonNode node, String camel, String snake) {
        String id = id(node, camel);
        return id != null ? id : id(node, snake);
    }

    private static String id(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            value = node.path(field + (field.contains("_") ? "_options" : "Options")).get(field);
        }
        return value == null || value.isNull() || !value.isValueNode() || value.asText().isEmpty() ? null : value.asText();
    }
}
