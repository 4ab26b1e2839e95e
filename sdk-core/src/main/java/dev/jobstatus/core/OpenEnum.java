package dev.jobstatus.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A value from a set the provider may extend, such as a job status: the raw string is always kept, and the
 * values the SDK knows map to a closed enum for {@code switch}. An unseen value is never rejected.
 *
 * @param <K> the enum of known values
 */
public abstract class OpenEnum<K extends Enum<K>> {
    private final String value;
    private final @Nullable K known;

    /**
     * Creates a value.
     *
     * @param value the raw value as the provider sends it
     * @param known the matching known constant, or {@code null} for a value the SDK does not know
     */
    protected OpenEnum(String value, @Nullable K known) {
        this.value = value;
        this.known = known;
    }

    /**
     * {@return an index from wire value to known constant, for subclasses' {@code of(String)}}
     *
     * @param <K> the enum of known values
     * @param type the enum of known values
     * @param wireName how each constant is spelled on the wire
     */
    protected static <K extends Enum<K>> Map<String, K> index(Class<K> type, Function<K, String> wireName) {
        return Arrays.stream(type.getEnumConstants()).collect(Collectors.toUnmodifiableMap(wireName, k -> k));
    }

    /** {@return the raw value, exactly as the provider sent it} */
    @JsonValue
    public final String value() {
        return value;
    }

    /** {@return the known constant, or empty for a value this version of the SDK does not know} */
    public final Optional<K> known() {
        return Optional.ofNullable(known);
    }

    /** {@return whether this version of the SDK knows the value} */
    public final boolean isKnown() {
        return known != null;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OpenEnum<?>) o).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }
}
