package dev.jobstatus.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * A date ({@code 2025-01-31}, its start), a date-time ({@code 2025-01-31T08:00}, seconds optional), either in UTC;
     * or a date-time with an offset or zone ({@code 2025-01-31T08:00:00Z}, {@code 2025-01-31T09:00+01:00}), converted
     * to UTC. UTC rather than the system's zone: the Nexudus client reads the times Nexudus sends without a zone as
     * UTC, so a time typed as printed finds the same jobs on any machine.
     */
    static final ITypeConverter<LocalDateTime> TIME = text -> {
        String value = text.strip().replace(' ', 'T');
        try {
            if (!value.contains("T")) {
                return LocalDate.parse(value).atStartOfDay();
            }
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(value, ZonedDateTime::from, LocalDateTime::from);
            return parsed instanceof ZonedDateTime zoned
                    ? LocalDateTime.ofInstant(zoned.toInstant(), ZoneOffset.UTC)
                    : (LocalDateTime) parsed;
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not a date such as 2025-01-31 or a date-time such as "
                    + "2025-01-31T08:00 (UTC) or 2025-01-31T08:00:00Z or 2025-01-31T09:00+01:00");
        }
    };

    /**
     * {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, their sums such as {@code 1h30m}, or an ISO-8601
     * duration such as {@code PT10M}; longer than zero, at most {@link #LONGEST_DURATION}.
     */
    static final ITypeConverter<Duration> DURATION = Converters::duration;

    /** One number and its unit; a duration is one or more of them, largest unit first or not. */
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Converters() {}

    private static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Duration d = value.startsWith("p") ? iso(value) : withUnits(value);
        if (d == null) {
            throw new TypeConversionException("'" + text + "' is not a duration: write a number and a unit, such as "
                    + "500ms, 30s, 10m or 1h, a sum such as 1h30m, or ISO-8601 such as PT10M");
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

    private static Duration iso(String value) {
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The sum of the parts of {@code value}, saturating past what a Duration holds; null if it is not such a sum. */
    private static Duration withUnits(String value) {
        Matcher part = PART.matcher(value);
        Duration sum = Duration.ZERO;
        int end = 0;
        while (part.lookingAt()) {
            try {
                sum = sum.plus(withUnit(part.group(1), part.group(2)));
            } catch (ArithmeticException e) {
                return ChronoUnit.FOREVER.getDuration();
            }
            end = part.end();
            part.region(end, value.length());
        }
        return end == 0 || end < value.length() ? null : sum;
    }

    /** {@code digits} of {@code unit} (ms, s, m, h or d), saturating past what a Duration holds. */
    private static Duration withUnit(String digits, String unit) {
        ChronoUnit chrono = switch (unit) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
        try {
            // More digits than a long holds, or more than a Duration holds: too long either way.
            return Duration.of(digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits), chrono);
        } catch (ArithmeticException e) {
            return ChronoUnit.FOREVER.getDuration();
        }
    }
}
