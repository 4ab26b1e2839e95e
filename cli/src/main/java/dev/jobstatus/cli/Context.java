package dev.jobstatus.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command runs with: the environment (credentials come only from there), the output streams, and
 * whether stderr is a terminal (for a live progress line).
 *
 * @param env the environment variables
 * @param out standard output: records
 * @param err standard error: progress and errors
 * @param terminal whether stderr is an interactive terminal
 * @param in standard input: job ids for {@code wait -}
 */
record Context(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal, InputStream in) {
    /** A context whose standard input is the process's. */
    Context(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
        this(env, out, err, terminal, System.in);
    }

    /** Returns the variable's value, or {@code null} when unset or blank. */
    String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
