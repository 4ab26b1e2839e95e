package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.core.internal.transport.TestTransports.THING;
import static dev.jobstatus.core.internal.transport.TestTransports.getThing;
import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.core.auth.AccessToken;
import dev.jobstatus.core.auth.CachingTokenProvider;
import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.exception.ServerException;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The non-blocking path shares RetryingCall's decisions; these check it drives them the same way. */
class AsyncCallTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final RetryPolicy fastRetries = RetryPolicy.builder()
            .fullJitter(false)
            .initialBackoff(Duration.ofMillis(5))
            .build();

    private HttpTransport.Builder builder() {
        return HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .timeSource(TimeSource.system())
                .retryPolicy(fastRetries);
    }

    @Test
    void retriesOnTimersAndCompletesWithTheResponse() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "0")
                .build());
        server.enqueue(json(200, "{\"id\":\"1\",\"size\":2}"));

        try (HttpTransport transport = builder().build()) {
            var response = transport.executeAsync(getThing("1"), THING).get(10, TimeUnit.SECONDS);
            assertThat(response.value().size()).isEqualTo(2);
            assertThat(response.attempts()).isEqualTo(3);
        }
    }

    @Test
    void failsWithTheTypedExceptionOnceRetriesRunOut() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(502).build());
        }
        try (HttpTransport transport = builder().build()) {
            assertThatThrownBy(
                            () -> transport.executeAsync(getThing("1"), THING).get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(
                            ServerException.class, e -> assertThat(e.attempts()).isEqualTo(4));
        }
    }

    @Test
    void refreshesCredentialsOnceAfter401() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        CachingTokenProvider tokens = CachingTokenProvider.builder(previous -> new AccessToken(
                        "t" + fetches.incrementAndGet(), Instant.now().plusSeconds(3600), null))
                .build();
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        try (HttpTransport transport = builder().credentials(tokens).build()) {
            assertThat(transport
                            .executeAsync(getThing("1"), THING)
                            .get(10, TimeUnit.SECONDS)
                            .attempts())
                    .isEqualTo(2);
        }
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer t1");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer t2");
    }

    @Test
    void aClosedTransportRefusesNewCalls() {
        HttpTransport transport = builder().build();
        transport.close();

        assertThatThrownBy(() -> transport.executeAsync(getThing("1"), THING))
                .isInstanceOf(ClientClosedException.class);
        assertThatThrownBy(transport::scheduler).isInstanceOf(ClientClosedException.class);
    }
}
