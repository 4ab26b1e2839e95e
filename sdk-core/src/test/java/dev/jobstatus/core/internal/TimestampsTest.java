package dev.jobstatus.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast path reads the common shapes exactly as java.time does, and leaves everything else alone. */
class TimestampsTest {
    @Test
    void readsTheCommonShapesAsJavaTimeDoes() {
        for (String value : List.of("2024-03-01T12:00:00Z", "2024-03-01T12:03:30.250Z", "2012-02-22T02:06:58.147Z",
                "2024-02-29T23:59:59.999999999Z", "2024-03-01T12:00:00.1Z", "2024-03-01t12:00:00z")) {
            assertThat(Timestamps.parseCommon(value, null)).as(value).isEqualTo(Instant.parse(value.toUpperCase()));
        }
        assertThat(Timestamps.parseCommon("2015-07-12T18:14:58.5", ZoneId.of("Europe/Paris")))
                .isEqualTo(Instant.parse("2015-07-12T16:14:58.500Z"));
    }

    @Test
    void leavesOtherShapesAndImpossibleDatesToTheGeneralParsers() {
        for (String value : List.of("2024-03-01T12:00:00", "2024-03-01T12:00:00+02:00", "2024-03-01 12:00:00Z",
                "2024-02-30T00:00:00Z", "2024-03-01T12:00:00.Z", "2024-03-01T12:00:00.1234567890Z", "2024-3-01T12:00:00Z",
                "+12024-03-01T12:00:00Z", "2024-03-01T12:00:6xZ", "")) {
            assertThat(Timestamps.parseCommon(value, null)).as(value).isNull();
        }
    }

    @Test
    void theSdkMapperReadsInstantsOnBothPaths() throws Exception {
        assertThat(Json.reader(Instant.class).<Instant>readValue("\"2024-03-01T12:03:30.250Z\""))
                .isEqualTo(Instant.parse("2024-03-01T12:03:30.250Z"));
        assertThat(Json.reader(Instant.class).<Instant>readValue("\"2024-03-01T14:03:30+02:00\""))
                .isEqualTo(Instant.parse("2024-03-01T12:03:30Z"));
        assertThat(Json.reader(Instant.class).<Instant>readValue("1709294610")).isEqualTo(Instant.ofEpochSecond(1709294610));
    }

    @Test
    void theSdkMapperWritesInstantsAsIso8601() throws Exception {
        assertThat(Json.writer().writeValueAsString(java.util.Map.of("at", Instant.parse("2024-03-01T12:03:30.250Z"))))
                .isEqualTo("{\"at\":\"2024-03-01T12:03:30.250Z\"}");
    }
}
