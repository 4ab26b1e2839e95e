package dev.jobstatus.core.internal;

import static dev.jobstatus.core.internal.TestTransports.THING;
import static dev.jobstatus.core.internal.TestTransports.getThing;
import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.retry.RateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A client's first request takes its permit once connected, right before it goes out; a request that goes out well
 * after its permit takes a fresh one first: on the client's first connection, and on every request when the limiter
 * is shared with other processes; a punctual one does not.
 */
class LatePermitTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Set once a request has been through the slow part between its start and the wire. */
    private volatile boolean slowPartDone;

    @Test
    void aColdClientTakesItsFirstPermitOnceConnectedAndTheNextBeforeConnecting() {
        CountingLimiter limiter = new CountingLimiter(false);
        try (HttpTransport transport = transport(limiter, 40)) {
            server.enqueue(json(200, Map.of("id", "a")));
            server.enqueue(json(200, Map.of("id", "b")));
            transport.execute(getThing("a"), THING, RequestOptions.defaults());
            assertThat(limiter.reservations).as("permits of the first request").hasValue(1);
            assertThat(limiter.afterSlowPart).as("taken after the slow part").hasValue(1);
            slowPartDone = false;
            transport.execute(getThing("b"), THING, RequestOptions.defaults());
            assertThat(limiter.reservations).as("the second request, late on a warm connection, in-process limiter").hasValue(2);
            assertThat(limiter.afterSlowPart).as("the second permit taken before the slow part").hasValue(1);
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
            assertThat(limiter.reservations).as("1 for the first, 2 for the late second").hasValue(3);
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

    @Test
    void aFirstPermitTooFarAwayToHoldAConnectionForIsReservedBeforeConnecting() {
        // No permit within the 2 s a request may hold its connection for; one within the call's deadline.
        CountingLimiter limiter = new CountingLimiter(false) {
            @Override
            public @Nullable Duration tryReserve(Duration maxWait) {
                super.tryReserve(maxWait);
                return maxWait.compareTo(Duration.ofSeconds(5)) < 0 ? null : Duration.ofMillis(10);
            }
        };
        try (HttpTransport transport = transport(limiter, 0)) {
            server.enqueue(json(200, Map.of("id", "a")));
            ApiResponse<?> response = transport.execute(getThing("a"), THING, RequestOptions.defaults());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(server.getRequestCount()).as("requests that reached the server").isEqualTo(1);
            assertThat(limiter.reservations).as("refused once connected, then reserved before connecting").hasValue(2);
        }
    }

    @Test
    void overHttp2TheFirstPermitIsTakenBeforeTheHeadersAreSent() throws Exception {
        server.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
        AtomicInteger requestsSeenAtPermit = new AtomicInteger(-1);
        CountingLimiter limiter = new CountingLimiter(false) {
            @Override
            public @Nullable Duration tryReserve(Duration maxWait) {
                // HTTP/2 flushes a GET's headers as they are written: a request already sent would be counted by now.
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                requestsSeenAtPermit.set(server.getRequestCount());
                return super.tryReserve(maxWait);
            }
        };
        OkHttpClient h2 = new OkHttpClient.Builder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).build();
        try (HttpTransport transport = HttpTransport.builder("acme").baseUrl(server.url("/v1/")).rateLimiter(limiter)
                .httpClient(h2).build()) {
            server.enqueue(json(200, Map.of("id", "a")));
            transport.execute(getThing("a"), THING, RequestOptions.defaults());
            assertThat(limiter.reservations).hasValue(1);
            assertThat(requestsSeenAtPermit).as("requests the server had when the permit was taken").hasValue(0);
        }
    }

    /** A transport whose every request is held {@code delayMillis} between its start and the wire. */
    private HttpTransport transport(RateLimiter limiter, long delayMillis) {
        OkHttpClient slow = new OkHttpClient.Builder().addInterceptor(chain -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slowPartDone = true;
            return chain.proceed(chain.request());
        }).build();
        return HttpTransport.builder("acme").baseUrl(server.url("/v1/")).rateLimiter(limiter).httpClient(slow).build();
    }

    private class CountingLimiter implements RateLimiter {
        final AtomicInteger reservations = new AtomicInteger();
        final AtomicInteger afterSlowPart = new AtomicInteger();
        private final boolean shared;

        CountingLimiter(boolean shared) {
            this.shared = shared;
        }

        @Override
        public @Nullable Duration tryReserve(Duration maxWait) {
            reservations.incrementAndGet();
            if (slowPartDone) {
                afterSlowPart.incrementAndGet();
            }
            return Duration.ZERO;
        }

        @Override
        public boolean shared() {
            return shared;
        }
    }
}
