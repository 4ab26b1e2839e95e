package dev.jobstatus.core.internal.transport;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.jobstatus.core.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns the body of a successful response into a value. Failures (including a {@code null} result) become a
 * {@link dev.jobstatus.core.exception.MalformedResponseException} naming {@link #description()}.
 *
 * @param <T> the type of the value
 */
public interface BodyReader<T> {
    /** Reads the value; may throw any I/O or Jackson exception, which the transport wraps. */
    T read(InputStream body) throws IOException;

    /** Describes the expected body for error messages, such as {@code "Job JSON object"}. */
    String description();

    /**
     * Returns a reader that applies {@code f} to each value this one reads (a {@code null} value stays null). An
     * exception {@code f} throws, such as for a missing envelope field, becomes a malformed-response error.
     */
    default <R> BodyReader<R> map(java.util.function.Function<? super T, ? extends R> f) {
        BodyReader<T> self = this;
        return new BodyReader<>() {
            @Override
            public R read(InputStream body) throws IOException {
                T value = self.read(body);
                return value == null ? null : f.apply(value);
            }

            @Override
            public String description() {
                return self.description();
            }
        };
    }

    /** Returns a reader that maps a JSON body with the SDK's Jackson configuration. */
    static <T> BodyReader<T> json(Class<T> type) {
        return json(Json.reader(type), type.getSimpleName() + " JSON");
    }

    /** Returns a reader that maps a JSON body to a generic type. */
    static <T> BodyReader<T> json(JavaType type, String description) {
        return json(Json.reader(type), description);
    }

    /** Returns a reader that uses {@code reader} and describes itself as {@code description}. */
    static <T> BodyReader<T> json(ObjectReader reader, String description) {
        return new BodyReader<>() {
            @Override
            public T read(InputStream body) throws IOException {
                return reader.readValue(body);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }
}
