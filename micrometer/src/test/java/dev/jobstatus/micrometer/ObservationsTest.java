package dev.jobstatus.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.Fault;
import dev.jobstatus.testkit.NexudusSimulator;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The observations of real calls over loopback HTTP, as a recording handler and Micrometer's own meter handler see
 * them: a get retried after a 503, a three-poll wait, the caller's observation as parent, the timers and counters a
 * Spring Boot application gets, and no secret in any key, name or event.
 */
class ObservationsTest {
    private static final RetryPolicy QUICK = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(10))
            .fullJitter(false)
            .build();

    private final Recorder recorded = new Recorder();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ObservationRegistry registry = ObservationRegistry.create();
    private final JobstatusObservations observations;

    ObservationsTest() {
        registry.observationConfig()
                .observationHandler(recorded)
                .observationHandler(new DefaultMeterObservationHandler(meters));
        observations = JobstatusObservations.create(registry);
    }

    @Test
    void aGetRetriedOnceAfterA503IsOneOperationWithTwoAttemptsUnderTheCallersObservation() {
        Observation caller = Observation.start("caller", registry);
        try (NexudusSimulator api = NexudusSimulator.start().withoutRateLimits().seed(3);
                NexudusClient nexudus = basic(api)) {
            api.inject(Fault.status(503));
            caller.observe(() -> nexudus.backgroundJobs().get(2));
        } finally {
            caller.stop();
        }
        Observation.Context get = recorded.only("nexudus get");
        assertThat(get.getName()).isEqualTo(JobstatusObservations.OPERATIONS);
        assertThat(get.getParentObservation()).isSameAs(caller);
        assertThat(keys(get))
                .containsEntry("jobstatus.provider", "nexudus")
                .containsEntry("jobstatus.operation", "get")
                .containsEntry("jobstatus.outcome", "success")
                .containsEntry("jobstatus.job.id", "2");
        assertThat(get.getHighCardinalityKeyValue("jobstatus.job.id")).isNotNull();
        assertThat(recorded.events.get(get))
                .filteredOn(e -> e.startsWith(JobstatusObservations.RETRY))
                .containsExactly("retries: retry in 10 ms after http 503");

        List<Observation.Context> attempts = recorded.childrenOf(get);
        assertThat(attempts).hasSize(2).allSatisfy(a -> {
            assertThat(a.getName()).isEqualTo(JobstatusObservations.REQUESTS);
            assertThat(a.getContextualName()).isEqualTo("GET /api/sys/businessbackgroundjobs/{id}");
            assertThat(keys(a))
                    .containsEntry("method", "GET")
                    .containsEntry("client.name", "localhost")
                    .containsEntry("uri", "/api/sys/businessbackgroundjobs/{id}")
                    .containsEntry("jobstatus.provider", "nexudus");
        });
        assertThat(keys(attempts.get(0))).containsEntry("status", "503").containsEntry("outcome", "SERVER_ERROR");
        assertThat(keys(attempts.get(1)))
                .containsEntry("status", "200")
                .containsEntry("outcome", "SUCCESS")
                .containsEntry("http.request.resend_count", "1");

        Timer operations = meters.get(JobstatusObservations.OPERATIONS)
                .tag("jobstatus.operation", "get")
                .timer();
        assertThat(operations.count()).isEqualTo(1);
        assertThat(meters.get(JobstatusObservations.REQUESTS)
                        .tag("status", "503")
                        .timer()
                        .count())
                .isEqualTo(1);
        Counter retries = meters.get(JobstatusObservations.OPERATIONS + "." + JobstatusObservations.RETRY)
                .counter();
        assertThat(retries.count()).isEqualTo(1.0);
        assertThat(retries.getId().getTag("jobstatus.provider")).isEqualTo("nexudus");
    }

    @Test
    void aThreePollWaitIsAWaitOverThreeGetsEachWithItsAttempt() {
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
                        .listener(observations)
                        .build()) {
            assertThat(nexudus.backgroundJobs().waitFor(42).state()).isEqualTo(JobState.SUCCEEDED);
        }
        Observation.Context wait = recorded.only("nexudus wait");
        assertThat(wait.getParentObservation()).isNull();
        assertThat(keys(wait)).containsEntry("jobstatus.job.id", "42").containsEntry("jobstatus.outcome", "succeeded");
        assertThat(recorded.events.get(wait))
                .filteredOn(e -> e.startsWith(JobstatusObservations.POLL))
                .containsExactly("polls: poll 1: PENDING", "polls: poll 2: RUNNING", "polls: poll 3: SUCCEEDED");
        assertThat(recorded.childrenOf(wait)).hasSize(3).allSatisfy(poll -> {
            assertThat(poll.getContextualName()).isEqualTo("nexudus get");
            assertThat(recorded.childrenOf(poll))
                    .singleElement()
                    .satisfies(a -> assertThat(a.getName()).isEqualTo(JobstatusObservations.REQUESTS));
        });
        assertThat(meters.get(JobstatusObservations.OPERATIONS)
                        .tag("jobstatus.operation", "wait")
                        .tag("jobstatus.outcome", "succeeded")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get(JobstatusObservations.OPERATIONS + ".polls")
                        .counter()
                        .count())
                .isEqualTo(3.0);
    }

    @Test
    void aRefusedTokenEndsItsOperationWithTheErrorAndNoSecretReachesAnyKeyNameOrEvent() {
        try (NexudusSimulator nexudusApi =
                        NexudusSimulator.start().withoutRateLimits().seed(3).tokenLifetime(3600);
                AsanaSimulator asanaApi = AsanaSimulator.start();
                NexudusClient nexudus = NexudusClient.builder()
                        .baseUrl(nexudusApi.baseUrl())
                        .retryPolicy(QUICK)
                        .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                        .listener(observations)
                        .build();
                AsanaClient asana = AsanaClient.builder()
                        .baseUrl(asanaApi.baseUrl())
                        .bearerToken(AsanaSimulator.TOKEN)
                        .listener(observations)
                        .build();
                AsanaClient refused = AsanaClient.builder()
                        .baseUrl(asanaApi.baseUrl())
                        .bearerToken("wrong-token")
                        .listener(observations)
                        .build()) {
            nexudus.backgroundJobs().get(1);
            asanaApi.addJob("1201", "in_progress", "succeeded");
            asana.jobs().get("1201");
            try {
                refused.jobs().get("1201");
            } catch (RuntimeException expected) {
                assertThat(expected.getClass().getSimpleName()).isEqualTo("AuthenticationException");
            }
        }
        assertThat(recorded.started)
                .extracting(Observation.Context::getContextualName)
                .contains("nexudus token", "asana get");
        assertThat(recorded.started)
                .filteredOn(c -> c.getError() != null)
                .extracting(c -> keys(c).get("jobstatus.outcome"))
                .containsOnly("error");
        StringBuilder seen = new StringBuilder();
        for (Observation.Context context : recorded.started) {
            seen.append(context.getName())
                    .append(context.getContextualName())
                    .append(keys(context))
                    .append(recorded.events.getOrDefault(context, List.of()));
        }
        for (Meter meter : meters.getMeters()) {
            seen.append(meter.getId());
        }
        assertThat(seen.toString())
                .contains("nexudus", "asana")
                .doesNotContain(NexudusSimulator.PASSWORD, AsanaSimulator.TOKEN, "wrong-token", "opt_fields", "Bearer");
    }

    private NexudusClient basic(NexudusSimulator api) {
        return NexudusClient.builder()
                .baseUrl(api.baseUrl())
                .retryPolicy(QUICK)
                .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .listener(observations)
                .build();
    }

    private static Map<String, String> keys(Observation.Context context) {
        Map<String, String> keys = new java.util.TreeMap<>();
        for (KeyValue kv : context.getAllKeyValues()) {
            keys.put(kv.getKey(), kv.getValue());
        }
        return keys;
    }

    /** Records every observation started and stopped, and the events of each. */
    private static final class Recorder implements ObservationHandler<Observation.Context> {
        final List<Observation.Context> started = new CopyOnWriteArrayList<>();
        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
        final Map<Observation.Context, List<String>> events = new ConcurrentHashMap<>();

        @Override
        public void onStart(Observation.Context context) {
            started.add(context);
        }

        @Override
        public void onEvent(Observation.Event event, Observation.Context context) {
            events.computeIfAbsent(context, c -> new CopyOnWriteArrayList<>())
                    .add(event.getName() + ": " + event.getContextualName());
        }

        @Override
        public void onStop(Observation.Context context) {
            stopped.add(context);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        Observation.Context only(String contextualName) {
            List<Observation.Context> named = stopped.stream()
                    .filter(c -> contextualName.equals(c.getContextualName()))
                    .toList();
            assertThat(named).as("observations named " + contextualName).hasSize(1);
            return named.get(0);
        }

        List<Observation.Context> childrenOf(Observation.Context parent) {
            return stopped.stream()
                    .filter(c -> parentContext(c) == parent)
                    .sorted(java.util.Comparator.comparingInt(started::indexOf))
                    .toList();
        }

        private static Observation.@Nullable Context parentContext(Observation.Context child) {
            io.micrometer.observation.ObservationView parent = child.getParentObservation();
            return parent == null ? null : (Observation.Context) parent.getContextView();
        }
    }
}
