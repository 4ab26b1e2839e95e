package dev.jobstatus.asana;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.asana.model.Job;
import dev.jobstatus.core.exception.NotFoundException;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.core.watch.JobWatcher;
import dev.jobstatus.core.watch.WatchEvent;
import dev.jobstatus.core.watch.WatchOptions;
import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The Asana watcher on the simulator, in virtual time, under Asana's free-domain quota of 150 requests a minute. */
class AsanaWatcherTest {
    private final ManualTimeSource time = new ManualTimeSource();
    private final VirtualScheduler scheduler = new VirtualScheduler(time::nanoTime, time::advance);
    private final OkHttpClient http = new OkHttpClient();
    private final AsanaSimulator simulator = AsanaSimulator.start().clock(time::now);
    private final AsanaClient client = AsanaClient.builder()
            .baseUrl(simulator.baseUrl())
            .bearerToken(AsanaSimulator.TOKEN)
            .timeSource(time)
            .scheduler(scheduler)
            .httpClient(http)
            .build();

    @AfterEach
    void tearDown() {
        client.close();
        simulator.close();
    }

    @Test
    void threeHundredJobsAreAllReportedWithoutEverExceedingTheQuota() throws Exception {
        Random random = new Random(31);
        int polls = 0;
        for (int i = 0; i < 300; i++) {
            int running = 2 + random.nextInt(8);
            polls += running + 1;
            String[] statuses = new String[running + 1];
            java.util.Arrays.fill(statuses, "in_progress");
            statuses[running] = i % 7 == 0 ? "failed" : "succeeded";
            simulator.addJob(Integer.toString(1000 + i), statuses);
        }
        List<WatchEvent<? extends Job>> events = new CopyOnWriteArrayList<>();
        JobWatcher<Job> watcher = client.jobs()
                .watcher(
                        WatchOptions.builder()
                                .policy(PollPolicy.builder()
                                        .initialInterval(Duration.ofSeconds(1))
                                        .maxInterval(Duration.ofSeconds(30))
                                        .jitter(0)
                                        .timeout(Duration.ofHours(1))
                                        .build())
                                .build(),
                        events::add);
        for (int i = 0; i < 300; i++) {
            watcher.add(Integer.toString(1000 + i));
        }
        watcher.add("999999");

        CompletableFuture<Void> all = watcher.awaitAllAsync();
        scheduler.runUntil(all::isDone, http.dispatcher(), Duration.ofMinutes(2));

        for (int i = 0; i < 300; i++) {
            assertThat(watcher.awaitAsync(Integer.toString(1000 + i)).get().state())
                    .isEqualTo(i % 7 == 0 ? JobState.FAILED : JobState.SUCCEEDED);
        }
        ExecutionException unknown = Assertions.assertThrows(
                ExecutionException.class, () -> watcher.awaitAsync("999999").get());
        assertThat(unknown.getCause()).isInstanceOf(NotFoundException.class);
        assertThat(simulator.throttledCount()).as("throttled by the simulator").isZero();
        assertThat(simulator.mostArrivalsWithin(Duration.ofMinutes(1))).isLessThanOrEqualTo(150);
        assertThat(simulator.requestCount())
                .as("each job polled until its end, and no more")
                .isEqualTo(polls + 1);
        assertThat(events).filteredOn(e -> e instanceof WatchEvent.Paced<?>).isNotEmpty();
    }
}
