package dev.jobstatus.wix.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object as the models hold it: unmodifiable, deeply (nested objects are {@code ParsedObject}s, arrays
 * unmodifiable lists), in the order of the JSON, {@code null} values kept. Read straight from the parser, so a
 * record built from it keeps it as it is instead of copying what it was just given; any other map is copied.
 * Its keys and values sit in two arrays: no entry objects, no hash table for the few keys such objects have.
 */
@JsonDeserialize(using = ParsedObject.Reader.class)
public final class ParsedObject extends AbstractMap<String, Object> {
    private static final ParsedObject EMPTY = new ParsedObject(new String[0], new Object[0], 0, null);
    /** Above this many keys, lookups go through a hash index instead of a scan. */
    private static final int SCAN_LIMIT = 8;

    private final String[] keys;
    private final @Nullable Object[] values;
    private final int size;
    private final @Nullable Map<String, Integer> index;

    /** Takes the arrays as they are; {@code index}, when there is one (a large object), maps each key to its slot. */
    private ParsedObject(String[] keys, @Nullable Object[] values, int size, @Nullable Map<String, Integer> index) {
        this.keys = keys;
        this.values = values;
        this.size = size;
        this.index = index;
    }

    /** Returns {@code map} itself if it is a {@code ParsedObject}, else an unmodifiable copy; {@code null} gives an empty map. */
    public static Map<String, Object> of(@Nullable Map<String, Object> map) {
        if (map == null || map instanceof ParsedObject) {
            return map == null ? EMPTY : map;
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return slot(key) >= 0;
    }

    @Override
    public @Nullable Object get(Object key) {
        int slot = slot(key);
        return slot < 0 ? null : values[slot];
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int at = next++;
                        return new SimpleImmutableEntry<>(keys[at], values[at]);
                    }
                };
            }
        };
    }

    private int slot(Object key) {
        return slot(keys, size, index, key);
    }

    /** Returns the slot of {@code key} among the first {@code size} keys, through the index when there is one, or -1. */
    private static int slot(String[] keys, int size, @Nullable Map<String, Integer> index, Object key) {
        if (index != null) {
            Integer at = index.get(key);
            return at == null ? -1 : at;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Integer> indexOf(String[] keys, int size) {
        Map<String, Integer> index = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            index.put(keys[i], i);
        }
        return index;
    }

    /** Reads a JSON object, and the objects and arrays inside it, into {@code ParsedObject}s and unmodifiable lists. */
    public static final class Reader extends JsonDeserializer<ParsedObject> {
        /** Creates the reader; Jackson does, from the annotation on {@link ParsedObject}. */
        public Reader() {
        }

        @Override
        public ParsedObject deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return object(p, ctxt);
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        /** Reads the object the parser is at (its start, its first field or its end). */
        static ParsedObject object(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.START_OBJECT) {
                token = p.nextToken();
            }
            if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
                return (ParsedObject) ctxt.handleUnexpectedToken(ParsedObject.class, p);
            }
            String[] keys = new String[4];
            Object[] values = new Object[4];
            int size = 0;
            Map<String, Integer> seen = null;
            for (; token == JsonToken.FIELD_NAME; token = p.nextToken()) {
                String key = p.currentName();
                p.nextToken();
                Object value = value(p, ctxt);
                // A repeated key keeps its first place and its last value, as a LinkedHashMap would.
                if (size > SCAN_LIMIT && seen == null) {
                    seen = indexOf(keys, size);
                }
                int at = slot(keys, size, seen, key);
                if (at >= 0) {
                    values[at] = value;
                    continue;
                }
                if (size == keys.length) {
                    keys = Arrays.copyOf(keys, size * 2);
                    values = Arrays.copyOf(values, size * 2);
                }
                if (seen != null) {
                    seen.put(key, size);
                }
                keys[size] = key;
                values[size++] = value;
            }
            return size == 0 ? EMPTY : new ParsedObject(keys, values, size, seen);
        }

        private static @Nullable Object value(JsonParser p, DeserializationContext ctxt) throws IOException {
            switch (p.currentToken()) {
                case START_OBJECT:
                    return object(p, ctxt);
                case START_ARRAY:
                    ArrayList<Object> list = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        list.add(value(p, ctxt));
                    }
                    return Collections.unmodifiableList(list);
                case VALUE_STRING:
                    return p.getText();
                case VALUE_NUMBER_INT:
                    return p.getNumberValue();
                case VALUE_NUMBER_FLOAT:
                    return p.getDoubleValue();
                case VALUE_TRUE:
                    return Boolean.TRUE;
                case VALUE_FALSE:
                    return Boolean.FALSE;
                case VALUE_NULL:
                    return null;
                default:
                    return ctxt.handleUnexpectedToken(Object.class, p);
            }
        }
    }
}
