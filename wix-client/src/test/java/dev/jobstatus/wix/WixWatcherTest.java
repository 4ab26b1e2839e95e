package dev.jobstatus.wix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.core.watch.JobWatcher;
import dev.jobstatus.core.watch.WatchEvent;
import dev.jobstatus.core.watch.WatchListener;
import dev.jobstatus.core.watch.WatchOptions;
import dev.jobstatus.testkit.Fault;
import dev.jobstatus.testkit.VirtualScheduler;
import dev.jobstatus.testkit.WixSimulator;
import dev.jobstatus.wix.model.AsyncJob;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Wix watcher on the simulator, in virtual time, under Wix's quota of 200 requests a minute: 300 jobs polled by
 * single gets, more than the quota can poll at the policy's pace.
 */
class WixWatcherTest {
    private final ManualTimeSource time = new ManualTimeSource();
    private final VirtualScheduler scheduler = new VirtualScheduler(time::nanoTime, time::advance);
    private final OkHttpClient http = new OkHttpClient();
    private final WixSimulator simulator = WixSimulator.start().clock(time::now);
    private final WixClient client = WixClient.builder()
            .baseUrl(simulator.baseUrl())
            .apiKey(WixSimulator.API_KEY)
            .siteId(WixSimulator.SITE_ID)
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
            int toFinish = 3 + random.nextInt(10);
            polls += toFinish;
            simulator.addJob("job-" + i, 100, toFinish);
        }
        List<WatchEvent<? extends AsyncJob>> events = new CopyOnWriteArrayList<>();
        JobWatcher<AsyncJob> watcher = client.asyncJobs()
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
            watcher.add("job-" + i);
        }

        CompletableFuture<Void> all = watcher.awaitAllAsync();
        scheduler.runUntil(all::isDone, http.dispatcher(), Duration.ofMinutes(2));

        for (int i = 0; i < 300; i++) {
            assertThat(watcher.awaitAsync("job-" + i).get().state()).isEqualTo(JobState.SUCCEEDED);
        }
        assertThat(simulator.throttledCount()).as("throttled by the simulator").isZero();
        assertThat(simulator.mostArrivalsWithin(Duration.ofMinutes(1))).isLessThanOrEqualTo(200);
        assertThat(simulator.requestCount())
                .as("each job polled until its end, and no more")
                .isEqualTo(polls);
        assertThat(events).filteredOn(e -> e instanceof WatchEvent.Paced<?>).isNotEmpty();
        WatchEvent.Paced<?> paced = (WatchEvent.Paced<?>) events.stream()
                .filter(e -> e instanceof WatchEvent.Paced<?>)
                .findFirst()
                .orElseThrow();
        assertThat(paced.interval()).isGreaterThan(paced.policyInterval());
        assertThat(events).filteredOn(e -> e instanceof WatchEvent.Ended<?>).hasSize(300);
    }

    @Test
    void aGetThrottledLongerThanTheRetriesWaitIsPolledAgainNotEnded() throws Exception {
        // Another process on the site spent the quota: Wix asks for five minutes, longer than the retry policy waits.
        // The job has not ended; it is polled again once Wix allows.
        simulator.addJob("job-1", 100, 2);
        simulator.inject(Fault.throttle(Duration.ofMinutes(5)));
        JobWatcher<AsyncJob> watcher = client.asyncJobs().watcher(WatchOptions.defaults(), WatchListener.none());
        watcher.add("job-1");

        CompletableFuture<Void> all = watcher.awaitAllAsync();
        scheduler.runUntil(all::isDone, http.dispatcher(), Duration.ofMinutes(2));

        assertThat(watcher.awaitAsync("job-1").get().state()).isEqualTo(JobState.SUCCEEDED);
    }
}
