package dev.jobstatus.examples;

import dev.jobstatus.nexudus.BackgroundJobField;
import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.nexudus.SortDirection;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.nexudus.model.BusinessBackgroundJobSummary;
import dev.jobstatus.testkit.NexudusSimulator;
import java.io.PrintStream;
import java.time.LocalDateTime;

/**
 * Lists every failed Nexudus background job created this year, newest first, then reads the newest in full.
 * Uses NEXUDUS_USERNAME and NEXUDUS_PASSWORD when set; otherwise an embedded simulator.
 */
public final class NexudusListJobs {
    private NexudusListJobs() {}

    public static void main(String[] args) {
        run(Env.system(), System.out);
    }

    static long run(Env env, PrintStream out) {
        if (env.has("NEXUDUS_USERNAME", "NEXUDUS_PASSWORD")) {
            try (NexudusClient nexudus = NexudusClient.builder()
                    .passwordGrant(env.get("NEXUDUS_USERNAME"), env.get("NEXUDUS_PASSWORD"))
                    .build()) {
                return listFailedJobs(nexudus, out);
            }
        }
        try (NexudusSimulator simulator = NexudusSimulator.start().seed(2500);
                NexudusClient nexudus = NexudusClient.builder()
                        .baseUrl(simulator.baseUrl())
                        .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                        .build()) {
            return listFailedJobs(nexudus, out);
        }
    }

    static long listFailedJobs(NexudusClient nexudus, PrintStream out) {
        // snippet:nexudus-list
        BackgroundJobQuery failedThisYear = BackgroundJobQuery.builder()
                .status("Failed")
                .createdFrom(LocalDateTime.of(2025, 1, 1, 0, 0))
                .orderBy(BackgroundJobField.CREATED_ON)
                .direction(SortDirection.DESCENDING)
                .build();
        long count = 0;
        for (BusinessBackgroundJobSummary job : nexudus.backgroundJobs().listAll(failedThisYear)) {
            if (count++ < 5) {
                out.println(job.id() + "  " + job.createdOn() + "  " + job.description());
            }
        }
        out.println(count + " failed jobs");
        // end-snippet
        if (count > 0) {
            // snippet:nexudus-get
            BusinessBackgroundJob newest = nexudus.backgroundJobs()
                    .get(nexudus.backgroundJobs()
                            .listAll(failedThisYear)
                            .limit(1)
                            .iterator()
                            .next()
                            .id());
            out.println("newest: " + newest.id() + " " + newest.status() + " result " + newest.resultData());
            // end-snippet
        }
        return count;
    }
}
