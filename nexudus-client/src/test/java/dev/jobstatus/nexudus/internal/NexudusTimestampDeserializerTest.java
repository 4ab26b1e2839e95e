package dev.jobstatus.nexudus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class NexudusTimestampDeserializerTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static ObjectReader reader(ZoneId zone) {
        return JsonMapper.builder().addModule(new SimpleModule().addDeserializer(Instant.class, new NexudusTimestampDeserializer()))
                .build().readerFor(Instant.class).withAttribute(NexudusTimestampDeserializer.ZONE_ATTRIBUTE, zone);
    }

    @Test
    void theDigitByDigitPathAgreesWithJavaTimeOnTheCommonShapes() {
        for (String value : List.of("2015-07-12T18:14:58", "2025-01-15T10:30:00Z", "2024-02-29T23:59:59", "2024-03-31T02:30:00",
                "2024-10-27T02:30:00", "0001-01-01T00:00:00z", "9999-12-31t23:59:59Z")) {
            String upper = value.toUpperCase();
            Instant expected = upper.endsWith("Z") ? OffsetDateTime.parse(upper).toInstant()
                    : LocalDateTime.parse(upper).atZone(PARIS).toInstant();
            assertThat(NexudusTimestampDeserializer.parseCommon(value, PARIS)).as(value).isEqualTo(expected);
        }
    }

    @Test
    void otherShapesAndImpossibleDatesAreLeftToTheGeneralParsers() {
        assertThat(NexudusTimestampDeserializer.parseCommon("2015-07-12T18:14:58.123", PARIS))
                .as("a fraction is read on the fast path too").isEqualTo(Instant.parse("2015-07-12T16:14:58.123Z"));
        for (String value : List.of("2015-07-12T18:14:58.", "2015-07-12T18:14:58.1234567890", "2015-07-12T18:14:58+02:00", "2015-07-12 18:14:58",
                "2015-7-12T18:14:58", "2025-02-30T00:00:00", "2025-13-01T00:00:00", "2025-01-01T24:00:00", "2025-01-01T00:00:0x",
                "+12025-01-01T00:00:00", "2025-01-01T00:00:00Q")) {
            assertThat(NexudusTimestampDeserializer.parseCommon(value, PARIS)).as(value).isNull();
        }
    }

    @Test
    void readsEveryShapeNexudusSendsAndRejectsImpossibleDates() throws Exception {
        ObjectReader paris = reader(PARIS);
        assertThat((Instant) paris.readValue("\"2015-07-12T18:14:58\"")).isEqualTo(Instant.parse("2015-07-12T16:14:58Z"));
        assertThat((Instant) paris.readValue("\" 2025-01-15T10:30:00Z \"")).isEqualTo(Instant.parse("2025-01-15T10:30:00Z"));
        assertThat((Instant) paris.readValue("\"2015-07-12T18:14:58.5\"")).isEqualTo(Instant.parse("2015-07-12T16:14:58.500Z"));
        assertThat((Instant) paris.readValue("\"2015-07-12T18:14:58-03:00\"")).isEqualTo(Instant.parse("2015-07-12T21:14:58Z"));
        assertThat((Instant) reader(ZoneOffset.UTC).readValue("\"2015-07-12T18:14:58\"")).isEqualTo(Instant.parse("2015-07-12T18:14:58Z"));
        assertThat((Instant) paris.readValue("\"\"")).isNull();
        assertThatThrownBy(() -> paris.readValue("\"2025-02-30T00:00:00\"")).isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> paris.readValue("\"yesterday\"")).isInstanceOf(InvalidFormatException.class);
    }
}
