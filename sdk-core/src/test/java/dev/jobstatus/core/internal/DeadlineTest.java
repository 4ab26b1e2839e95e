package dev.jobstatus.core.internal;

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
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * One deadline per operation, on the real clock: it bounds every poll, retry, backoff and wait inside it, and the
 * attempt in flight, which is cancelled when it passes. The servers accept and never answer, answer late, or trickle.
 */
class DeadlineTest {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final long MARGIN_MILLIS = 1_500;

    @StartStop
    final MockWebServer server = new MockWebServer();

    private static HttpTransport transport(HttpUrl base) {
        return HttpTransport.builder("acme").baseUrl(base).build();
    }

    private static PollPolicy oneSecond() {
        return PollPolicy.builder().initialInterval(Duration.ofMillis(100)).timeout(ONE_SECOND).build();
    }

    private static <T> T timed(java.util.concurrent.Callable<T> action, AtomicReference<Duration> took) throws Exception {
        long start = System.nanoTime();
        try {
            return action.call();
        } finally {
            took.set(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Test
    void aBlockingWaitEndsAtItsTimeoutAndCancelsThePollInFlight() throws Exception {
        try (SilentServer silent = new SilentServer(); HttpTransport transport = transport(silent.url("/"))) {
            JobWaiter<TestJob> waiter = TestJobs.waiter(transport, "7").policy(oneSecond());
            AtomicReference<Duration> took = new AtomicReference<>();

            Throwable thrown = catchThrowable(() -> timed(waiter::await, took));

            assertThat(thrown).isInstanceOf(JobWaitTimeoutException.class)
                    .hasMessageContaining("acme job 7").hasMessageContaining("1000 ms timeout");
            assertThat(((JobWaitTimeoutException) thrown).lastJob()).isNull();
            assertThat(thrown.getCause()).isInstanceOf(RequestTimeoutException.class);
            assertThat(took.get().toMillis()).isLessThan(MARGIN_MILLIS);
            assertThat(silent.awaitClientClose(500)).as("the request in flight was cancelled").isTrue();
        }
    }

    @Test
    void anAsyncWaitEndsAtItsTimeoutAndCancelsThePollInFlight() throws Exception {
        try (SilentServer silent = new SilentServer(); HttpTransport transport = transport(silent.url("/"))) {
            CompletableFuture<TestJob> wait = TestJobs.waiter(transport, "7").policy(oneSecond()).awaitAsync();
            long start = System.nanoTime();

            Throwable thrown = catchThrowable(() -> wait.get(5, TimeUnit.SECONDS));

            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isLessThan(MARGIN_MILLIS);
            assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(JobWaitTimeoutException.class);
            assertThat(silent.awaitClientClose(500)).as("the request in flight was cancelled").isTrue();
        }
    }

    @Test
    void aWaitWhosePollsAnswerLateStillEndsAtItsTimeoutWithTheLastJobSeen() throws Exception {
        server.enqueue(TestJobs.job("7", "running", 3));
        server.enqueue(new MockResponse.Builder(TestJobs.job("7", "running", 4)).headersDelay(5, TimeUnit.SECONDS).build());
        try (HttpTransport transport = transport(server.url("/"))) {
            AtomicReference<Duration> took = new AtomicReference<>();

            Throwable thrown = catchThrowable(() -> timed(() -> TestJobs.waiter(transport, "7").policy(oneSecond()).await(), took));

            assertThat(thrown).isInstanceOf(JobWaitTimeoutException.class);
            assertThat(((JobWaitTimeoutException) thrown).lastJob(TestJob.class).done()).isEqualTo(3);
            assertThat(((JobWaitTimeoutException) thrown).polls()).isEqualTo(1);
            assertThat(took.get().toMillis()).isLessThan(MARGIN_MILLIS);
        }
    }

    @Test
    void aCallWithAOneSecondDeadlineEndsThereAgainstATricklingBody() throws Exception {
        server.enqueue(new MockResponse.Builder(json(200, "{\"id\":\"" + "x".repeat(4096) + "\"}"))
                .throttleBody(64, 100, TimeUnit.MILLISECONDS).build());
        try (HttpTransport transport = transport(server.url("/"))) {
            AtomicReference<Duration> took = new AtomicReference<>();

            Throwable thrown = catchThrowable(() -> timed(() -> transport.execute(TestTransports.getThing("1"), TestTransports.THING,
                    RequestOptions.timeout(ONE_SECOND)), took));

            assertThat(thrown).isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining("acme API call GET /things/1 did not finish within its 1000 ms deadline (attempts 1)");
            assertThat(took.get().toMillis()).isLessThan(MARGIN_MILLIS);
        }
    }

    @Test
    void anAsyncCallWithAOneSecondDeadlineCompletesExceptionallyThereAndCancelsTheRequest() throws Exception {
        try (SilentServer silent = new SilentServer(); HttpTransport transport = transport(silent.url("/"))) {
            CompletableFuture<TestTransports.Thing> call = transport.fetchAsync(TestTransports.getThing("1"), TestTransports.THING,
                    RequestOptions.timeout(ONE_SECOND));
            long start = System.nanoTime();

            Throwable thrown = catchThrowable(() -> call.get(5, TimeUnit.SECONDS));

            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isLessThan(MARGIN_MILLIS);
            assertThat(thrown).cause().isInstanceOf(RequestTimeoutException.class);
            assertThat(silent.awaitClientClose(500)).isTrue();
        }
    }

    @Test
    void theDeadlineCoversRetriesAndTheirBackoff() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(503).headersDelay(400, TimeUnit.MILLISECONDS).build());
        }
        try (HttpTransport transport = transport(server.url("/"))) {
            AtomicReference<Duration> took = new AtomicReference<>();

            Throwable thrown = catchThrowable(() -> timed(() -> transport.execute(TestTransports.getThing("1"), TestTransports.THING,
                    RequestOptions.timeout(ONE_SECOND)), took));

            assertThat(thrown).isInstanceOfAny(RequestTimeoutException.class, dev.jobstatus.core.exception.ServerException.class);
            assertThat(took.get().toMillis()).isLessThan(MARGIN_MILLIS);
            assertThat(server.getRequestCount()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void aRetryAfterOfAnHourInsideATenSecondWaitFailsAtOnceWithTheDelay() throws Exception {
        server.enqueue(TestJobs.job("7", "running", 1));
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
        try (HttpTransport transport = transport(server.url("/"))) {
            AtomicReference<Duration> took = new AtomicReference<>();
            PollPolicy tenSeconds = PollPolicy.builder().initialInterval(Duration.ofMillis(50)).timeout(Duration.ofSeconds(10)).build();

            Throwable thrown = catchThrowable(() -> timed(() -> TestJobs.waiter(transport, "7").policy(tenSeconds).await(), took));

            assertThat(thrown).isInstanceOf(RateLimitException.class);
            assertThat(((RateLimitException) thrown).retryAfter()).isEqualTo(Duration.ofHours(1));
            assertThat(took.get().toMillis()).isLessThan(1_000);
        }
    }

    @Test
    void anInterruptedBlockingWaitCancelsItsRequestAtOnce() throws Exception {
        try (SilentServer silent = new SilentServer(); HttpTransport transport = transport(silent.url("/"))) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread waiting = new Thread(() -> {
                try {
                    TestJobs.waiter(transport, "7").policy(PollPolicy.builder().timeout(Duration.ofMinutes(1)).build()).await();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            waiting.start();
            while (silent.accepted() == 0) {
                Thread.sleep(10);
            }
            long start = System.nanoTime();
            waiting.interrupt();
            waiting.join(5_000);

            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isLessThan(1_000);
            assertThat(thrown.get()).isInstanceOf(InterruptedOperationException.class);
            assertThat(silent.awaitClientClose(500)).isTrue();
        }
    }
}
