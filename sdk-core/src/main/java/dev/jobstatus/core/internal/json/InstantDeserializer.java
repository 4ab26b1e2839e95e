package dev.jobstatus.core.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's one reader of {@link Instant}s: ISO-8601 date-times as the providers send them, with {@code Z} or an
 * offset ({@code 2025-01-15T10:30:00Z}, {@code 2025-01-15T10:30:00.123+02:00}) or, from Nexudus, without one
 * ({@code 2015-07-12T18:14:58}), read in the {@link ZoneId} a reader carries as the attribute {@link #ZONE}; a
 * fraction of 1 to 9 digits; letters in either case; blanks around ignored. Blank text reads as {@code null}.
 *
 * <p>Anything else (zoneless text with no zone given, an impossible date, a number or object) fails the value as
 * Jackson's mismatch exceptions do, except on a property marked {@code @JsonFormat(lenient = OptBoolean.TRUE)}: there
 * it reads as {@code null}, for a field whose garbling should not cost the caller the whole record.
 */
public final class InstantDeserializer extends StdScalarDeserializer<Instant> implements ContextualDeserializer {
    private static final long serialVersionUID = 1L;

    /** The reader attribute holding the {@link ZoneId} of text without a zone or offset. */
    public static final String ZONE = "dev.jobstatus.json.zone";

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .parseLenient()
            .appendOffsetId()
            .parseStrict()
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private final boolean lenient;

    /** Creates the strict reader. */
    public InstantDeserializer() {
        this(false);
    }

    private InstantDeserializer(boolean lenient) {
        super(Instant.class);
        this.lenient = lenient;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property) {
        boolean lenientHere = Boolean.TRUE.equals(
                findFormatOverrides(ctxt, property, Instant.class).getLenient());
        return lenientHere == lenient ? this : new InstantDeserializer(lenientHere);
    }

    @Override
    public @Nullable Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            if (lenient) {
                p.skipChildren();
                return null;
            }
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
        String text = p.getText().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            TemporalAccessor parsed = ISO.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime offset) {
                return offset.toInstant();
            }
            if (ctxt.getAttribute(ZONE) instanceof ZoneId zone) {
                return ((LocalDateTime) parsed).atZone(zone).toInstant();
            }
        } catch (DateTimeException e) {
            // an impossible date or not a date-time at all: told below
        }
        return lenient ? null : (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 date-time");
    }
}
