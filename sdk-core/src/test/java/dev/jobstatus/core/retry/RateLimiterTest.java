package dev.jobstatus.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.auth.AccessToken;
import dev.jobstatus.core.auth.CachingTokenProvider;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.internal.transport.ApiRequest;
import dev.jobstatus.core.internal.transport.BodyReader;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.time.ManualTimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final ManualTimeSource time = new ManualTimeSource();

    @Test
    void everyWindowHoldsInEverySpan() {
        RateLimiter limiter = RateLimiter.windows(
                time,
                RateLimiter.Window.of(1, Duration.ofMillis(100)),
                RateLimiter.Window.of(120, Duration.ofMinutes(1)));
        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Duration wait = limiter.tryReserve(Duration.ofHours(1));
            grants.add(time.nanoTime() + wait.toNanos());
            if (i % 3 == 0) {
                time.advance(Duration.ofMillis(37)); // callers arrive unevenly
            }
        }

        assertThat(maxInAnySpan(grants, Duration.ofMillis(100))).isEqualTo(1);
        assertThat(maxInAnySpan(grants, Duration.ofMinutes(1))).isEqualTo(120);
        assertThat(grants).isSorted();
        // 400 permits at 120 a minute need at least three full minutes.
        assertThat(grants.get(399) - grants.get(0))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(3).toNanos());
    }

    @Test
    void aPermitThatCannotBeHadInTimeIsNotReserved() {
        RateLimiter limiter = RateLimiter.windows(time, RateLimiter.Window.of(2, Duration.ofSeconds(1)));
        assertThat(limiter.tryReserve(Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(limiter.tryReserve(Duration.ZERO)).isEqualTo(Duration.ZERO);

        assertThat(limiter.tryReserve(Duration.ofMillis(500))).isNull();
        assertThat(limiter.tryReserve(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void longWindowsHoldWithShortOnesAndKeepOnlyRecentGrants() {
        RateLimiter limiter = RateLimiter.windows(
                time,
                RateLimiter.Window.of(1, Duration.ofMillis(100)),
                RateLimiter.Window.of(5_000, Duration.ofHours(1)),
                RateLimiter.Window.of(200_000, Duration.ofDays(1)));
        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            Duration wait = limiter.tryReserve(Duration.ofDays(1));
            time.advance(wait);
            grants.add(time.nanoTime());
        }

        assertThat(maxInAnySpan(grants, Duration.ofHours(1))).isEqualTo(5_000);
        // The 5,001st grant waits for the first to leave the hour; the 10,001st for the 5,001st.
        assertThat(grants.get(5_000) - grants.get(0))
                .isEqualTo(Duration.ofHours(1).toNanos());
        assertThat(grants.get(10_000) - grants.get(5_000))
                .isEqualTo(Duration.ofHours(1).toNanos());
    }

    @Test
    void aSpentHourIsNotReservedByACallerWhoCannotWaitForIt() {
        RateLimiter limiter = RateLimiter.windows(time, RateLimiter.Window.of(5_000, Duration.ofHours(1)));
        for (int i = 0; i < 5_000; i++) {
            assertThat(limiter.tryReserve(Duration.ZERO)).isZero();
        }

        assertThat(limiter.tryReserve(Duration.ofMinutes(59))).isNull();
        assertThat(limiter.nextPermitIn()).as("said without reserving").isEqualTo(Duration.ofHours(1));
        assertThat(limiter.tryReserve(Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
        assertThat(RateLimiter.unlimited().nextPermitIn()).isNull();
    }

    @Test
    void unlimitedNeverWaits() {
        assertThat(RateLimiter.unlimited().tryReserve(Duration.ZERO)).isEqualTo(Duration.ZERO);
    }

    @Test
    void windowRejectsNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RateLimiter.Window.of(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RateLimiter.Window.of(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void everyRequestOfAClientWaitsForItsPermit() {
        HttpTransport transport = HttpTransport.builder("acme")
                .baseUrl(server.url("/"))
                .timeSource(time)
                .rateLimiter(RateLimiter.windows(time, RateLimiter.Window.of(1, Duration.ofMillis(100))))
                .build();
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        }

        for (int i = 0; i < 4; i++) {
            transport.execute(ApiRequest.get().path("x").build(), BodyReader.json(Map.class));
        }

        assertThat(time.sleeps())
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100));
    }

    @Test
    void aTokenFetchedThroughTheSameLimiterIsFollowedByAFullWindow() throws Exception {
        List<Long> sentAt = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                sentAt.add(time.nanoTime());
                return new MockResponse.Builder()
                        .code(200)
                        .body(request.getMethod().equals("POST") ? "{\"token\":\"t1\"}" : "{}")
                        .build();
            }
        });
        HttpTransport transport = HttpTransport.builder("acme")
                .baseUrl(server.url("/"))
                .timeSource(time)
                .rateLimiter(RateLimiter.windows(time, RateLimiter.Window.of(1, Duration.ofMillis(100))))
                .credentials(t -> CachingTokenProvider.builder(previous -> new AccessToken(
                                t.execute(
                                                ApiRequest.post()
                                                        .path("token")
                                                        .jsonBody(Map.of())
                                                        .unauthenticated()
                                                        .build(),
                                                BodyReader.json(Map.class))
                                        .value()
                                        .get("token")
                                        .toString(),
                                null,
                                null))
                        .timeSource(time)
                        .build())
                .build();

        transport.execute(ApiRequest.get().path("x").build(), BodyReader.json(Map.class));

        // The token request takes the first permit; the request it authenticates waits a full window after it.
        assertThat(sentAt).hasSize(2);
        assertThat(sentAt.get(1) - sentAt.get(0))
                .isEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
    }

    @Test
    void aLimiterThatCannotGrantBeforeTheDeadlineFailsTheCall() {
        HttpTransport transport = HttpTransport.builder("acme")
                .baseUrl(server.url("/"))
                .timeSource(time)
                .rateLimiter(maxWait -> null)
                .build();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> transport.execute(ApiRequest.get().path("x").build(), BodyReader.json(Map.class)))
                .isInstanceOf(RequestTimeoutException.class)
                .hasMessageContaining("client-side rate limit");
        assertThat(server.getRequestCount()).isZero();
    }

    private static int maxInAnySpan(List<Long> sortedNanos, Duration span) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < sortedNanos.size(); end++) {
            while (sortedNanos.get(end) - sortedNanos.get(start) >= span.toNanos()) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
