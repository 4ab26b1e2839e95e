package dev.jobstatus.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How the command reads whole numbers, durations and times: picocli's converters with messages in the user's words.
 * picocli prefixes each message with the option, as in "Invalid value for option '--timeout': '2' is not a duration…".
 */
final class Converters {
    /** The longest duration an option takes: 100 years, well within the range of a nanosecond clock (292 years). */
    static final Duration LONGEST_DURATION = Duration.ofDays(36_500);

    /** A whole number. */
    static final ITypeConverter<Long> LONG = text -> {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a whole number");
        }
    };

    /** A whole number within an int. */
    static final ITypeConverter<Integer> INT = text -> {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a whole number up to " + Integer.MAX_VALUE);
        }
    };

    /** A date ({@code 2025-01-31}, its start) or a date-time ({@code 2025-01-31T08:00}, seconds optional). */
    static final ITypeConverter<LocalDateTime> TIME = text -> {
        String value = text.strip();
        try {
            return value.contains("T")
                    ? LocalDateTime.parse(value)
                    : LocalDate.parse(value).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException(
                    "'" + text + "' is not a date such as 2025-01-31 or a date-time such as 2025-01-31T08:00");
        }
    };

    /**
     * {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h} or an ISO-8601 duration such as {@code PT10M}; longer than zero,
     * at most {@link #LONGEST_DURATION}.
     */
    static final ITypeConverter<Duration> DURATION = Converters::duration;

    private Converters() {}

    private static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        int unit = 0;
        while (unit < value.length() && Character.isDigit(value.charAt(unit))) {
            unit++;
        }
        Duration d =
                unit > 0 && unit < value.length() ? withUnit(value.substring(0, unit), value.substring(unit)) : null;
        if (d == null) {
            try {
                d = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(
                        "'" + text + "' is not a duration: write a number and a unit, such as 500ms, 30s, 10m or 1h");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new TypeConversionException("'" + text + "' must be longer than zero");
        }
        if (d.compareTo(LONGEST_DURATION) > 0) {
            throw new TypeConversionException(
                    "'" + text + "' is too long: at most 100 years (" + LONGEST_DURATION.toHours() + "h)");
        }
        return d;
    }

    /** {@code digits} of {@code unit} (ms, s, m or h), saturating past what a Duration holds; null for another unit. */
    private static Duration withUnit(String digits, String unit) {
        ChronoUnit chrono = switch (unit) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            default -> null;
        };
        if (chrono == null) {
            return null;
        }
        try {
            // More digits than a long holds, or more than a Duration holds: too long either way.
            return Duration.of(digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits), chrono);
        } catch (ArithmeticException e) {
            return ChronoUnit.FOREVER.getDuration();
        }
    }
}
