package dev.jobstatus.core.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Reads the timestamp shapes the providers send nearly always, digit by digit: {@code yyyy-MM-ddTHH:mm:ss}, with an
 * optional fraction of 1 to 9 digits, ending in {@code Z} or, where a zone for zoneless text is given, in nothing.
 * Anything else is left to {@code java.time}'s parsers, which are general and several times slower.
 */
public final class Timestamps {
    private Timestamps() {
    }

    /**
     * Returns the instant {@code value} names, or {@code null} when it is not one of the common shapes (or is an
     * impossible date), for a general parser to read or reject.
     *
     * @param zoneless the zone of text without {@code Z}, or {@code null} to accept only text ending in {@code Z}
     */
    public static @Nullable Instant parseCommon(String value, @Nullable ZoneId zoneless) {
        int length = value.length();
        if (length < 19 || value.charAt(4) != '-' || value.charAt(7) != '-' || (value.charAt(10) != 'T' && value.charAt(10) != 't')
                || value.charAt(13) != ':' || value.charAt(16) != ':') {
            return null;
        }
        char last = value.charAt(length - 1);
        boolean utc = last == 'Z' || last == 'z';
        int end = utc ? length - 1 : length;
        if (!utc && zoneless == null) {
            return null;
        }
        int nanos = 0;
        if (end > 19) {
            int digits = end - 20;
            if (value.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            nanos = digits(value, 20, digits);
            if (nanos < 0) {
                return null;
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 2);
        int day = digits(value, 8, 2);
        int hour = digits(value, 11, 2);
        int minute = digits(value, 14, 2);
        int second = digits(value, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            return utc ? local.toInstant(ZoneOffset.UTC) : local.atZone(zoneless).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Returns the number in {@code count} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String value, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
