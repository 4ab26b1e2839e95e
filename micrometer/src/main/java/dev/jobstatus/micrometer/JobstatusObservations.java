package dev.jobstatus.micrometer;

import dev.jobstatus.core.exception.JobFailedException;
import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.telemetry.ClientListener;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer Observations of the jobstatus clients, on the application's {@link ObservationRegistry}: set it on a
 * client with {@code listener(...)} (the Spring Boot starter does so when the application has a registry). Whatever
 * handlers the registry has see every call: Micrometer's meter handler makes timers and counters of them, Micrometer
 * Tracing makes spans.
 *
 * <pre>{@code
 * JobstatusObservations observations = JobstatusObservations.create(observationRegistry);
 * NexudusClient nexudus = NexudusClient.builder().passwordGrant(email, password).listener(observations).build();
 * }</pre>
 *
 * <p><b>Operations.</b> An observation {@value #OPERATIONS} per operation (contextual name such as {@code nexudus
 * get}, {@code wix list items}, {@code asana wait}, {@code nexudus token}), a child of the observation current when
 * it started, with the low-cardinality keys {@code jobstatus.provider}, {@code jobstatus.operation} and, once
 * ended, {@code jobstatus.outcome} ({@code success} or {@code error}; for a wait {@code succeeded}, {@code failed},
 * {@code timeout} or {@code error}), and the job's id as the high-cardinality {@code jobstatus.job.id}. Its events
 * are {@value #RETRY}, {@value #THROTTLE}, {@value #RATE_LIMITED} and {@value #POLL}, which the meter handler counts
 * as {@code jobstatus.client.operations.retries} and so on.
 *
 * <p><b>HTTP attempts.</b> An observation {@value #REQUESTS} per attempt, a child of its operation's, with
 * Micrometer's HTTP client keys {@code method}, {@code uri} (the path template, never the URL), {@code status},
 * {@code outcome} and {@code client.name} (the host), and {@code jobstatus.provider}.
 *
 * <p>No key carries a secret, a query or a body: the SDK tells its listeners none, and exceptions reach the
 * observation as they are (the meter handler records their class name only). Thread-safe.
 */
public final class JobstatusObservations implements ClientListener {
    /** The name of the observation of each operation. */
    public static final String OPERATIONS = "jobstatus.client.operations";
    /** The name of the observation of each HTTP attempt. */
    public static final String REQUESTS = "jobstatus.client.requests";
    /** The event of a failed attempt that will be retried. */
    public static final String RETRY = "retries";
    /** The event of a response by which the provider throttled the client (429, Nexudus's 409). */
    public static final String THROTTLE = "throttles";
    /** The event of a wait for the client-side rate limiter. */
    public static final String RATE_LIMITED = "rate.limited";
    /** The event of a poll of a wait. */
    public static final String POLL = "polls";

    static final String PROVIDER = "jobstatus.provider";
    static final String OPERATION = "jobstatus.operation";
    static final String OUTCOME = "jobstatus.outcome";
    static final String JOB_ID = "jobstatus.job.id";

    private final ObservationRegistry registry;

    private JobstatusObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * {@return the listener that observes on {@code registry}}
     *
     * @param registry the application's registry ({@link ObservationRegistry#NOOP} costs next to nothing)
     */
    public static JobstatusObservations create(ObservationRegistry registry) {
        return new JobstatusObservations(Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public Operation operationStarted(
            String provider, String operation, @Nullable String jobId, @Nullable Operation parent) {
        Observation observation = Observation.createNotStarted(OPERATIONS, registry)
                .contextualName(provider + " " + operation)
                .lowCardinalityKeyValue(PROVIDER, provider)
                .lowCardinalityKeyValue(OPERATION, operation);
        if (parent instanceof ObservedOperation outer) {
            observation.parentObservation(outer.observation);
        }
        if (jobId != null) {
            observation.highCardinalityKeyValue(JOB_ID, jobId);
        }
        return new ObservedOperation(observation.start(), provider, "wait".equals(operation));
    }

    /** One operation's observation. */
    private final class ObservedOperation implements Operation {
        private final Observation observation;
        private final String provider;
        private final boolean wait;
        private volatile @Nullable String lastState;

        ObservedOperation(Observation observation, String provider, boolean wait) {
            this.observation = observation;
            this.provider = provider;
            this.wait = wait;
        }

        @Override
        public Attempt attemptStarted(String method, String host, int port, String urlTemplate, int resendCount) {
            Observation attempt = Observation.createNotStarted(REQUESTS, registry)
                    .contextualName(method + " " + urlTemplate)
                    .parentObservation(observation)
                    .lowCardinalityKeyValue(PROVIDER, provider)
                    .lowCardinalityKeyValue("method", method)
                    .lowCardinalityKeyValue("uri", urlTemplate)
                    .lowCardinalityKeyValue("client.name", host)
                    .highCardinalityKeyValue("server.port", Integer.toString(port))
                    .highCardinalityKeyValue("http.request.resend_count", Integer.toString(resendCount));
            return new ObservedAttempt(attempt.start());
        }

        @Override
        public void rateLimited(Duration wait) {
            observation.event(Observation.Event.of(RATE_LIMITED, "rate limited " + wait.toMillis() + " ms"));
        }

        @Override
        public void throttled(int status, @Nullable Duration retryAfter) {
            observation.event(Observation.Event.of(
                    THROTTLE,
                    retryAfter == null
                            ? "throttled " + status
                            : "throttled " + status + ", retry after " + retryAfter.toMillis() + " ms"));
        }

        @Override
        public void retryScheduled(Duration delay, String cause) {
            observation.event(Observation.Event.of(RETRY, "retry in " + delay.toMillis() + " ms after " + cause));
        }

        @Override
        public void polled(int poll, String state) {
            lastState = state;
            observation.event(Observation.Event.of(POLL, "poll " + poll + ": " + state));
        }

        @Override
        public void ended(@Nullable Throwable error) {
            String state = lastState;
            String outcome;
            if (error == null) {
                outcome = !wait ? "success" : state == null ? "succeeded" : state.toLowerCase(Locale.ROOT);
            } else {
                outcome = !wait
                        ? "error"
                        : error instanceof JobWaitTimeoutException
                                ? "timeout"
                                : error instanceof JobFailedException ? "failed" : "error";
                observation.error(error);
            }
            observation.lowCardinalityKeyValue(OUTCOME, outcome).stop();
        }
    }

    /** One HTTP attempt's observation. */
    private static final class ObservedAttempt implements Attempt {
        private final Observation observation;

        ObservedAttempt(Observation observation) {
            this.observation = observation;
        }

        @Override
        public void ended(int status, @Nullable Throwable error) {
            String outcome = status == 0
                    ? "UNKNOWN"
                    : status < 200
                            ? "INFORMATIONAL"
                            : status < 300
                                    ? "SUCCESS"
                                    : status < 400 ? "REDIRECTION" : status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
            observation
                    .lowCardinalityKeyValue("status", status == 0 ? "IO_ERROR" : Integer.toString(status))
                    .lowCardinalityKeyValue("outcome", outcome);
            if (error != null) {
                observation.error(error);
            }
            observation.stop();
        }
    }
}
