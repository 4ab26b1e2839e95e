package dev.jobstatus.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SDK's one Instant reader: the shapes the providers' docs show, zoneless text in a reader's zone, leniency per property. */
class InstantDeserializerTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ObjectReader UTC_ONLY = Json.reader(Instant.class);
    private static final ObjectReader IN_PARIS = UTC_ONLY.withAttribute(InstantDeserializer.ZONE, PARIS);

    /** A record with one strict and one lenient timestamp, as Asana's exports have. */
    record Stamped(
            Instant strict,
            @JsonFormat(lenient = OptBoolean.TRUE) Instant lenient) {}

    private static Instant read(ObjectReader reader, String text) throws Exception {
        return reader.readValue("\"" + text + "\"");
    }

    @Test
    void readsZuluAndOffsetTextWithAnyFraction() throws Exception {
        for (String value : List.of(
                "2024-03-01T12:00:00Z",
                "2024-03-01T12:03:30.250Z",
                "2012-02-22T02:06:58.147Z",
                "2024-02-29T23:59:59.999999999Z",
                "2024-03-01T12:00:00.1Z",
                "2025-01-15T10:30:00.123+02:00",
                "2015-07-12T18:14:58-03:00")) {
            assertThat(read(UTC_ONLY, value))
                    .as(value)
                    .isEqualTo(java.time.OffsetDateTime.parse(value).toInstant());
            assertThat(read(IN_PARIS, value))
                    .as(value)
                    .isEqualTo(java.time.OffsetDateTime.parse(value).toInstant());
        }
        assertThat(read(UTC_ONLY, "2024-03-01t12:00:00z")).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
        assertThat(read(UTC_ONLY, " 2025-01-15T10:30:00Z ")).isEqualTo(Instant.parse("2025-01-15T10:30:00Z"));
        assertThat(read(UTC_ONLY, "2025-01-15T10:30:00+02")).isEqualTo(Instant.parse("2025-01-15T08:30:00Z"));
    }

    @Test
    void readsZonelessTextInTheReadersZoneAndOnlyThere() throws Exception {
        assertThat(read(IN_PARIS, "2015-07-12T18:14:58")).isEqualTo(Instant.parse("2015-07-12T16:14:58Z"));
        assertThat(read(IN_PARIS, "2015-07-12T18:14:58.5")).isEqualTo(Instant.parse("2015-07-12T16:14:58.500Z"));
        assertThat(read(IN_PARIS, "2024-10-27T02:30:00")).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
        assertThat(read(UTC_ONLY.withAttribute(InstantDeserializer.ZONE, ZoneOffset.UTC), "2015-07-12T18:14:58"))
                .isEqualTo(Instant.parse("2015-07-12T18:14:58Z"));
        assertThatThrownBy(() -> read(UTC_ONLY, "2015-07-12T18:14:58")).isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void blankIsNullAndAnythingElseIsAMismatch() throws Exception {
        assertThat(read(IN_PARIS, "")).isNull();
        assertThat(read(IN_PARIS, "  ")).isNull();
        for (String value : List.of(
                "2025-02-30T00:00:00",
                "2025-13-01T00:00:00Z",
                "2025-01-01T24:00:00",
                "2015-07-12T18:14:58.1234567890Z",
                "2015-07-12 18:14:58Z",
                "2015-7-12T18:14:58Z",
                "2025-01-15",
                "yesterday",
                "2025-01-15T10:30:00+25:00",
                "2025-01-15T10:30:00Q")) {
            assertThatThrownBy(() -> read(IN_PARIS, value)).as(value).isInstanceOf(InvalidFormatException.class);
        }
        assertThatThrownBy(() -> IN_PARIS.readValue("1709294610")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> IN_PARIS.readValue("{\"a\": 1}")).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aLenientPropertyReadsGarbageAsNullAndTheOthersStayStrict() throws Exception {
        ObjectReader reader = Json.reader(Stamped.class);
        Stamped garbled =
                reader.readValue("{\"strict\": \"2024-03-01T12:00:00Z\", \"lenient\": \"2012-13-45T99:99:99Z\"}");
        assertThat(garbled).isEqualTo(new Stamped(Instant.parse("2024-03-01T12:00:00Z"), null));
        for (String lenient : List.of("\"not a date\"", "7", "{\"deep\": [1]}", "[1, 2]", "\"2024-03-01T12:00:00\"")) {
            assertThat(reader.<Stamped>readValue("{\"lenient\": " + lenient + "}")
                            .lenient())
                    .as(lenient)
                    .isNull();
        }
        assertThat(reader.<Stamped>readValue("{\"lenient\": \"2024-03-01T12:00:00.5+01:00\"}")
                        .lenient())
                .isEqualTo(Instant.parse("2024-03-01T11:00:00.500Z"));
        assertThatThrownBy(() -> reader.readValue("{\"strict\": \"not a date\"}"))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void theSdkMapperWritesInstantsAsIso8601() throws Exception {
        assertThat(Json.writer().writeValueAsString(Map.of("at", Instant.parse("2024-03-01T12:03:30.250Z"))))
                .isEqualTo("{\"at\":\"2024-03-01T12:03:30.250Z\"}");
    }
}
