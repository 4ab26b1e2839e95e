package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.exception.RateLimitException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.polling.JobWaiter;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.polling.TestJobs;
import dev.jobstatus.core.polling.TestJobs.TestJob;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * One deadline per operation, on the real clock: it bounds every poll, retry, backoff and wait inside it, and the
 * attempt in flight, which is cancelled when it passes. The servers accept and never answer, answer late, or trickle;
 * the client's own timeouts are minutes long, so only the deadline can end these calls (no test measures time).
 */
class DeadlineTest {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private static HttpTransport transport(HttpUrl base) {
        return HttpTransport.builder("acme")
                .baseUrl(base)
                .readTimeout(Duration.ofMinutes(5))
                .callTimeout(Duration.ZERO)
                .build();
    }

    private static PollPolicy oneSecond() {
        return PollPolicy.builder()
                .initialInterval(Duration.ofMillis(100))
                .timeout(ONE_SECOND)
                .build();
    }

    @Test
    void aBlockingWaitEndsAtItsTimeoutAndCancelsThePollInFlight() throws Exception {
        try (SilentServer silent = new SilentServer();
                HttpTransport transport = transport(silent.url("/"))) {
            JobWaiter<TestJob> waiter = TestJobs.waiter(transport, "7").policy(oneSecond());
            Throwable thrown = catchThrowable(waiter::await);

            assertThat(thrown)
                    .isInstanceOf(JobWaitTimeoutException.class)
                    .hasMessageContaining("acme job 7")
                    .hasMessageContaining("1000 ms timeout");
            assertThat(((JobWaitTimeoutException) thrown).lastJob()).isNull();
            assertThat(thrown.getCause())
                    .isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining("deadline");
            assertThat(silent.awaitClientClose(30_000))
                    .as("the request in flight was cancelled")
                    .isTrue();
        }
    }

    @Test
    void anAsyncWaitEndsAtItsTimeoutAndCancelsThePollInFlight() throws Exception {
        try (SilentServer silent = new SilentServer();
                HttpTransport transport = transport(silent.url("/"))) {
            CompletableFuture<TestJob> wait =
                    TestJobs.waiter(transport, "7").policy(oneSecond()).awaitAsync();

            Throwable thrown = catchThrowable(() -> wait.get(30, TimeUnit.SECONDS));

            assertThat(thrown)
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(JobWaitTimeoutException.class)
                    .hasMessageContaining("1000 ms timeout");
            assertThat(silent.awaitClientClose(30_000))
                    .as("the request in flight was cancelled")
                    .isTrue();
        }
    }

    @Test
    void aWaitWhosePollsAnswerLateStillEndsAtItsTimeoutWithTheLastJobSeen() throws Exception {
        server.enqueue(TestJobs.job("7", "running", 3));
        server.enqueue(new MockResponse.Builder(TestJobs.job("7", "running", 4))
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        try (HttpTransport transport = transport(server.url("/"))) {
            Throwable thrown = catchThrowable(
                    () -> TestJobs.waiter(transport, "7").policy(oneSecond()).await());

            assertThat(thrown).isInstanceOf(JobWaitTimeoutException.class);
            assertThat(((JobWaitTimeoutException) thrown).lastJob(TestJob.class).done())
                    .isEqualTo(3);
            assertThat(((JobWaitTimeoutException) thrown).polls()).isEqualTo(1);
        }
    }

    @Test
    void aCallWithAOneSecondDeadlineEndsThereAgainstATricklingBody() throws Exception {
        server.enqueue(new MockResponse.Builder(json(200, "{\"id\":\"" + "x".repeat(4096) + "\"}"))
                .throttleBody(64, 100, TimeUnit.MILLISECONDS)
                .build());
        try (HttpTransport transport = transport(server.url("/"))) {
            Throwable thrown = catchThrowable(() -> transport.execute(
                    TestTransports.getThing("1"), TestTransports.THING, RequestOptions.timeout(ONE_SECOND)));

            assertThat(thrown)
                    .isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining(
                            "acme API call GET /things/1 did not finish within its 1000 ms deadline (attempts 1)");
        }
    }

    @Test
    void anAsyncCallWithAOneSecondDeadlineCompletesExceptionallyThereAndCancelsTheRequest() throws Exception {
        try (SilentServer silent = new SilentServer();
                HttpTransport transport = transport(silent.url("/"))) {
            CompletableFuture<TestTransports.Thing> call = transport.fetchAsync(
                    TestTransports.getThing("1"), TestTransports.THING, RequestOptions.timeout(ONE_SECOND));

            Throwable thrown = catchThrowable(() -> call.get(30, TimeUnit.SECONDS));

            assertThat(thrown)
                    .cause()
                    .isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining("1000 ms deadline");
            assertThat(silent.awaitClientClose(30_000)).isTrue();
        }
    }

    @Test
    void theDeadlineCoversRetriesAndTheirBackoff() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(503)
                    .headersDelay(400, TimeUnit.MILLISECONDS)
                    .build());
        }
        try (HttpTransport transport = transport(server.url("/"))) {
            Throwable thrown = catchThrowable(() -> transport.execute(
                    TestTransports.getThing("1"), TestTransports.THING, RequestOptions.timeout(ONE_SECOND)));

            assertThat(thrown)
                    .isInstanceOfAny(RequestTimeoutException.class, dev.jobstatus.core.exception.ServerException.class);
            assertThat(server.getRequestCount()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void aRetryAfterOfAnHourInsideATenSecondWaitFailsAtOnceWithTheDelay() throws Exception {
        server.enqueue(TestJobs.job("7", "running", 1));
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "3600")
                .build());
        try (HttpTransport transport = transport(server.url("/"))) {
            PollPolicy tenSeconds = PollPolicy.builder()
                    .initialInterval(Duration.ofMillis(50))
                    .timeout(Duration.ofSeconds(10))
                    .build();

            Throwable thrown = catchThrowable(
                    () -> TestJobs.waiter(transport, "7").policy(tenSeconds).await());

            assertThat(thrown).isInstanceOf(RateLimitException.class);
            assertThat(((RateLimitException) thrown).retryAfter()).isEqualTo(Duration.ofHours(1));
            assertThat(((RateLimitException) thrown).attempts())
                    .as("no retry into the hour")
                    .isOne();
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void anInterruptedBlockingWaitCancelsItsRequestAtOnce() throws Exception {
        try (SilentServer silent = new SilentServer();
                HttpTransport transport = transport(silent.url("/"))) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread waiting = new Thread(() -> {
                try {
                    TestJobs.waiter(transport, "7")
                            .policy(PollPolicy.builder()
                                    .timeout(Duration.ofMinutes(1))
                                    .build())
                            .await();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            waiting.start();
            assertThat(silent.awaitAccepted(30_000)).isTrue();
            waiting.interrupt();
            waiting.join(30_000);

            assertThat(thrown.get()).isInstanceOf(InterruptedOperationException.class);
            assertThat(silent.awaitClientClose(30_000)).isTrue();
        }
    }
}
