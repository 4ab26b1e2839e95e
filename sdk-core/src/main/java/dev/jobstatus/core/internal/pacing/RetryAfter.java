package dev.jobstatus.core.internal.pacing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header in either of its forms: delta-seconds or an HTTP-date. */
public final class RetryAfter {
    private static final long MAX_SECONDS = Duration.ofDays(1).toSeconds();

    private RetryAfter() {}

    /**
     * Returns the delay the header asks for, measured from {@code now} for an HTTP-date.
     *
     * @param value the header value, or {@code null}
     * @param now the current time
     * @return the delay (zero for a date in the past, at most one day), or {@code null} when absent or unreadable
     */
    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            return v.length() > 6
                    ? Duration.ofSeconds(MAX_SECONDS)
                    : Duration.ofSeconds(Math.min(MAX_SECONDS, Long.parseLong(v)));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration delay = Duration.between(now, at);
            if (delay.isNegative()) {
                return Duration.ZERO;
            }
            return delay.getSeconds() > MAX_SECONDS ? Duration.ofSeconds(MAX_SECONDS) : delay;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
