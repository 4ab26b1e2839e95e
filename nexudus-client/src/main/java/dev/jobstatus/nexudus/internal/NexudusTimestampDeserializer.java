package dev.jobstatus.nexudus.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import dev.jobstatus.core.internal.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads Nexudus timestamps, which come both with a zone ({@code 2025-01-15T10:30:00Z}) and without one
 * ({@code 2015-07-12T18:14:58}). A zoneless value is read in the zone the client was configured with, passed as
 * the reader attribute {@link #ZONE_ATTRIBUTE} (UTC when absent).
 *
 * <p>The two shapes Nexudus sends most, {@code yyyy-MM-ddTHH:mm:ss} with or without a trailing {@code Z}, are read
 * digit by digit: a listing page carries two per record, and {@link java.time.format.DateTimeFormatter} took a
 * large share of a page's mapping time. Anything else goes through {@code java.time}'s parsers.
 */
public final class NexudusTimestampDeserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    /** The reader attribute that holds the {@link ZoneId} of zoneless timestamps. */
    public static final String ZONE_ATTRIBUTE = "dev.jobstatus.nexudus.zone";

    /** Creates the deserializer. */
    public NexudusTimestampDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = p.getValueAsString();
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        Instant common = parseCommon(value, ctxt.getAttribute(ZONE_ATTRIBUTE));
        if (common != null) {
            return common;
        }
        try {
            char last = value.charAt(value.length() - 1);
            if (last == 'Z' || last == 'z' || value.lastIndexOf('+') > 9 || value.lastIndexOf('-') > 9) {
                return OffsetDateTime.parse(value.toUpperCase()).toInstant();
            }
            Object zone = ctxt.getAttribute(ZONE_ATTRIBUTE);
            return LocalDateTime.parse(value).atZone(zone instanceof ZoneId z ? z : ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            return (Instant) ctxt.handleWeirdStringValue(Instant.class, value, "not an ISO-8601 date-time");
        }
    }

    /**
     * Reads {@code yyyy-MM-ddTHH:mm:ss}, in {@code zone} (UTC unless a {@link ZoneId}), or the same ending in
     * {@code Z}; returns {@code null} for any other text, including an impossible date, for the general parsers
     * to read or reject.
     */
    static Instant parseCommon(String value, Object zone) {
        return Timestamps.parseCommon(value, zone instanceof ZoneId z ? z : ZoneOffset.UTC);
    }
}
