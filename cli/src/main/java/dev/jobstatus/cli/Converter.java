package dev.jobstatus.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Reads the text of an option or parameter as its value. A text it cannot read throws
 * {@link IllegalArgumentException} with a message that quotes the text and says what was expected.
 */
@FunctionalInterface
interface Converter<T> {
    T convert(String text);

    /** The text as given. */
    Converter<String> TEXT = text -> text;

    /** A whole number. */
    Converter<Long> LONG = text -> {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    };

    /** A whole number within an int. */
    Converter<Integer> INT = text -> {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number up to " + Integer.MAX_VALUE);
        }
    };

    /** The longest duration an option takes: 100 years, well within the range of a nanosecond clock (292 years). */
    Duration LONGEST_DURATION = Duration.ofDays(36_500);

    /**
     * {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h} or an ISO-8601 duration such as {@code PT10M}; longer than zero,
     * at most {@link #LONGEST_DURATION}.
     */
    Converter<Duration> DURATION = Converter::duration;

    /** A date ({@code 2025-01-31}, its start) or a date-time ({@code 2025-01-31T08:00}, seconds optional). */
    Converter<LocalDateTime> TIME = text -> {
        String value = text.strip();
        try {
            return value.contains("T") ? LocalDateTime.parse(value) : LocalDate.parse(value).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date such as 2025-01-31 or a date-time such as 2025-01-31T08:00");
        }
    };

    /** One of the constants of {@code type}, in any case. */
    static <E extends Enum<E>> Converter<E> oneOf(Class<E> type) {
        return text -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text.strip())) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not one of " + names(type));
        };
    }

    /** The constants of {@code type}, as a user writes them: {@code A, B, C}. */
    static String names(Class<? extends Enum<?>> type) {
        StringJoiner names = new StringJoiner(", ");
        for (Enum<?> constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return names.toString();
    }

    private static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        int unit = 0;
        while (unit < value.length() && Character.isDigit(value.charAt(unit))) {
            unit++;
        }
        Duration d = null;
        if (unit > 0 && unit < value.length()) {
            ChronoUnit chrono = switch (value.substring(unit)) {
                case "ms" -> ChronoUnit.MILLIS;
                case "s" -> ChronoUnit.SECONDS;
                case "m" -> ChronoUnit.MINUTES;
                case "h" -> ChronoUnit.HOURS;
                default -> null;
            };
            if (chrono != null) {
                try {
                    // More digits than a long holds, or more than a Duration holds: too long either way.
                    d = Duration.of(unit > 18 ? Long.MAX_VALUE : Long.parseLong(value.substring(0, unit)), chrono);
                } catch (ArithmeticException e) {
                    d = ChronoUnit.FOREVER.getDuration();
                }
            }
        }
        if (d == null) {
            try {
                d = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration: write a number and a unit, such as 500ms, 30s, 10m or 1h");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero");
        }
        if (d.compareTo(LONGEST_DURATION) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too long: at most 100 years ("
                    + LONGEST_DURATION.toHours() + "h)");
        }
        return d;
    }
}
