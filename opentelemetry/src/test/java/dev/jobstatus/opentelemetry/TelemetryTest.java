package dev.jobstatus.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.Fault;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.NexudusSimulator.TokenRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The spans and metrics of real calls over loopback HTTP, read back from OpenTelemetry's in-memory exporter and
 * metric reader: a get retried after a 503, a throttled Nexudus call, a three-poll wait, metric values after a known
 * sequence of calls, and no secret in any exported attribute.
 */
class TelemetryTest {
    private static final RetryPolicy QUICK = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(10))
            .fullJitter(false)
            .build();

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setMeterProvider(
                    SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();
    private final JobstatusTelemetry telemetry = JobstatusTelemetry.create(otel);

    @AfterEach
    void close() {
        otel.close();
    }

    @Test
    void aGetRetriedOnceAfterA503IsOneOperationSpanWithTwoAttemptSpansUnderTheCallersSpan() {
        try (NexudusSimulator api = NexudusSimulator.start().withoutRateLimits().seed(3);
                NexudusClient nexudus = basic(api)) {
            api.inject(Fault.status(503));
            Span caller = otel.getTracer("test").spanBuilder("caller").startSpan();
            try (Scope scope = caller.makeCurrent()) {
                nexudus.backgroundJobs().get(2);
            } finally {
                caller.end();
            }
        }
        SpanData get = only("nexudus get");
        assertThat(get.getParentSpanId()).isEqualTo(only("caller").getSpanId());
        assertThat(get.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(get.getAttributes().asMap())
                .containsEntry(JobstatusTelemetry.PROVIDER, "nexudus")
                .containsEntry(JobstatusTelemetry.OPERATION, "get")
                .containsEntry(JobstatusTelemetry.JOB_ID, "2");
        assertThat(get.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(events(get, "jobstatus.retry"))
                .singleElement()
                .satisfies(e -> assertThat(e.getAttributes().get(JobstatusTelemetry.CAUSE))
                        .isEqualTo("http 503"));

        List<SpanData> attempts = childrenOf(get);
        assertThat(attempts).hasSize(2).allSatisfy(a -> {
            assertThat(a.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(a.getName()).isEqualTo("GET /api/sys/businessbackgroundjobs/{id}");
            assertThat(a.getAttributes().asMap())
                    .containsEntry(JobstatusTelemetry.METHOD, "GET")
                    .containsEntry(JobstatusTelemetry.SERVER_ADDRESS, "localhost")
                    .containsEntry(JobstatusTelemetry.URL_TEMPLATE, "/api/sys/businessbackgroundjobs/{id}")
                    .containsKey(JobstatusTelemetry.SERVER_PORT);
        });
        assertThat(attempts.get(0).getAttributes().get(JobstatusTelemetry.STATUS_CODE))
                .isEqualTo(503L);
        assertThat(attempts.get(0).getAttributes().get(JobstatusTelemetry.ERROR_TYPE))
                .isEqualTo("503");
        assertThat(attempts.get(0).getAttributes().get(JobstatusTelemetry.RESEND_COUNT))
                .isNull();
        assertThat(attempts.get(1).getAttributes().get(JobstatusTelemetry.STATUS_CODE))
                .isEqualTo(200L);
        assertThat(attempts.get(1).getAttributes().get(JobstatusTelemetry.RESEND_COUNT))
                .isEqualTo(1L);
        assertThat(attempts.get(1).getAttributes().get(JobstatusTelemetry.ERROR_TYPE))
                .isNull();
    }

    @Test
    void aThrottledNexudusCallCarriesTheThrottleAndItsRetryAfter() {
        try (NexudusSimulator api = NexudusSimulator.start().withoutRateLimits().seed(3);
                NexudusClient nexudus = basic(api)) {
            api.inject(Fault.throttle(Duration.ofSeconds(1)));
            nexudus.backgroundJobs().get(1);
        }
        SpanData get = only("nexudus get");
        assertThat(events(get, "jobstatus.throttle")).singleElement().satisfies(e -> {
            assertThat(e.getAttributes().get(JobstatusTelemetry.STATUS_CODE)).isEqualTo(409L);
            assertThat(e.getAttributes().get(JobstatusTelemetry.RETRY_AFTER_MS)).isEqualTo(1000L);
        });
        assertThat(events(get, "jobstatus.retry")).singleElement().satisfies(e -> {
            assertThat(e.getAttributes().get(JobstatusTelemetry.CAUSE)).isEqualTo("http 409");
            assertThat(e.getAttributes().get(JobstatusTelemetry.DELAY_MS)).isEqualTo(1000L);
        });
        assertThat(childrenOf(get))
                .extracting(a -> a.getAttributes().get(JobstatusTelemetry.STATUS_CODE))
                .containsExactly(409L, 200L);
        assertThat(counter("jobstatus.client.throttles")).singleElement().satisfies(p -> {
            assertThat(p.getValue()).isEqualTo(1);
            assertThat(p.getAttributes())
                    .isEqualTo(Attributes.of(
                            JobstatusTelemetry.PROVIDER, "nexudus", JobstatusTelemetry.STATUS_CODE, 409L));
        });
    }

    @Test
    void aThreePollWaitIsAWaitSpanOverThreeGetsEachWithItsAttempt() {
        try (NexudusSimulator api = NexudusSimulator.start()
                        .withoutRateLimits()
                        .seed(50)
                        .addJob(42, "Queued", "Running", "Completed");
                NexudusClient nexudus = NexudusClient.builder()
                        .baseUrl(api.baseUrl())
                        .retryPolicy(QUICK)
                        .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                        .pollPolicy(PollPolicy.builder()
                                .initialInterval(Duration.ofMillis(20))
                                .jitter(0)
                                .build())
                        .listener(telemetry)
                        .build()) {
            assertThat(nexudus.backgroundJobs().waitFor(42).state()).isEqualTo(JobState.SUCCEEDED);
        }
        SpanData wait = only("nexudus wait");
        assertThat(wait.getParentSpanContext().isValid()).isFalse();
        assertThat(wait.getAttributes().asMap())
                .containsEntry(JobstatusTelemetry.JOB_ID, "42")
                .containsEntry(JobstatusTelemetry.OUTCOME, "succeeded");
        assertThat(events(wait, "jobstatus.poll"))
                .extracting(e -> e.getAttributes().get(JobstatusTelemetry.STATE))
                .containsExactly("PENDING", "RUNNING", "SUCCEEDED");
        List<SpanData> polls = childrenOf(wait);
        assertThat(polls).hasSize(3).allSatisfy(poll -> {
            assertThat(poll.getName()).isEqualTo("nexudus get");
            assertThat(childrenOf(poll))
                    .singleElement()
                    .satisfies(a -> assertThat(a.getKind()).isEqualTo(SpanKind.CLIENT));
        });

        assertThat(histogram("jobstatus.wait.polls")).singleElement().satisfies(p -> {
            assertThat(p.getCount()).isEqualTo(1);
            assertThat(p.getSum()).isEqualTo(3.0);
            assertThat(p.getAttributes())
                    .isEqualTo(Attributes.of(
                            JobstatusTelemetry.PROVIDER, "nexudus", JobstatusTelemetry.OUTCOME, "succeeded"));
        });
        assertThat(histogram("jobstatus.wait.duration"))
                .singleElement()
                .satisfies(p -> assertThat(p.getSum()).isPositive());
        assertThat(counter("jobstatus.waits.active"))
                .singleElement()
                .satisfies(p -> assertThat(p.getValue()).isZero());
    }

    @Test
    void asynchronousCallsAndWaitsNestTheSameWay() throws Exception {
        try (NexudusSimulator api =
                        NexudusSimulator.start().withoutRateLimits().seed(50).addJob(7, "Running", "Completed");
                NexudusClient nexudus = NexudusClient.builder()
                        .baseUrl(api.baseUrl())
                        .retryPolicy(QUICK)
                        .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                        .pollPolicy(PollPolicy.builder()
                                .initialInterval(Duration.ofMillis(20))
                                .jitter(0)
                                .build())
                        .listener(telemetry)
                        .build()) {
            Span caller = otel.getTracer("test").spanBuilder("caller").startSpan();
            try (Scope scope = caller.makeCurrent()) {
                nexudus.backgroundJobs().getAsync(1).get();
                nexudus.backgroundJobs().waiter(7).awaitAsync().get();
            } finally {
                caller.end();
            }
        }
        String callerId = only("caller").getSpanId();
        SpanData wait = only("nexudus wait");
        assertThat(wait.getParentSpanId()).isEqualTo(callerId);
        List<SpanData> gets = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("nexudus get"))
                .toList();
        assertThat(gets).hasSize(3);
        assertThat(gets).filteredOn(g -> g.getParentSpanId().equals(callerId)).hasSize(1);
        assertThat(gets)
                .filteredOn(g -> g.getParentSpanId().equals(wait.getSpanId()))
                .hasSize(2);
    }

    @Test
    void metricsAfterAKnownSequenceOfCalls() {
        try (NexudusSimulator api = NexudusSimulator.start().withoutRateLimits().seed(3);
                NexudusClient nexudus = basic(api)) {
            nexudus.backgroundJobs().get(1);
            nexudus.backgroundJobs().get(2);
            api.inject(Fault.status(503));
            nexudus.backgroundJobs().get(3);
        }
        List<HistogramPointData> durations = histogram("http.client.request.duration");
        assertThat(durations)
                .extracting(p -> p.getAttributes().get(JobstatusTelemetry.STATUS_CODE), HistogramPointData::getCount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(200L, 3L), org.assertj.core.groups.Tuple.tuple(503L, 1L));
        assertThat(durations).allSatisfy(p -> {
            assertThat(p.getAttributes().get(JobstatusTelemetry.PROVIDER)).isEqualTo("nexudus");
            assertThat(p.getAttributes().get(JobstatusTelemetry.STATUS_CLASS)).isIn("2xx", "5xx");
            assertThat(p.getAttributes().asMap().keySet())
                    .extracting(AttributeKey::getKey)
                    .doesNotContain("jobstatus.job.id", "url.full", "url.template");
        });
        assertThat(counter("jobstatus.client.retries")).singleElement().satisfies(p -> {
            assertThat(p.getValue()).isEqualTo(1);
            assertThat(p.getAttributes().get(JobstatusTelemetry.CAUSE)).isEqualTo("http 503");
        });
    }

    @Test
    void noExportedAttributeHoldsASecret() {
        List<String> secrets = new ArrayList<>(List.of(NexudusSimulator.PASSWORD, AsanaSimulator.TOKEN, "opt_fields"));
        try (NexudusSimulator nexudusApi =
                        NexudusSimulator.start().withoutRateLimits().seed(3).tokenLifetime(3600);
                AsanaSimulator asanaApi = AsanaSimulator.start();
                NexudusClient nexudus = NexudusClient.builder()
                        .baseUrl(nexudusApi.baseUrl())
                        .retryPolicy(QUICK)
                        .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                        .listener(telemetry)
                        .build();
                AsanaClient asana = AsanaClient.builder()
                        .baseUrl(asanaApi.baseUrl())
                        .bearerToken(AsanaSimulator.TOKEN)
                        .listener(telemetry)
                        .build()) {
            nexudus.backgroundJobs().get(1);
            nexudusApi.revokeAccessTokens();
            nexudus.backgroundJobs().get(2);
            asanaApi.addJob("1201", "in_progress", "succeeded");
            asana.jobs().get("1201");
            for (TokenRequest grant : nexudusApi.tokenRequests()) {
                secrets.addAll(grant.form().values().stream()
                        .filter(v -> !v.equals("password") && !v.equals("refresh_token"))
                        .collect(Collectors.toList()));
            }
        }
        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName).contains("nexudus token", "asana get");
        StringBuilder exported = new StringBuilder();
        for (SpanData span : spans.getFinishedSpanItems()) {
            exported.append(span.getName()).append(span.getAttributes()).append(span.getStatus());
            span.getEvents().forEach(e -> exported.append(e.getName()).append(e.getAttributes()));
        }
        for (MetricData metric : metrics.collectAllMetrics()) {
            metric.getData().getPoints().forEach(p -> exported.append(p.getAttributes()));
        }
        assertThat(exported.toString())
                .contains("nexudus")
                .doesNotContain(secrets)
                .doesNotContain("access-", "refresh-");
    }

    @Test
    void aTokenFetchIsAChildOfTheCallThatNeededItInTheSameTrace() throws Exception {
        try (NexudusSimulator api =
                        NexudusSimulator.start().withoutRateLimits().seed(3).tokenLifetime(3600);
                NexudusClient blocking = passwordGrant(api);
                NexudusClient async = passwordGrant(api)) {
            // A sign-in on the caller's thread, a renewal after a 401 and a sign-in on the credentials thread of an
            // asynchronous call.
            blocking.backgroundJobs().get(1);
            api.revokeAccessTokens();
            blocking.backgroundJobs().getAsync(2).get(30, TimeUnit.SECONDS);
            async.backgroundJobs().getAsync(3).get(30, TimeUnit.SECONDS);
        }
        List<SpanData> gets = named("nexudus get");
        assertThat(gets).hasSize(3);
        assertThat(named("nexudus token")).hasSize(3);
        assertThat(gets).allSatisfy(get -> {
            assertThat(get.getParentSpanContext().isValid()).isFalse();
            List<SpanData> tokens = childrenOf(get).stream()
                    .filter(s -> s.getName().equals("nexudus token"))
                    .toList();
            assertThat(tokens)
                    .as("token fetches under " + get.getAttributes())
                    .singleElement()
                    .satisfies(token -> {
                        assertThat(token.getTraceId()).isEqualTo(get.getTraceId());
                        assertThat(childrenOf(token))
                                .singleElement()
                                .satisfies(
                                        attempt -> assertThat(attempt.getName()).isEqualTo("POST /api/token"));
                    });
        });
    }

    @Test
    void theInstrumentationScopeNamesItsVersionAndTheSemanticConventionsItFollows() {
        try (NexudusSimulator api = NexudusSimulator.start().withoutRateLimits().seed(3);
                NexudusClient nexudus = basic(api)) {
            nexudus.backgroundJobs().get(1);
        }
        List<InstrumentationScopeInfo> scopes = new ArrayList<>();
        spans.getFinishedSpanItems().forEach(s -> scopes.add(s.getInstrumentationScopeInfo()));
        metrics.collectAllMetrics().forEach(m -> scopes.add(m.getInstrumentationScopeInfo()));
        assertThat(scopes).isNotEmpty().allSatisfy(scope -> {
            assertThat(scope.getName()).isEqualTo(JobstatusTelemetry.SCOPE);
            assertThat(scope.getVersion()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
            assertThat(scope.getSchemaUrl()).isEqualTo("https://opentelemetry.io/schemas/1.26.0");
        });
    }

    @Test
    void anAttemptSpanCarriesTheHttpVersionItsResponseCameOver() throws Exception {
        try (NexudusSimulator api = NexudusSimulator.start().withoutRateLimits().seed(3);
                NexudusClient nexudus = basic(api)) {
            nexudus.backgroundJobs().get(1);
        }
        try (MockWebServer h2 = new MockWebServer()) {
            h2.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
            h2.enqueue(new MockResponse.Builder()
                    .addHeader("Content-Type", "application/json")
                    .body("{\"Id\": 7, \"Status\": \"Completed\"}")
                    .build());
            h2.start();
            try (NexudusClient nexudus = NexudusClient.builder()
                    .baseUrl(h2.url("/"))
                    .httpClient(new OkHttpClient.Builder()
                            .protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE))
                            .build())
                    .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                    .listener(telemetry)
                    .build()) {
                nexudus.backgroundJobs().get(7);
            }
        }
        assertThat(named("GET /api/sys/businessbackgroundjobs/{id}"))
                .extracting(a -> a.getAttributes().get(JobstatusTelemetry.PROTOCOL_VERSION))
                .containsExactly("1.1", "2");
    }

    @Test
    void aWatchRoundIsASpanOverItsListingWithItsRequestsAndJobsAsMetrics() throws Exception {
        try (NexudusSimulator api = NexudusSimulator.start().withoutRateLimits().seed(10);
                NexudusClient nexudus = basic(api)) {
            // Seeded jobs 4 and 5 are Completed: the first round's listing shows both ended.
            dev.jobstatus.core.watch.JobWatcher<?> watcher =
                    nexudus.backgroundJobs().watcher(dev.jobstatus.core.watch.WatchOptions.defaults());
            watcher.addAll(List.of("4", "5"));
            watcher.awaitAllAsync().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        // The first round may start before the second job is added: one round or two, each one listing page.
        List<SpanData> rounds = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("nexudus watch round"))
                .toList();
        assertThat(rounds).isNotEmpty().allSatisfy(round -> {
            assertThat(round.getAttributes().get(JobstatusTelemetry.ROUND_REQUESTS))
                    .isEqualTo(1L);
            assertThat(round.getAttributes().get(JobstatusTelemetry.WATCHED)).isBetween(1L, 2L);
            assertThat(childrenOf(round))
                    .singleElement()
                    .satisfies(list -> assertThat(list.getName()).isEqualTo("nexudus list"));
        });
        assertThat(histogram("jobstatus.watch.round.requests")).singleElement().satisfies(p -> {
            assertThat(p.getCount()).isEqualTo(rounds.size());
            assertThat(p.getSum()).isEqualTo(rounds.size());
        });
        assertThat(histogram("jobstatus.watch.jobs"))
                .singleElement()
                .satisfies(p -> assertThat(p.getCount()).isEqualTo(rounds.size()));
    }

    private NexudusClient basic(NexudusSimulator api) {
        return builder(api)
                .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .build();
    }

    private NexudusClient passwordGrant(NexudusSimulator api) {
        return builder(api)
                .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .build();
    }

    private NexudusClient.Builder builder(NexudusSimulator api) {
        return NexudusClient.builder().baseUrl(api.baseUrl()).retryPolicy(QUICK).listener(telemetry);
    }

    private SpanData only(String name) {
        List<SpanData> named = named(name);
        assertThat(named).as("spans named " + name).hasSize(1);
        return named.get(0);
    }

    private List<SpanData> named(String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos))
                .toList();
    }

    private List<SpanData> childrenOf(SpanData parent) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getParentSpanId().equals(parent.getSpanId()))
                .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos))
                .toList();
    }

    private static List<EventData> events(SpanData span, String name) {
        return span.getEvents().stream().filter(e -> e.getName().equals(name)).toList();
    }

    private List<HistogramPointData> histogram(String name) {
        return points(name).stream().map(HistogramPointData.class::cast).toList();
    }

    private List<LongPointData> counter(String name) {
        return points(name).stream().map(LongPointData.class::cast).toList();
    }

    private Collection<?> points(String name) {
        return metrics.collectAllMetrics().stream()
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .map(m -> (Collection<?>) m.getData().getPoints())
                .orElse(List.of());
    }
}
