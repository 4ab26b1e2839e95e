package dev.jobstatus.benchmarks;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.jobstatus.core.internal.transport.BodyReader;
import dev.jobstatus.nexudus.StatusClassifier;
import dev.jobstatus.nexudus.internal.NexudusJson;
import dev.jobstatus.nexudus.model.BackgroundJobPage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Mapping a 1,000-record Nexudus listing page: the SDK's reader (its Jackson configuration, the client's zone for
 * zoneless timestamps, and the status classification every record gets) against plain Jackson databind of the
 * same bytes into the same records (jackson-datatype-jsr310 reading the timestamps, zoneless ones in UTC by a format
 * override).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MappingBenchmark {
    private byte[] page;
    private BodyReader<BackgroundJobPage> sdk;
    private ObjectReader plain;

    @Setup
    public void prepare() {
        page = Fixtures.nexudusPage(1, 1000, 100_000, 1000, 1).getBytes(StandardCharsets.UTF_8);
        sdk = NexudusJson.page(ZoneOffset.UTC, StatusClassifier.defaults());
        plain = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withConfigOverride(
                        Instant.class,
                        o -> o.setFormat(JsonFormat.Value.forPattern("yyyy-MM-dd'T'HH:mm:ss[X]")
                                .withTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC))))
                .build()
                .readerFor(BackgroundJobPage.class);
    }

    /** What the SDK does with a page body (RealBackgroundJobs' reader). */
    @Benchmark
    public BackgroundJobPage sdk() throws IOException {
        return sdk.read(new ByteArrayInputStream(page));
    }

    @Benchmark
    public BackgroundJobPage plainJackson() throws IOException {
        return plain.readValue(page);
    }
}
