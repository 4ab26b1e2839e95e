package dev.jobstatus.core.polling;

import static dev.jobstatus.core.polling.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.exception.JobFailedException;
import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.exception.NotFoundException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.exception.ServerException;
import dev.jobstatus.core.internal.transport.ApiRequest;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.polling.TestJobs.TestJob;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobWaiterTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ManualTimeSource time = new ManualTimeSource();
    private HttpTransport transport;
    private final PollPolicy exact = PollPolicy.builder()
            .initialInterval(Duration.ofSeconds(1))
            .multiplier(2)
            .maxInterval(Duration.ofSeconds(8))
            .jitter(0)
            .timeout(Duration.ofMinutes(10))
            .build();

    @BeforeEach
    void startTransport() {
        transport = TestJobs.transport(server, time).build();
    }

    @Test
    void aListenerThatThrowsChangesNoWaitsResultAndLeavesNoFuturePending() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(job("j1", "done", 10));
        }
        PollListener<TestJob> throwing = e -> {
            throw new IllegalStateException("a listener's bug");
        };
        PollListener<TestJob> failing = e -> {
            throw new AssertionError("a listener's assertion");
        };

        List<TestJob> ended = new ArrayList<>();
        for (PollListener<TestJob> listener : List.of(throwing, failing)) {
            ended.add(TestJobs.waiter(transport, "j1")
                    .policy(exact)
                    .listener(listener)
                    .await());
            ended.add(TestJobs.waiter(transport, "j1")
                    .policy(exact)
                    .listener(listener)
                    .awaitAsync()
                    .get(30, TimeUnit.SECONDS));
        }

        assertThat(ended)
                .extracting(TestJob::state)
                .containsExactly(JobState.SUCCEEDED, JobState.SUCCEEDED, JobState.SUCCEEDED, JobState.SUCCEEDED);
    }

    @Test
    void pollsWithGrowingIntervalsUntilTerminal() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.enqueue(job("j1", i == 0 ? "queued" : "running", i));
        }
        server.enqueue(job("j1", "done", 10));
        List<PollEvent<? extends TestJob>> events = new ArrayList<>();

        TestJob done = TestJobs.waiter(transport, "j1")
                .policy(exact)
                .listener(events::add)
                .await();

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(time.sleeps())
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(8));
        assertThat(events).extracting(PollEvent::poll).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(events)
                .extracting(e -> e.job().state())
                .containsExactly(
                        JobState.PENDING,
                        JobState.RUNNING,
                        JobState.RUNNING,
                        JobState.RUNNING,
                        JobState.RUNNING,
                        JobState.SUCCEEDED);
        assertThat(events.get(2).job().progress().fraction()).hasValue(0.2);
        assertThat(events.get(5).nextDelay()).isNull();
        assertThat(server.getRequestCount()).isEqualTo(6);
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/jobs/j1");
    }

    @Test
    void closingTheClientWakesABlockingWaitBetweenPolls() throws Exception {
        HttpTransport systemTime =
                TestJobs.transport(server, TimeSource.system()).build();
        server.enqueue(job("j1", "running", 1));
        CountDownLatch polled = new CountDownLatch(1);
        PollPolicy slow = PollPolicy.builder()
                .initialInterval(Duration.ofMinutes(10))
                .maxInterval(Duration.ofMinutes(10))
                .jitter(0)
                .timeout(Duration.ofHours(1))
                .build();
        CompletableFuture<TestJob> wait = new CompletableFuture<>();
        Thread waiting = new Thread(
                () -> {
                    try {
                        wait.complete(TestJobs.waiter(systemTime, "j1")
                                .policy(slow)
                                .listener(e -> polled.countDown())
                                .await());
                    } catch (RuntimeException e) {
                        wait.completeExceptionally(e);
                    }
                },
                "waiting");
        waiting.setDaemon(true);
        waiting.start();
        assertThat(polled.await(30, TimeUnit.SECONDS)).isTrue();

        systemTime.close();

        ExecutionException failed =
                catchThrowableOfType(ExecutionException.class, () -> wait.get(30, TimeUnit.SECONDS));
        assertThat(failed).as("the wait ended within the safety net").isNotNull();
        assertThat(failed.getCause()).isInstanceOf(ClientClosedException.class).hasMessage("the acme client is closed");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void hugeButValidTimeoutsSaturateInsteadOfOverflowing() throws Exception {
        Duration forever = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
        HttpTransport patient = TestJobs.transport(server, time)
                .retryPolicy(RetryPolicy.builder().timeout(forever).build())
                .build();
        PollPolicy waitForever = PollPolicy.builder()
                .initialInterval(Duration.ofSeconds(1))
                .jitter(0)
                .timeout(forever)
                .build();
        ApiRequest get = ApiRequest.get().path("jobs").pathParam("id", "j1").build();
        for (int i = 0; i < 2; i++) {
            server.enqueue(job("j1", "running", 1));
            server.enqueue(job("j1", "done", 10));
        }
        server.enqueue(job("j1", "done", 10));
        server.enqueue(job("j1", "done", 10));

        TestJob blocking = TestJobs.waiter(patient, "j1").policy(waitForever).await();
        TestJob async =
                TestJobs.waiter(patient, "j1").policy(waitForever).awaitAsync().get(30, TimeUnit.SECONDS);
        TestJob withTimeout = patient.execute(get, TestJobs.READER, RequestOptions.timeout(forever))
                .value();
        TestJob withDeadline = patient.execute(
                        get,
                        TestJobs.READER,
                        RequestOptions.builder().deadline(Instant.MAX).build())
                .value();

        assertThat(List.of(blocking, async, withTimeout, withDeadline))
                .extracting(TestJob::state)
                .containsOnly(JobState.SUCCEEDED);
    }

    @Test
    void policiesOfHugeIntervalsAndBackoffsSaturateInsteadOfOverflowing() {
        Duration forever = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
        PollPolicy poll = PollPolicy.builder()
                .initialInterval(forever)
                .maxInterval(forever)
                .jitter(0)
                .timeout(forever)
                .build();
        RetryPolicy retry = RetryPolicy.builder()
                .initialBackoff(forever)
                .maxBackoff(forever)
                .maxDelay(forever)
                .fullJitter(false)
                .timeout(forever)
                .build();

        assertThat(poll.intervalAfter(3, () -> 0.5)).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
        assertThat(retry.delayBefore(2, null, () -> 0.5)).isEqualTo(forever);
        // A backoff past the call's deadline ends the call with the server's answer, not an overflow.
        HttpTransport slowToRetry = TestJobs.transport(server, time)
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(forever)
                        .maxBackoff(forever)
                        .maxDelay(forever)
                        .fullJitter(false)
                        .build())
                .build();
        server.enqueue(new MockResponse.Builder().code(503).build());
        assertThat(catchThrowable(
                        () -> slowToRetry.execute(ApiRequest.get().path("jobs").build(), TestJobs.READER)))
                .isInstanceOf(ServerException.class);
    }

    @Test
    void retryAfterLongerThanThePolicyDelayWins() {
        server.enqueue(new MockResponse.Builder(job("j1", "running", 1))
                .setHeader("Retry-After", "5")
                .build());
        server.enqueue(new MockResponse.Builder(job("j1", "running", 2))
                .setHeader("Retry-After", "1")
                .build());
        server.enqueue(job("j1", "done", 10));
        List<PollEvent<? extends TestJob>> events = new ArrayList<>();

        TestJobs.waiter(transport, "j1").policy(exact).listener(events::add).await();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(2));
        assertThat(events).extracting(PollEvent::fromRetryAfter).containsExactly(true, false, false);
    }

    @Test
    void jitterMovesTheIntervalWithinItsFraction() {
        PollPolicy jittered = exact.toBuilder().jitter(0.25).build();
        assertThat(jittered.intervalAfter(2, () -> 0.0)).isEqualTo(Duration.ofMillis(1500));
        assertThat(jittered.intervalAfter(2, () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(jittered.intervalAfter(2, () -> 0.9999)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void timeoutCarriesTheLastJobPollsAndElapsedTime() {
        for (int i = 0; i < 20; i++) {
            server.enqueue(job("j1", "running", i));
        }
        PollPolicy tenSeconds =
                exact.toBuilder().timeout(Duration.ofSeconds(10)).build();

        JobWaitTimeoutException e = catchThrowableOfType(
                JobWaitTimeoutException.class,
                () -> TestJobs.waiter(transport, "j1").policy(tenSeconds).await());

        // Polls at 0, 1, 3, 7 s; the next interval (8 s) would pass the 10 s deadline, so the last poll comes at 9 s,
        // leaving it a second to answer, and none is made after it.
        assertThat(time.sleeps())
                .containsExactly(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(2));
        assertThat(e.polls()).isEqualTo(5);
        assertThat(e.elapsed()).isEqualTo(Duration.ofSeconds(9));
        assertThat(e.lastJob(TestJob.class)).extracting(TestJob::done).isEqualTo(4L);
        assertThat(e.getMessage())
                .contains(
                        "acme job j1",
                        "its 10000 ms timeout would pass before the next poll (after 9000 ms and 5 poll(s))",
                        "last state RUNNING");
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void aTimeoutBeforeAnyPollAnsweredSaysSoAndWhy() {
        // The first poll is answered 503; its retry, half a second later, would start at the wait's deadline.
        server.enqueue(new MockResponse.Builder().code(503).build());
        PollPolicy halfASecond =
                exact.toBuilder().timeout(Duration.ofMillis(500)).build();

        JobWaitTimeoutException e = catchThrowableOfType(
                JobWaitTimeoutException.class,
                () -> TestJobs.waiter(transport, "j1").policy(halfASecond).await());

        assertThat(e.polls()).isZero();
        assertThat(e.lastJob()).isNull();
        assertThat(e.getMessage())
                .contains(
                        "acme job j1",
                        "0 poll(s)",
                        "no poll answered yet",
                        "GET /v1/jobs/j1 did not finish within its 500 ms deadline")
                .doesNotContain("null");
        assertThat(e.getCause()).isInstanceOf(RequestTimeoutException.class);
    }

    @Test
    void retryAfterBeyondTheTimeoutEndsTheWaitAtOnce() {
        server.enqueue(new MockResponse.Builder(job("j1", "running", 1))
                .setHeader("Retry-After", "3600")
                .build());

        JobWaitTimeoutException e = catchThrowableOfType(
                JobWaitTimeoutException.class,
                () -> TestJobs.waiter(transport, "j1").policy(exact).await());

        assertThat(e.polls()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void awaitReturnsAFailedJobAndAwaitSuccessThrowsWithIt() {
        server.enqueue(job("j1", "failed", 3));
        server.enqueue(job("j1", "failed", 3));

        assertThat(TestJobs.waiter(transport, "j1").await().state()).isEqualTo(JobState.FAILED);
        JobFailedException e = catchThrowableOfType(
                JobFailedException.class, () -> TestJobs.waiter(transport, "j1").awaitSuccess());

        assertThat(e.job(TestJob.class).done()).isEqualTo(3L);
        assertThat(e.jobId()).isEqualTo("j1");
        assertThat(e.getMessage()).contains("acme job j1 ended FAILED");
    }

    @Test
    void unknownStatusKeepsPolling() {
        server.enqueue(job("j1", "mystery", 0));
        server.enqueue(job("j1", "done", 10));

        assertThat(TestJobs.waiter(transport, "j1").policy(exact).await().state())
                .isEqualTo(JobState.SUCCEEDED);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void notFoundEndsTheWaitWithThatException() {
        server.enqueue(job("j1", "running", 1));
        server.enqueue(new MockResponse.Builder()
                .code(404)
                .body("{\"message\":\"no such job\"}")
                .build());

        NotFoundException e = catchThrowableOfType(
                NotFoundException.class,
                () -> TestJobs.waiter(transport, "j1").policy(exact).await());

        assertThat(e.errorMessage()).contains("no such job");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void transientErrorsArePassedThroughTheRetryPolicy() {
        server.enqueue(job("j1", "running", 1));
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(job("j1", "done", 10));

        assertThat(TestJobs.waiter(transport, "j1").policy(exact).await().state())
                .isEqualTo(JobState.SUCCEEDED);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    @Test
    void interruptionStopsTheWaitAndKeepsTheFlag() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(job("j1", "running", i));
        }
        PollListener<TestJob> interruptOnSecondPoll = event -> {
            if (event.poll() == 2) {
                Thread.currentThread().interrupt();
            }
        };

        try {
            InterruptedOperationException e = catchThrowableOfType(
                    InterruptedOperationException.class,
                    () -> TestJobs.waiter(transport, "j1")
                            .policy(exact)
                            .listener(interruptOnSecondPoll)
                            .await());
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(e.provider()).isEqualTo("acme");
        } finally {
            Thread.interrupted();
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
