package dev.jobstatus.nexudus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.exception.NotFoundException;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.core.watch.JobWatcher;
import dev.jobstatus.core.watch.WatchEvent;
import dev.jobstatus.core.watch.WatchOptions;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Nexudus watcher on the simulator, in virtual time: the client's clock and the simulator's move together, minutes
 * passing in the milliseconds the requests take, under Nexudus's real quotas. The server's clock is set hours apart from
 * the client's, so a window taken from the local clock would list nothing.
 */
class NexudusWatcherTest {
    /** The server's time, when the client's starts (2026-01-01T00:00Z): skewed, in another day. */
    private static final Instant SERVER_START = Instant.parse("2025-06-30T21:05:30Z");

    private final ManualTimeSource time = new ManualTimeSource();
    private final VirtualScheduler scheduler = new VirtualScheduler(time::nanoTime, time::advance);
    private final OkHttpClient http = new OkHttpClient();
    private final NexudusSimulator simulator = NexudusSimulator.start()
            .clock(() -> SERVER_START.plus(Duration.between(Instant.parse("2026-01-01T00:00:00Z"), time.now())));
    private final List<Integer> requestsPerRound = new CopyOnWriteArrayList<>();
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final NexudusClient client = NexudusClient.builder()
            .baseUrl(simulator.baseUrl())
            .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
            .timeSource(time)
            .scheduler(scheduler)
            .httpClient(http)
            .listener(new ClientListener() {
                @Override
                public Operation operationStarted(
                        String provider, String operation, @Nullable String jobId, @Nullable Operation parent) {
                    operations.add(operation);
                    return new Operation() {
                        @Override
                        public void watchRound(int requests, int watched) {
                            requestsPerRound.add(requests);
                        }
                    };
                }
            })
            .build();
    private final List<WatchEvent<? extends BusinessBackgroundJob>> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        client.close();
        simulator.close();
    }

    private JobWatcher<BusinessBackgroundJob> watcher(PollPolicy policy, boolean full) {
        return client.backgroundJobs()
                .watcher(WatchOptions.builder().policy(policy).fullRecords(full).build(), events::add);
    }

    private static PollPolicy every(Duration interval, Duration max, Duration timeout) {
        return PollPolicy.builder()
                .initialInterval(interval)
                .maxInterval(max)
                .jitter(0)
                .timeout(timeout)
                .build();
    }

    private void runUntilAllEnded(JobWatcher<?> watcher) {
        CompletableFuture<Void> all = watcher.awaitAllAsync();
        scheduler.runUntil(all::isDone, http.dispatcher(), Duration.ofMinutes(2));
    }

    private static Map<String, Object> job(long id, String status, Instant updatedOn) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("Id", id);
        job.put("Description", "Import members");
        job.put("Status", status);
        job.put("ResultData", "{\"rows\":" + id + "}");
        job.put("CreatedOn", updatedOn.toString());
        job.put("UpdatedOn", updatedOn.toString());
        return job;
    }

    @Test
    void aThousandJobsEndingAtRandomTimesAreAllReportedWithOneRequestPerRound() throws Exception {
        // 1,200 jobs on the account, 1,000 of them watched; they end over 20 minutes, in a seeded random order.
        Random random = new Random(31);
        Map<Long, String> finals = new HashMap<>();
        for (long id = 1200; id >= 1; id--) {
            simulator.addJob(job(id, id > 1000 ? "Completed" : "Running", SERVER_START.minus(Duration.ofDays(2))));
        }
        for (long id = 1; id <= 1000; id++) {
            simulator.changeJob(id, "Running", SERVER_START.minusSeconds(30));
            String status = random.nextInt(5) == 0 ? "Failed" : "Completed";
            finals.put(id, status);
            simulator.changeJob(id, status, SERVER_START.plusMillis(random.nextInt(20 * 60_000)));
        }
        JobWatcher<BusinessBackgroundJob> watcher =
                watcher(every(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(1)), false);
        for (long id = 1; id <= 1000; id++) {
            watcher.add(Long.toString(id));
        }

        runUntilAllEnded(watcher);

        for (long id = 1; id <= 1000; id++) {
            BusinessBackgroundJob job = watcher.awaitAsync(Long.toString(id)).get();
            assertThat(job.status()).as("job " + id).isEqualTo(finals.get(id));
            assertThat(job.state()).isEqualTo(finals.get(id).equals("Failed") ? JobState.FAILED : JobState.SUCCEEDED);
        }
        assertThat(events.stream().filter(e -> e instanceof WatchEvent.Ended<?>).count())
                .isEqualTo(1000);
        // One listing page per round, whatever the number of jobs: 1,000 watched, each round one request.
        assertThat(requestsPerRound).hasSizeGreaterThan(100).containsOnly(1);
        assertThat(requestsPerRound.stream().mapToInt(Integer::intValue).sum()).isEqualTo(simulator.requestCount());
        assertThat(operations).doesNotContain("get");
        assertThat(simulator.throttledCount()).isZero();
        assertThat(watcher.pending()).isEmpty();
    }

    @Test
    void aChangeStampedJustBeforeAMinutesEdgeButSeenAfterIsNotMissed() throws Exception {
        Instant minute = Instant.parse("2025-06-30T21:06:00Z");
        simulator.addJob(job(3, "Running", minute.minusSeconds(60)));
        simulator.addJob(job(2, "Running", minute.minusSeconds(60)));
        simulator.addJob(job(1, "Running", minute.minusSeconds(60)));
        // Job 2's change is stamped 21:06:00.1 and seen at once; job 1's is stamped 21:05:59.9 but committed ten
        // seconds
        // later, after rounds have seen 21:06:00.1: a window starting at that minute would never list it.
        simulator.changeJob(2, "Completed", minute.plusMillis(100));
        simulator.changeJob(1, "Completed", minute.minusMillis(100), minute.plusSeconds(10));
        JobWatcher<BusinessBackgroundJob> watcher =
                watcher(every(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5)), false);
        watcher.add("1");
        watcher.add("2");

        runUntilAllEnded(watcher);

        assertThat(watcher.awaitAsync("1").get().status()).isEqualTo("Completed");
        assertThat(watcher.awaitAsync("1").get().updatedOn()).isEqualTo(minute.minusMillis(100));
        assertThat(watcher.awaitAsync("2").get().status()).isEqualTo("Completed");
        assertThat(operations).as("seen by the listing, not by a fallback get").doesNotContain("get");
    }

    @Test
    void fullRecordsFetchesEachEndedJobOnceAndSummariesLeaveResultDataOut() throws Exception {
        simulator.addJob(job(2, "Running", SERVER_START));
        simulator.addJob(job(1, "Running", SERVER_START));
        simulator.changeJob(1, "Completed", SERVER_START.plusSeconds(5));
        simulator.changeJob(2, "Completed", SERVER_START.plusSeconds(5));
        JobWatcher<BusinessBackgroundJob> full =
                watcher(every(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5)), true);
        full.add("1");
        runUntilAllEnded(full);
        assertThat(full.awaitAsync("1").get().resultData()).isEqualTo("{\"rows\":1}");
        assertThat(operations.stream().filter("get"::equals).count()).isEqualTo(1);

        JobWatcher<BusinessBackgroundJob> summaries =
                watcher(every(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5)), false);
        summaries.add("2");
        runUntilAllEnded(summaries);
        assertThat(summaries.awaitAsync("2").get().resultData()).isNull();
        assertThat(summaries.awaitAsync("2").get().status()).isEqualTo("Completed");
    }

    @Test
    void anOldJobIsFoundOnALaterPageAndOneNoListingShowsFallsBackToAGet() throws Exception {
        // Job 1 ended a month before the thousand newest records, so the first round looks for it on page 2; job 5000
        // is on no page, and falls back to a get, which finds it does not exist.
        simulator.addJob(job(1, "Completed", SERVER_START.minus(Duration.ofDays(30))));
        for (long id = 2; id <= 1002; id++) {
            simulator.addJob(job(id, "Running", SERVER_START));
        }
        JobWatcher<BusinessBackgroundJob> watcher =
                watcher(every(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5)), false);
        watcher.add("1");
        watcher.add("5000");

        runUntilAllEnded(watcher);

        assertThat(watcher.awaitAsync("1").get().status()).isEqualTo("Completed");
        ExecutionException notFound = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> watcher.awaitAsync("5000").get());
        assertThat(notFound.getCause()).isInstanceOf(NotFoundException.class);
        assertThat(operations.stream().filter("get"::equals).count())
                .as("one get, for job 5000")
                .isEqualTo(1);
    }

    @Test
    void theTimeoutEndsEveryPendingJobWithATimeoutNamingItAndCloseEndsTheRest() throws Exception {
        simulator.addJob(job(2, "Running", SERVER_START));
        simulator.addJob(job(1, "Running", SERVER_START));
        JobWatcher<BusinessBackgroundJob> watcher =
                watcher(every(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(3)), false);
        watcher.add("1");

        runUntilAllEnded(watcher);

        ExecutionException timedOut = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> watcher.awaitAsync("1").get());
        assertThat(timedOut.getCause())
                .isInstanceOf(JobWaitTimeoutException.class)
                .hasMessageContaining("nexudus job 1: its 180000 ms timeout passed")
                .hasMessageContaining("last state RUNNING");
        assertThat(((JobWaitTimeoutException) timedOut.getCause()).jobId()).isEqualTo("1");

        JobWatcher<BusinessBackgroundJob> second =
                watcher(every(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(3)), false);
        second.add("2");
        client.close();
        ExecutionException closed = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> second.awaitAsync("2").get());
        assertThat(closed.getCause()).isInstanceOf(ClientClosedException.class).hasMessageContaining("job 2");
        List<String> ended = new ArrayList<>();
        events.forEach(e -> ended.add(e.jobId()));
        assertThat(ended).contains("1", "2");
    }

    @Test
    void aRefusedUpdatedOnFilterFallsBackToAGetPerJob() throws Exception {
        simulator.refuseParameter("from_BusinessBackgroundJob_UpdatedOn");
        for (long id = 3; id >= 1; id--) {
            simulator.addJob(job(id, "Running", SERVER_START));
            simulator.changeJob(id, id == 2 ? "Failed" : "Completed", SERVER_START.plusSeconds(20 * id));
        }
        JobWatcher<BusinessBackgroundJob> watcher =
                watcher(every(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(5)), false);
        watcher.addAll(List.of("1", "2", "3"));

        runUntilAllEnded(watcher);

        assertThat(watcher.awaitAsync("1").get().status()).isEqualTo("Completed");
        assertThat(watcher.awaitAsync("2").get().state()).isEqualTo(JobState.FAILED);
        assertThat(watcher.awaitAsync("3").get().status()).isEqualTo("Completed");
        assertThat(watcher.awaitAsync("3").get().resultData())
                .as("a get's full record")
                .isEqualTo("{\"rows\":3}");
        assertThat(operations).contains("get");
    }
}
