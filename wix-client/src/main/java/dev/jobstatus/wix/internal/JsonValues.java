package dev.jobstatus.wix.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parsed JSON as the Wix models hold it: the maps and lists Jackson builds for {@code Map<String, Object>}, copied
 * into unmodifiable ones at every depth, in their order, {@code null} values kept.
 */
public final class JsonValues {
    private JsonValues() {}

    /** Returns an unmodifiable deep copy of {@code map}; {@code null} gives an empty map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> frozen(@Nullable Map<String, ?> map) {
        return map == null ? Collections.emptyMap() : (Map<String, Object>) frozenValue(map);
    }

    private static @Nullable Object frozenValue(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>((int) (map.size() / 0.75f) + 1);
            map.forEach((k, v) -> copy.put(k, frozenValue(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(frozenValue(element));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
