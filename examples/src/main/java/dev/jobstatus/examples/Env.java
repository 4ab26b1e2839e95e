package dev.jobstatus.examples;

import java.util.Map;

/** Reads the credentials an example needs from the environment; when they are absent, the example runs offline. */
final class Env {
    private final Map<String, String> vars;

    Env(Map<String, String> vars) {
        this.vars = vars;
    }

    static Env system() {
        return new Env(System.getenv());
    }

    /** Returns whether every one of {@code names} is set. */
    boolean has(String... names) {
        for (String name : names) {
            if (get(name) == null) {
                return false;
            }
        }
        return true;
    }

    String get(String name) {
        String value = vars.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
