package dev.jobstatus.opentelemetry;

import dev.jobstatus.core.exception.JobFailedException;
import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.telemetry.ClientListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Traces and metrics of the jobstatus clients, on the application's {@link OpenTelemetry}: set it on a client with
 * {@code listener(...)}.
 *
 * <pre>{@code
 * JobstatusTelemetry telemetry = JobstatusTelemetry.create(openTelemetry);
 * NexudusClient nexudus = NexudusClient.builder().passwordGrant(email, password).listener(telemetry).build();
 * }</pre>
 *
 * <p><b>Traces.</b> A span per operation ({@code nexudus get}, {@code nexudus list}, {@code wix list items},
 * {@code asana wait}, {@code nexudus token}), a child of the span current when it started, with
 * {@code jobstatus.provider}, {@code jobstatus.operation} and {@code jobstatus.job.id}; under it, a {@code CLIENT}
 * span per HTTP attempt following OpenTelemetry's HTTP client conventions ({@code http.request.method},
 * {@code server.address}, {@code server.port}, {@code url.template} and never the URL, {@code
 * http.response.status_code}, {@code network.protocol.version}, {@code error.type},
 * {@code http.request.resend_count}). Retries, throttles, rate-limit waits and polls are events of the operation
 * span; a wait's polls are operations under the wait, and a token fetch is an operation under the call that needed
 * it. The instrumentation scope carries this module's version and the schema URL of the semantic conventions the
 * attributes follow.
 *
 * <p><b>Metrics.</b> {@code http.client.request.duration} (s) per provider, method, server, status and HTTP version (and
 * {@code jobstatus.status_class}, such as {@code 5xx}); {@code jobstatus.client.retries} per provider and cause;
 * {@code jobstatus.client.throttles} per provider and status; {@code jobstatus.wait.duration} (s) and
 * {@code jobstatus.wait.polls} per provider and outcome ({@code succeeded}, {@code failed}, {@code timeout},
 * {@code error}); {@code jobstatus.waits.active}, the waits in progress; {@code jobstatus.watch.round.requests} and
 * {@code jobstatus.watch.jobs} per provider, the requests each round of a job watcher sent and the jobs it watched
 * (a round is a {@code watch round} span, its requests operations under it, with
 * {@code jobstatus.watch.requests} and {@code jobstatus.watch.jobs}). No metric carries a job id or a URL.
 *
 * <p>Nothing secret is recorded: the SDK tells its listeners no token, key, password, query or body, and no
 * exception message is recorded (exceptions appear by class name). Thread-safe.
 */
public final class JobstatusTelemetry implements ClientListener {
    /** The instrumentation scope of the spans and metrics. */
    public static final String SCOPE = "dev.jobstatus";

    /**
     * The semantic conventions the attributes follow: 1.26.0 is the first to define one of them, {@code url.template}.
     */
    static final String SCHEMA_URL = "https://opentelemetry.io/schemas/1.26.0";

    /** This module's version, the instrumentation scope's. */
    static final @Nullable String VERSION = readVersion();

    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("jobstatus.provider");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("jobstatus.operation");
    static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("jobstatus.job.id");
    static final AttributeKey<Long> ROUND_REQUESTS = AttributeKey.longKey("jobstatus.watch.requests");
    static final AttributeKey<Long> WATCHED = AttributeKey.longKey("jobstatus.watch.jobs");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> STATUS_CLASS = AttributeKey.stringKey("jobstatus.status_class");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    static final AttributeKey<String> PROTOCOL_VERSION = AttributeKey.stringKey("network.protocol.version");
    static final AttributeKey<String> CAUSE = AttributeKey.stringKey("jobstatus.retry.cause");
    static final AttributeKey<Long> DELAY_MS = AttributeKey.longKey("jobstatus.retry.delay_ms");
    static final AttributeKey<Long> RETRY_AFTER_MS = AttributeKey.longKey("jobstatus.retry_after_ms");
    static final AttributeKey<Long> WAIT_MS = AttributeKey.longKey("jobstatus.rate_limit.wait_ms");
    static final AttributeKey<Long> POLL = AttributeKey.longKey("jobstatus.poll");
    static final AttributeKey<String> STATE = AttributeKey.stringKey("jobstatus.job.state");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("jobstatus.wait.outcome");

    /** OpenTelemetry's advice for {@code http.client.request.duration}. */
    private static final List<Double> DURATION_BUCKETS =
            List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

    private final Tracer tracer;
    private final DoubleHistogram requestDuration;
    private final LongCounter retries;
    private final LongCounter throttles;
    private final DoubleHistogram waitDuration;
    private final LongHistogram waitPolls;
    private final LongUpDownCounter waitsActive;
    private final LongHistogram roundRequests;
    private final LongHistogram watchedJobs;

    private JobstatusTelemetry(OpenTelemetry openTelemetry) {
        var tracerBuilder = openTelemetry.tracerBuilder(SCOPE).setSchemaUrl(SCHEMA_URL);
        var meterBuilder = openTelemetry.meterBuilder(SCOPE).setSchemaUrl(SCHEMA_URL);
        if (VERSION != null) {
            tracerBuilder.setInstrumentationVersion(VERSION);
            meterBuilder.setInstrumentationVersion(VERSION);
        }
        this.tracer = tracerBuilder.build();
        Meter meter = meterBuilder.build();
        this.requestDuration = meter.histogramBuilder("http.client.request.duration")
                .setUnit("s")
                .setDescription("Duration of HTTP client requests.")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
                .build();
        this.retries = meter.counterBuilder("jobstatus.client.retries")
                .setUnit("{retry}")
                .setDescription("Failed attempts that were retried, by cause.")
                .build();
        this.throttles = meter.counterBuilder("jobstatus.client.throttles")
                .setUnit("{response}")
                .setDescription("Responses by which the provider throttled the client (429, Nexudus's 409).")
                .build();
        this.waitDuration = meter.histogramBuilder("jobstatus.wait.duration")
                .setUnit("s")
                .setDescription("How long waits for jobs lasted, by outcome.")
                .build();
        this.waitPolls = meter.histogramBuilder("jobstatus.wait.polls")
                .ofLongs()
                .setUnit("{poll}")
                .setDescription("How many polls waits for jobs took, by outcome.")
                .build();
        this.waitsActive = meter.upDownCounterBuilder("jobstatus.waits.active")
                .setUnit("{wait}")
                .setDescription("Waits for jobs in progress.")
                .build();
        this.roundRequests = meter.histogramBuilder("jobstatus.watch.round.requests")
                .ofLongs()
                .setUnit("{request}")
                .setDescription("Requests sent by each round of a job watcher.")
                .build();
        this.watchedJobs = meter.histogramBuilder("jobstatus.watch.jobs")
                .ofLongs()
                .setUnit("{job}")
                .setDescription("Jobs a job watcher watched, at each of its rounds.")
                .build();
    }

    /**
     * {@return the listener that records to {@code openTelemetry}}
     *
     * @param openTelemetry the application's instance (with no SDK installed, the API's no-op costs next to nothing)
     */
    public static JobstatusTelemetry create(OpenTelemetry openTelemetry) {
        return new JobstatusTelemetry(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    }

    private static @Nullable String readVersion() {
        try (InputStream in = JobstatusTelemetry.class.getResourceAsStream("version.properties")) {
            Properties build = new Properties();
            if (in != null) {
                build.load(in);
            }
            return build.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Operation operationStarted(
            String provider, String operation, @Nullable String jobId, @Nullable Operation parent) {
        Context parentContext = parent instanceof OperationSpan outer ? outer.context : Context.current();
        var builder = tracer.spanBuilder(provider + " " + operation)
                .setParent(parentContext)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(PROVIDER, provider)
                .setAttribute(OPERATION, operation);
        if (jobId != null) {
            builder.setAttribute(JOB_ID, jobId);
        }
        Span span = builder.startSpan();
        boolean wait = "wait".equals(operation);
        Attributes providerOnly = Attributes.of(PROVIDER, provider);
        if (wait) {
            waitsActive.add(1, providerOnly);
        }
        return new OperationSpan(span, parentContext.with(span), provider, providerOnly, wait);
    }

    /** One operation's span, and a wait's bookkeeping. */
    private final class OperationSpan implements Operation {
        private final Span span;
        private final Context context;
        private final String provider;
        private final Attributes providerOnly;
        private final boolean wait;
        private final long startNanos = System.nanoTime();
        private volatile int polls;
        private volatile @Nullable String lastState;

        OperationSpan(Span span, Context context, String provider, Attributes providerOnly, boolean wait) {
            this.span = span;
            this.context = context;
            this.provider = provider;
            this.providerOnly = providerOnly;
            this.wait = wait;
        }

        @Override
        public Attempt attemptStarted(String method, String host, int port, String urlTemplate, int resendCount) {
            var builder = tracer.spanBuilder(method + " " + urlTemplate)
                    .setParent(context)
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute(METHOD, method)
                    .setAttribute(SERVER_ADDRESS, host)
                    .setAttribute(SERVER_PORT, (long) port)
                    .setAttribute(URL_TEMPLATE, urlTemplate)
                    .setAttribute(PROVIDER, provider);
            if (resendCount > 0) {
                builder.setAttribute(RESEND_COUNT, (long) resendCount);
            }
            return new AttemptSpan(builder.startSpan(), provider, method, host, port);
        }

        @Override
        public void rateLimited(Duration wait) {
            span.addEvent("jobstatus.rate_limit_wait", Attributes.of(WAIT_MS, wait.toMillis()));
        }

        @Override
        public void throttled(int status, @Nullable Duration retryAfter) {
            span.addEvent(
                    "jobstatus.throttle",
                    retryAfter == null
                            ? Attributes.of(STATUS_CODE, (long) status)
                            : Attributes.of(STATUS_CODE, (long) status, RETRY_AFTER_MS, retryAfter.toMillis()));
            throttles.add(1, Attributes.of(PROVIDER, provider, STATUS_CODE, (long) status));
        }

        @Override
        public void retryScheduled(Duration delay, String cause) {
            span.addEvent("jobstatus.retry", Attributes.of(CAUSE, cause, DELAY_MS, delay.toMillis()));
            retries.add(1, Attributes.of(PROVIDER, provider, CAUSE, cause));
        }

        @Override
        public void polled(int poll, String state) {
            polls = poll;
            lastState = state;
            span.addEvent("jobstatus.poll", Attributes.of(POLL, (long) poll, STATE, state));
        }

        @Override
        public void watchRound(int requests, int watched) {
            span.setAttribute(ROUND_REQUESTS, (long) requests);
            span.setAttribute(WATCHED, (long) watched);
            roundRequests.record(requests, providerOnly);
            watchedJobs.record(watched, providerOnly);
        }

        @Override
        public void ended(@Nullable Throwable error) {
            if (error != null) {
                span.setAttribute(ERROR_TYPE, error.getClass().getName());
                span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
            }
            if (wait) {
                String state = lastState;
                String outcome = error == null
                        ? (state == null ? "succeeded" : state.toLowerCase(Locale.ROOT))
                        : error instanceof JobWaitTimeoutException
                                ? "timeout"
                                : error instanceof JobFailedException ? "failed" : "error";
                span.setAttribute(OUTCOME, outcome);
                Attributes byOutcome = Attributes.of(PROVIDER, provider, OUTCOME, outcome);
                waitDuration.record((System.nanoTime() - startNanos) / 1e9, byOutcome);
                waitPolls.record(polls, byOutcome);
                waitsActive.add(-1, providerOnly);
            }
            span.end();
        }
    }

    /** One HTTP attempt's span and duration. */
    private final class AttemptSpan implements Attempt {
        private final Span span;
        private final String provider;
        private final String method;
        private final String host;
        private final int port;
        private final long startNanos = System.nanoTime();
        private @Nullable String protocolVersion;

        AttemptSpan(Span span, String provider, String method, String host, int port) {
            this.span = span;
            this.provider = provider;
            this.method = method;
            this.host = host;
            this.port = port;
        }

        @Override
        public void protocol(String version) {
            protocolVersion = version;
            span.setAttribute(PROTOCOL_VERSION, version);
        }

        @Override
        public void ended(int status, @Nullable Throwable error) {
            AttributesBuilder metric = Attributes.builder()
                    .put(PROVIDER, provider)
                    .put(METHOD, method)
                    .put(SERVER_ADDRESS, host)
                    .put(SERVER_PORT, (long) port);
            if (protocolVersion != null) {
                metric.put(PROTOCOL_VERSION, protocolVersion);
            }
            String errorType =
                    error != null ? error.getClass().getName() : status >= 400 ? Integer.toString(status) : null;
            if (status > 0) {
                span.setAttribute(STATUS_CODE, (long) status);
                metric.put(STATUS_CODE, (long) status).put(STATUS_CLASS, status / 100 + "xx");
            }
            if (errorType != null) {
                span.setAttribute(ERROR_TYPE, errorType);
                span.setStatus(StatusCode.ERROR);
                metric.put(ERROR_TYPE, errorType);
            }
            span.end();
            requestDuration.record((System.nanoTime() - startNanos) / 1e9, metric.build());
        }
    }
}
