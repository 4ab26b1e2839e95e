package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.core.internal.transport.TestTransports.THING;
import static dev.jobstatus.core.internal.transport.TestTransports.getThing;
import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.exception.NotFoundException;
import dev.jobstatus.core.internal.polling.JobWaiters;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.JobView;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A listener that throws, in any of its callbacks, changes nothing about a call: an asynchronous call still completes
 * with its real outcome, a blocking call returns or throws its real result, and a wait ends as it would have. The
 * fault is logged at DEBUG by its class alone.
 */
class ListenerFaultTest {
    private static final String SECRET = "listener-text-s3cret";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private LogCapture log;

    @BeforeEach
    void captureLog() {
        log = new LogCapture();
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    /** A listener whose callback {@code where} throws; it takes a permit wait of 1 ms, so that rateLimited is called. */
    private HttpTransport transport(String where) {
        return transport(new Throwing(where, false));
    }

    private HttpTransport transport(ClientListener listener) {
        return HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .timeSource(TimeSource.system())
                .retryPolicy(RetryPolicy.builder()
                        .fullJitter(false)
                        .initialBackoff(Duration.ofMillis(1))
                        .build())
                .rateLimiter(maxWait -> Duration.ofMillis(1))
                .listener(listener)
                .build();
    }

    /** Answers 429 (a throttle and a retry), then {@code last}. */
    private void throttleThen(MockResponse last) {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "0")
                .build());
        server.enqueue(last);
    }

    @ParameterizedTest(name = "a listener throwing in {0}")
    @ValueSource(
            strings = {
                "operationStarted",
                "attemptStarted",
                "attemptProtocol",
                "attemptEnded",
                "rateLimited",
                "throttled",
                "retryScheduled",
                "ended"
            })
    void callsEndWithTheirRealOutcome(String where) throws Exception {
        try (HttpTransport transport = transport(where)) {
            throttleThen(json(200, "{\"id\":\"1\",\"size\":7}"));
            assertThat(transport
                            .executeAsync(getThing("1"), THING)
                            .get(30, TimeUnit.SECONDS)
                            .value()
                            .size())
                    .isEqualTo(7);

            throttleThen(json(404, "{\"message\":\"no such thing\"}"));
            assertThatThrownBy(
                            () -> transport.executeAsync(getThing("1"), THING).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(NotFoundException.class);

            throttleThen(json(200, "{\"id\":\"1\",\"size\":8}"));
            assertThat(transport.execute(getThing("1"), THING).value().size()).isEqualTo(8);

            throttleThen(json(404, "{\"message\":\"no such thing\"}"));
            assertThatThrownBy(() -> transport.execute(getThing("1"), THING)).isInstanceOf(NotFoundException.class);
        }
        assertThat(log.messages())
                .contains("ClientListener."
                        + where.replace("attemptEnded", "Attempt.ended").replace("attemptProtocol", "Attempt.protocol")
                        + " threw java.lang.IllegalStateException; ignored");
        assertThat(String.join("\n", log.messages())).doesNotContain(SECRET);
    }

    @ParameterizedTest(name = "a listener overflowing its stack in {0}")
    @ValueSource(strings = {"attemptStarted", "attemptEnded", "ended"})
    void aListenerThatOverflowsItsStackLeavesNoCallPending(String where) throws Exception {
        try (HttpTransport transport = transport(new Throwing(where, true))) {
            server.enqueue(json(200, "{\"id\":\"1\",\"size\":7}"));
            assertThat(transport
                            .executeAsync(getThing("1"), THING)
                            .get(30, TimeUnit.SECONDS)
                            .value()
                            .size())
                    .isEqualTo(7);

            server.enqueue(json(200, "{\"id\":\"1\",\"size\":8}"));
            assertThat(transport.execute(getThing("1"), THING).value().size()).isEqualTo(8);
        }
    }

    /** A job that is running until its second poll. */
    record Job(String status) implements JobView {
        @Override
        public JobState state() {
            return "done".equals(status) ? JobState.SUCCEEDED : JobState.RUNNING;
        }
    }

    @ParameterizedTest(name = "a listener throwing in {0}")
    @ValueSource(strings = {"operationStarted", "polled", "ended"})
    void waitsEndWithTheirRealOutcome(String where) throws Exception {
        PollPolicy fast = PollPolicy.builder()
                .initialInterval(Duration.ofMillis(1))
                .multiplier(1)
                .jitter(0)
                .build();
        try (HttpTransport transport = transport(where)) {
            var waiter = JobWaiters.create(
                    transport,
                    "j1",
                    ApiRequest.get().path("jobs").pathParam("id", "j1").build(),
                    BodyReader.json(Job.class),
                    fast,
                    RequestOptions.defaults());
            server.enqueue(json(200, "{\"status\":\"running\"}"));
            server.enqueue(json(200, "{\"status\":\"done\"}"));
            assertThat(waiter.awaitAsync().get(30, TimeUnit.SECONDS).status()).isEqualTo("done");

            server.enqueue(json(200, "{\"status\":\"running\"}"));
            server.enqueue(json(200, "{\"status\":\"done\"}"));
            assertThat(waiter.await().status()).isEqualTo("done");
        }
    }

    /** Throws from one callback, the wait's and the polls' alike. */
    private static final class Throwing implements ClientListener {
        private final String where;
        private final boolean overflow;

        Throwing(String where, boolean overflow) {
            this.where = where;
            this.overflow = overflow;
        }

        private void maybeThrow(String callback) {
            if (callback.equals(where) && overflow) {
                throw new StackOverflowError();
            }
            if (callback.equals(where)) {
                throw new IllegalStateException(SECRET + " in " + callback);
            }
        }

        @Override
        public Operation operationStarted(
                String provider, String operation, @Nullable String jobId, @Nullable Operation parent) {
            maybeThrow("operationStarted");
            return new Operation() {
                @Override
                public Attempt attemptStarted(
                        String method, String host, int port, String urlTemplate, int resendCount) {
                    maybeThrow("attemptStarted");
                    return new Attempt() {
                        @Override
                        public void protocol(String version) {
                            maybeThrow("attemptProtocol");
                        }

                        @Override
                        public void ended(int status, @Nullable Throwable error) {
                            maybeThrow("attemptEnded");
                        }
                    };
                }

                @Override
                public void rateLimited(Duration wait) {
                    maybeThrow("rateLimited");
                }

                @Override
                public void throttled(int status, @Nullable Duration retryAfter) {
                    maybeThrow("throttled");
                }

                @Override
                public void retryScheduled(Duration delay, String cause) {
                    maybeThrow("retryScheduled");
                }

                @Override
                public void polled(int poll, String state) {
                    maybeThrow("polled");
                }

                @Override
                public void ended(@Nullable Throwable error) {
                    maybeThrow("ended");
                }
            };
        }
    }
}
