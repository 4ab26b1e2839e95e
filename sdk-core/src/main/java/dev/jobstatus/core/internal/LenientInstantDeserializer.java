package dev.jobstatus.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reads an ISO-8601 timestamp with a zone or offset, and turns anything it cannot read into {@code null} rather
 * than failing the whole record: a job whose export time is garbled is still a job worth returning.
 */
public final class LenientInstantDeserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer. */
    public LenientInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.currentToken().isScalarValue()) {
            ctxt.readTree(p); // skip an object or array
            return null;
        }
        String text = p.getValueAsString();
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant common = Timestamps.parseCommon(text, null);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
