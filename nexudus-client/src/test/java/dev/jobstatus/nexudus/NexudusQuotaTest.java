package dev.jobstatus.nexudus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.exception.RateLimitException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.nexudus.model.BusinessBackgroundJobSummary;
import dev.jobstatus.testkit.Fault;
import dev.jobstatus.testkit.NexudusSimulator;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Nexudus's four limits per account, and its throttle answers as they really come. */
class NexudusQuotaTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ManualTimeSource time = new ManualTimeSource();

    @Test
    void aThrottleExplainedOnlyInTheReasonPhraseWithAnEmptyBodyIsRetried() {
        server.enqueue(new MockResponse.Builder()
                .status("HTTP/1.1 409 You must wait before accessing this url again.")
                .setHeader("Content-Length", "0")
                .build());
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body(NexudusClientTest.DOCS_JOB)
                .build());

        try (NexudusClient client = NexudusClient.builder()
                .baseUrl(server.url("/"))
                .bearerToken("tok")
                .timeSource(time)
                .build()) {
            assertThat(client.backgroundJobs().get(87654321).id()).isEqualTo(87654321L);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theDefaultPacingHoldsTheHourWindowAndDrawsNoThrottle() {
        try (NexudusSimulator simulator =
                        NexudusSimulator.start().seed(1).acceptToken("tok").clock(time::now);
                NexudusClient patient = NexudusClient.builder()
                        .baseUrl(simulator.baseUrl())
                        .bearerToken("tok")
                        .timeSource(time)
                        .retryPolicy(RetryPolicy.builder()
                                .timeout(Duration.ofHours(2))
                                .build())
                        .build()) {
            Instant start = time.now();
            for (int i = 0; i < 5_001; i++) {
                patient.backgroundJobs().get(1);
            }

            assertThat(simulator.requestCount())
                    .as("no request was throttled and retried")
                    .isEqualTo(5_001);
            // 120 per 66 s spends 5,000 in about 46 minutes; the 5,001st waits for the first to leave the 61-minute
            // window.
            assertThat(Duration.between(start, time.now())).isGreaterThanOrEqualTo(Duration.ofMinutes(61));
        }
    }

    @Test
    void aCallThatCannotAffordTheHourWindowsWaitFailsAtOnceWithoutARequest() {
        try (NexudusSimulator simulator =
                        NexudusSimulator.start().seed(1).acceptToken("tok").clock(time::now);
                NexudusClient client = NexudusClient.builder()
                        .baseUrl(simulator.baseUrl())
                        .bearerToken("tok")
                        .timeSource(time)
                        .build()) {
            for (int i = 0; i < 5_000; i++) {
                client.backgroundJobs().get(1);
            }
            Instant spent = time.now();

            RequestTimeoutException e = catchThrowableOfType(
                    RequestTimeoutException.class, () -> client.backgroundJobs().get(1));

            assertThat(e.getMessage()).contains("rate limit", "the next permit is");
            // 5,000 requests at 120 per 66 s took about 46 minutes: the hour window's next permit is about 15 away.
            assertThat(e.retryAfter()).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(20));
            assertThat(time.now()).isEqualTo(spent);
            assertThat(simulator.requestCount()).isEqualTo(5_000);
        }
    }

    @Test
    void aListingThatMeetsALongerRetryAfterThanItCanAffordFailsAtOnceWithTheDelay() {
        try (NexudusSimulator simulator =
                        NexudusSimulator.start().seed(30).acceptToken("tok").withoutRateLimits();
                NexudusClient client = NexudusClient.builder()
                        .baseUrl(simulator.baseUrl())
                        .bearerToken("tok")
                        .timeSource(time)
                        .build()) {
            var jobs = client.backgroundJobs()
                    .listAll(BackgroundJobQuery.builder().pageSize(10).build())
                    .iterator();
            for (int i = 0; i < 10; i++) {
                jobs.next();
            }
            simulator.inject(Fault.throttle(Duration.ofMinutes(40)));

            RateLimitException e = catchThrowableOfType(RateLimitException.class, jobs::next);

            assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(40));
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(time.sleeps()).allSatisfy(sleep -> assertThat(sleep).isLessThan(Duration.ofSeconds(1)));
        }
    }

    @Test
    void aWaitThatMeetsAnHourLongThrottleFailsAtOnceWithTheDelay() {
        try (NexudusSimulator simulator = NexudusSimulator.start()
                        .seed(3)
                        .acceptToken("tok")
                        .withoutRateLimits()
                        .addJob(2, "Queued", "Running", "Completed")
                        .inject(Fault.throttle(Duration.ofHours(1)));
                NexudusClient client = NexudusClient.builder()
                        .baseUrl(simulator.baseUrl())
                        .bearerToken("tok")
                        .timeSource(time)
                        .build()) {

            RateLimitException e = catchThrowableOfType(
                    RateLimitException.class, () -> client.backgroundJobs().waitFor(2));

            assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
            assertThat(e.getMessage()).contains("409", "You must wait before accessing this url again.");
            assertThat(simulator.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void theCreatedOnEqualityFilterIsSentToTheMinuteAndAnsweredByTheSimulator() {
        try (NexudusSimulator simulator =
                        NexudusSimulator.start().seed(10).acceptToken("tok").withoutRateLimits();
                NexudusClient client = NexudusClient.builder()
                        .baseUrl(simulator.baseUrl())
                        .bearerToken("tok")
                        .build()) {
            var page = client.backgroundJobs()
                    .list(BackgroundJobQuery.builder()
                            .createdOn(java.time.LocalDateTime.of(2025, 1, 1, 0, 21, 42))
                            .build());

            assertThat(page.records())
                    .extracting(BusinessBackgroundJobSummary::id)
                    .containsExactly(3L);
            assertThat(simulator.server().takeRequest().getUrl().queryParameter("BusinessBackgroundJob_CreatedOn"))
                    .isEqualTo("2025-01-01T00:21");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anEnvelopeWithOnlyPageNumberAndPageSizeIsRead() {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body("{\"Records\":[],\"PageNumber\":3,\"PageSize\":15,\"HasNextPage\":false}")
                .build());

        try (NexudusClient client = NexudusClient.builder()
                .baseUrl(server.url("/"))
                .bearerToken("tok")
                .build()) {
            var page = client.backgroundJobs()
                    .list(BackgroundJobQuery.builder().page(3).pageSize(15).build());

            assertThat(page.currentPage()).isEqualTo(3);
            assertThat(page.currentPageSize()).isEqualTo(15);
        }
    }
}
