package dev.jobstatus.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redis holds bearer tokens, so it is reached as an ACL user of its own, and over TLS. */
class ProtectedRedisTest {
    private static final BackgroundJobQuery PAGE =
            BackgroundJobQuery.builder().pageSize(5).build();
    private static final String KEY = "jobstatus:nexudus/" + NexudusSimulator.USERNAME;

    @Test
    void aUrlThatFailsToParseIsRefusedWithoutItsPassword() {
        Throwable refused = catchThrowable(() -> RedisSharedState.connect("redis://jobs:s3cr3t^pw@127.0.0.1:6379/0"));

        assertThat(refused)
                .isInstanceOf(IllegalArgumentException.class)
                .hasNoCause()
                .hasMessage("not a redis:// or rediss:// URL: redis://***@127.0.0.1:6379/0");
    }

    @Test
    void anAclUserLimitedToTheSdksKeysIsEnough() throws Exception {
        try (RedisServer redis = RedisServer.start(
                        "--user", "default", "off", "--user", "jobs", "on", ">jobs-pass", "~jobstatus:*", "+@all");
                NexudusSimulator simulator = NexudusSimulator.start().seed(20);
                RedisSharedState shared = Patient.redis("redis://jobs:jobs-pass@127.0.0.1:" + redis.port())
                        .failWhenUnavailable(true)
                        .build();
                NexudusClient nexudus = OutageTest.client(simulator, shared)) {
            nexudus.backgroundJobs().list(PAGE);
            assertThat(redis.cli(
                            "--user", "jobs", "--pass", "jobs-pass", "--no-auth-warning", "EXISTS", KEY + ":quota"))
                    .isEqualTo("1");
            // The token's key adds the simulator's origin and a fingerprint of the credentials.
            assertThat(redis.cli("--user", "jobs", "--pass", "jobs-pass", "--no-auth-warning", "KEYS", KEY + "/*:token")
                            .lines())
                    .hasSize(1);
        }
    }

    @Test
    void tlsWithTheGivenCertificateTrusted(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("redis.crt");
        Path key = dir.resolve("redis.key");
        Process openssl = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "1",
                        "-subj",
                        "/CN=127.0.0.1",
                        "-addext",
                        "subjectAltName=IP:127.0.0.1",
                        "-keyout",
                        key.toString(),
                        "-out",
                        cert.toString())
                .redirectErrorStream(true)
                .start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS) && openssl.exitValue() == 0)
                .as("openssl made a certificate")
                .isTrue();
        int tlsPort = RedisServer.freePort();
        try (RedisServer redis = RedisServer.start(
                        "--tls-port",
                        Integer.toString(tlsPort),
                        "--tls-cert-file",
                        cert.toString(),
                        "--tls-key-file",
                        key.toString(),
                        "--tls-ca-cert-file",
                        cert.toString(),
                        "--tls-auth-clients",
                        "no");
                NexudusSimulator simulator = NexudusSimulator.start().seed(20);
                RedisSharedState shared = Patient.redis("rediss://127.0.0.1:" + tlsPort)
                        .trustedCertificates(cert)
                        .failWhenUnavailable(true)
                        .build();
                NexudusClient nexudus = OutageTest.client(simulator, shared)) {
            assertThat(Files.exists(cert)).isTrue();
            nexudus.backgroundJobs().list(PAGE);
            assertThat(redis.cli("EXISTS", KEY + ":quota")).isEqualTo("1");
            assertThat(redis.cli("KEYS", KEY + "/*:token").lines()).hasSize(1);
        }
    }
}
