package dev.jobstatus.cli;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The values a command line gave a command's options and parameters, read and checked. */
final class Args {
    /**
     * By identity: each option and parameter is one constant. A record's own hashCode would also do, but its first
     * call bootstraps the JDK's generated record methods, some 30 ms of a short command's start.
     */
    private final Map<Object, Object> values = new IdentityHashMap<>();

    /** Whether the flag was given. */
    boolean flag(Option<Boolean> option) {
        return values.containsKey(option);
    }

    /** The option's value, its default when not given, or {@code null}. */
    @SuppressWarnings("unchecked")
    <T> T get(Option<T> option) {
        return (T) values.get(option);
    }

    /** A list option's values in the order given; empty when not given. */
    @SuppressWarnings("unchecked")
    <T> List<T> all(Option<T> option) {
        return (List<T>) values.getOrDefault(option, List.of());
    }

    /** The parameter's value. */
    @SuppressWarnings("unchecked")
    <T> T get(Param<T> param) {
        return (T) values.get(param);
    }

    /** A variadic parameter's values; empty when none were given. */
    @SuppressWarnings("unchecked")
    <T> List<T> all(Param<T> param) {
        return (List<T>) values.getOrDefault(param, List.of());
    }

    boolean has(Object optionOrParam) {
        return values.containsKey(optionOrParam);
    }

    void set(Object optionOrParam, Object value) {
        values.put(optionOrParam, value);
    }

    @SuppressWarnings("unchecked")
    void add(Object optionOrParam, Object value) {
        ((List<Object>) values.computeIfAbsent(optionOrParam, k -> new ArrayList<>())).add(value);
    }
}
