package dev.jobstatus.examples;

import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.watch.JobWatcher;
import dev.jobstatus.core.watch.WatchEvent;
import dev.jobstatus.core.watch.WatchOptions;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.testkit.NexudusSimulator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits on many Nexudus jobs at once, one listing per round for all of them. Uses NEXUDUS_TOKEN and NEXUDUS_JOB_IDS
 * (comma-separated) when set; otherwise an embedded simulator with 50 running jobs that end over a few seconds.
 */
public final class NexudusWatchMany {
    private NexudusWatchMany() {}

    public static void main(String[] args) {
        run(Env.system(), System.out);
    }

    static long run(Env env, PrintStream out) {
        if (env.has("NEXUDUS_TOKEN", "NEXUDUS_JOB_IDS")) {
            List<Long> ids = new ArrayList<>();
            for (String id : env.get("NEXUDUS_JOB_IDS").split(",")) {
                ids.add(Long.parseLong(id.strip()));
            }
            try (NexudusClient nexudus = NexudusClient.builder()
                    .bearerToken(env.get("NEXUDUS_TOKEN"))
                    .build()) {
                return watch(nexudus, ids, PollPolicy.defaults(), out);
            }
        }
        try (NexudusSimulator simulator = NexudusSimulator.start().acceptToken("t");
                NexudusClient nexudus = NexudusClient.builder()
                        .baseUrl(simulator.baseUrl())
                        .bearerToken("t")
                        .build()) {
            List<Long> ids = new ArrayList<>();
            Instant now = Instant.now();
            for (long id = 1; id <= 50; id++) {
                Map<String, Object> job = new LinkedHashMap<>();
                job.put("Id", id);
                job.put("Status", "Running");
                job.put("UpdatedOn", now.minusSeconds(60).toString());
                simulator.addJob(job).changeJob(id, id % 10 == 0 ? "Failed" : "Completed", now.plusMillis(40 * id));
                ids.add(id);
            }
            return watch(
                    nexudus,
                    ids,
                    PollPolicy.builder()
                            .initialInterval(Duration.ofMillis(200))
                            .multiplier(1)
                            .build(),
                    out);
        }
    }

    static long watch(NexudusClient nexudus, List<Long> ids, PollPolicy policy, PrintStream out) {
        // snippet:nexudus-watch
        WatchOptions options = WatchOptions.builder().policy(policy).build();
        try (JobWatcher<BusinessBackgroundJob> watcher = nexudus.backgroundJobs()
                .watcher(options, event -> {
                    if (event instanceof WatchEvent.Ended<? extends BusinessBackgroundJob> ended
                            && ended.job() != null) {
                        out.println(
                                "job " + ended.jobId() + " ended " + ended.job().status());
                    }
                })) {
            ids.forEach(id -> watcher.add(Long.toString(id)));
            watcher.awaitAllAsync().join();
            // A job's own future says how it ended; join() throws for one that timed out or was not found.
            long succeeded = ids.stream()
                    .map(id -> watcher.awaitAsync(Long.toString(id)).join())
                    .filter(job -> job.state() == JobState.SUCCEEDED)
                    .count();
            out.println(succeeded + " of " + ids.size() + " jobs succeeded");
            return succeeded;
        }
        // end-snippet
    }
}
