package dev.jobstatus.core.internal;

import static dev.jobstatus.core.internal.TestTransports.THING;
import static dev.jobstatus.core.internal.TestTransports.getThing;
import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.retry.RateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A request that goes out well after its permit takes a fresh one first: on the client's first connection (slow to
 * open), and on every request when the limiter is shared with other processes; a punctual one does not.
 */
class LatePermitTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void aLateFirstRequestTakesAFreshPermitAndAPunctualOneDoesNot() {
        CountingLimiter limiter = new CountingLimiter(false);
        try (HttpTransport transport = transport(limiter, 40)) {
            server.enqueue(json(200, Map.of("id", "a")));
            server.enqueue(json(200, Map.of("id", "b")));
            transport.execute(getThing("a"), THING, RequestOptions.defaults());
            assertThat(limiter.reservations).as("permits of the late first request").hasValue(2);
            transport.execute(getThing("b"), THING, RequestOptions.defaults());
            assertThat(limiter.reservations).as("the second request, late on a warm connection, in-process limiter").hasValue(3);
        }
    }

    @Test
    void withASharedLimiterEveryLateRequestTakesAFreshPermit() {
        CountingLimiter limiter = new CountingLimiter(true);
        try (HttpTransport transport = transport(limiter, 40)) {
            server.enqueue(json(200, Map.of("id", "a")));
            server.enqueue(json(200, Map.of("id", "b")));
            transport.execute(getThing("a"), THING, RequestOptions.defaults());
            transport.execute(getThing("b"), THING, RequestOptions.defaults());
            assertThat(limiter.reservations).hasValue(4);
        }
    }

    @Test
    void aPunctualRequestTakesOnePermit() {
        CountingLimiter limiter = new CountingLimiter(true);
        try (HttpTransport transport = transport(limiter, 0)) {
            server.enqueue(json(200, Map.of("id", "a")));
            server.enqueue(json(200, Map.of("id", "b")));
            transport.execute(getThing("a"), THING, RequestOptions.defaults());
            int afterFirst = limiter.reservations.get();
            transport.execute(getThing("b"), THING, RequestOptions.defaults());
            assertThat(limiter.reservations).hasValue(afterFirst + 1);
        }
    }

    /** A transport whose every request is held {@code delayMillis} between its permit and the wire. */
    private HttpTransport transport(RateLimiter limiter, long delayMillis) {
        OkHttpClient slow = new OkHttpClient.Builder().addInterceptor(chain -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return chain.proceed(chain.request());
        }).build();
        return HttpTransport.builder("acme").baseUrl(server.url("/v1/")).rateLimiter(limiter).httpClient(slow).build();
    }

    private static final class CountingLimiter implements RateLimiter {
        private final AtomicInteger reservations = new AtomicInteger();
        private final boolean shared;

        CountingLimiter(boolean shared) {
            this.shared = shared;
        }

        @Override
        public @Nullable Duration tryReserve(Duration maxWait) {
            reservations.incrementAndGet();
            return Duration.ZERO;
        }

        @Override
        public boolean shared() {
            return shared;
        }
    }
}
