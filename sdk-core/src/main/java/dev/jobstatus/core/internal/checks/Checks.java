package dev.jobstatus.core.internal.checks;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the SDK's builders. */
public final class Checks {
    private Checks() {}

    /**
     * Returns {@code d} if it is zero or more.
     *
     * @throws NullPointerException if {@code d} is null
     * @throws IllegalArgumentException if it is negative
     */
    public static Duration nonNegative(Duration d, String name) {
        if (Objects.requireNonNull(d, name).isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return d;
    }

    /**
     * Returns {@code d} if it is more than zero.
     *
     * @throws NullPointerException if {@code d} is null
     * @throws IllegalArgumentException if it is zero or negative
     */
    public static Duration positive(Duration d, String name) {
        if (nonNegative(d, name).isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /**
     * Returns {@code value} if it has text.
     *
     * @throws IllegalArgumentException if it is null or blank
     */
    public static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return value;
    }
}
