package dev.jobstatus.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.RedisServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain Java process with this module and no logging framework, as an application without one runs it: it shares a
 * quota through a real Redis, and SLF4J, which it does not bring, says nothing on its standard error.
 */
class PlainProcessTest {
    @Test
    void aProcessWithoutALoggingFrameworkPrintsNoSlf4jWarning(@TempDir Path dir) throws Exception {
        File out = dir.resolve("out").toFile();
        File err = dir.resolve("err").toFile();
        try (RedisServer redis = RedisServer.start();
                NexudusSimulator simulator = NexudusSimulator.start().seed(10)) {
            Process worker = QuotaWorker.process(simulator.baseUrl().toString(), redis.url(), 2)
                    .redirectOutput(out)
                    .redirectError(err)
                    .start();
            worker.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
            worker.getOutputStream().close();
            assertThat(worker.waitFor(180, TimeUnit.SECONDS)).as("worker ended").isTrue();
            String stderr = Files.readString(err.toPath());
            assertThat(worker.exitValue()).as(stderr).isZero();
            assertThat(Files.readString(out.toPath())).contains("listed 2 pages");
            assertThat(stderr.lines()).as(stderr).noneMatch(line -> line.contains("SLF4J"));
            // The quota was shared through Redis: the process did not fall back to pacing on its own.
            assertThat(redis.cli("KEYS", "*")).as("keys in Redis").isNotBlank();
        }
    }
}
