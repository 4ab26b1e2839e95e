package dev.jobstatus.core.internal.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The SDK's one Jackson configuration: {@link Instant} read by {@link InstantDeserializer} and written as ISO-8601,
 * unknown properties ignored, lenient about nulls and empty strings, strict about trailing garbage. Only immutable readers and writers of the shared mapper leave
 * this class.
 */
public final class Json {
    private static final ObjectMapper MAPPER = configured().build();

    private Json() {}

    private static JsonMapper.Builder configured() {
        return JsonMapper.builder()
                // Instant is the only java.time type the SDK's records hold: one reader for what the providers send.
                .addModule(new SimpleModule("jobstatus-instants")
                        .addDeserializer(Instant.class, new InstantDeserializer())
                        .addSerializer(Instant.class, ToStringSerializer.instance))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Parse errors must not quote the document: it may hold data the caller did not ask to log.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
                .withConfigOverride(Map.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
                .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull));
    }

    /** Returns a reader for values of {@code type}. */
    public static <T> ObjectReader reader(Class<T> type) {
        return MAPPER.readerFor(type);
    }

    /** Returns a reader for values of a generic {@code type}. */
    public static ObjectReader reader(TypeReference<?> type) {
        return MAPPER.readerFor(type);
    }

    /** Returns a reader for values of {@code type}. */
    public static ObjectReader reader(JavaType type) {
        return MAPPER.readerFor(type);
    }

    /** Returns a reader of untyped trees. */
    public static ObjectReader treeReader() {
        return MAPPER.reader();
    }

    /** Returns the writer. */
    public static ObjectWriter writer() {
        return MAPPER.writer();
    }

    /** Returns the type factory, for building generic types. */
    public static TypeFactory types() {
        return MAPPER.getTypeFactory();
    }
}
