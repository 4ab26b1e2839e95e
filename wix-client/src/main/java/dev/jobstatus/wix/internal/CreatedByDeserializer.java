package dev.jobstatus.wix.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.jobstatus.wix.model.CreatedBy;
import dev.jobstatus.wix.model.CreatorType;
import java.io.IOException;
import java.util.List;
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
    /** Each id's field and options object, in camelCase and then in snake_case. */
    private static final String[] VISITOR = names("anonymousVisitorId", "anonymous_visitor_id");

    private static final String[] MEMBER = names("memberId", "member_id");
    private static final String[] USER = names("wixUserId", "wix_user_id");
    private static final String[] APP = names("appId", "app_id");
    private static final String[] SERVICE = names("serviceId", "service_id");

    /** Creates the deserializer. */
    public CreatedByDeserializer() {
        super(CreatedBy.class);
    }

    @Override
    public CreatedBy deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.START_OBJECT)
                && !p.hasToken(JsonToken.FIELD_NAME)
                && !p.hasToken(JsonToken.END_OBJECT)) {
            p.skipChildren();
            return new CreatedBy.Unknown(CreatorType.UNKNOWN_TYPE, Map.of());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> node = JsonValues.frozen(ctxt.readValue(p, Map.class));
        String visitor = id(node, VISITOR);
        String member = id(node, MEMBER);
        String user = id(node, USER);
        String app = id(node, APP);
        String service = id(node, SERVICE);
        CreatorType type = node.get("type") == null ? null : CreatorType.of(text(node.get("type")));
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
        return new CreatedBy.Unknown(type == null ? CreatorType.UNKNOWN_TYPE : type, node);
    }

    private static String id(Map<String, Object> node, String[] names) {
        String id = id(node, names[0], names[1]);
        return id != null ? id : id(node, names[2], names[3]);
    }

    private static String id(Map<String, Object> node, String field, String options) {
        Object value = node.get(field);
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            value = node.get(options) instanceof Map<?, ?> nested ? nested.get(field) : null;
        }
        String id = value == null || value instanceof Map<?, ?> || value instanceof List<?> ? null : text(value);
        return id == null || id.isEmpty() ? null : id;
    }

    private static String[] names(String camel, String snake) {
        return new String[] {camel, camel + "Options", snake, snake + "_options"};
    }

    /** A scalar as Jackson's {@code asText} gives it. */
    private static String text(Object scalar) {
        return scalar instanceof Map<?, ?> || scalar instanceof List<?> ? "" : scalar.toString();
    }
}
