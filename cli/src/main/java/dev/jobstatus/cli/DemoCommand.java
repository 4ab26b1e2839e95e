package dev.jobstatus.cli;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.asana.model.Job;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.nexudus.BackgroundJobField;
import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.nexudus.SortDirection;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.nexudus.model.BusinessBackgroundJobSummary;
import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.Fault;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.WixSimulator;
import dev.jobstatus.wix.WixClient;
import dev.jobstatus.wix.model.AsyncJob;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code jobstatus demo}: starts the three simulators in this process and shows the SDK at work against them,
 * offline, in a few seconds.
 */
@Command(
        name = "demo",
        description = "Run the SDK against in-process simulators of the three APIs (offline).",
        footer = "  jobstatus demo")
final class DemoCommand implements Callable<Integer> {
    private static final PollPolicy BRISK = PollPolicy.builder()
            .initialInterval(Duration.ofMillis(250))
            .multiplier(1)
            .jitter(0)
            .timeout(Duration.ofSeconds(20))
            .build();

    private final Context context;

    DemoCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Output output = new Output(context, false);
        try (NexudusSimulator nexudusApi =
                        NexudusSimulator.start().seed(2500).addJob(42, 2, "Queued", "Running", "Completed");
                WixSimulator wixApi = WixSimulator.start().addJob("d3c1a9e2-import", 1200, 6);
                AsanaSimulator asanaApi =
                        AsanaSimulator.start().addJob("1209876543210", 2, "not_started", "in_progress", "succeeded")) {
            nexudus(nexudusApi, output);
            wix(wixApi, output);
            asana(asanaApi, output);
        }
        context.out().println();
        context.out().println("Done: every call above went over real HTTP to simulators on this machine.");
        return 0;
    }

    private void nexudus(NexudusSimulator api, Output output) {
        heading("Nexudus: list failed jobs, auto-paged 250 at a time (simulator holds 2,500 jobs)");
        try (NexudusClient nexudus = NexudusClient.builder()
                .baseUrl(api.baseUrl())
                .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .build()) {
            int before = api.requestCount();
            int throttledBefore = api.throttledCount();
            BackgroundJobQuery failed = BackgroundJobQuery.builder()
                    .status("Failed")
                    .pageSize(250)
                    .orderBy(BackgroundJobField.CREATED_ON)
                    .direction(SortDirection.DESCENDING)
                    .build();
            List<BusinessBackgroundJobSummary> jobs =
                    nexudus.backgroundJobs().listAll(failed).stream().toList();
            output.rows(
                    List.of("ID", "STATUS", "CREATED", "DESCRIPTION"),
                    new int[] {6, 8, 22, 0},
                    jobs.subList(0, 3),
                    job -> List.of(job.id(), job.status(), job.createdOn(), job.description()));
            // A busy machine can deliver two paced requests closer together than they were sent: the server then
            // answers 409 and the client retries that page after the wait it asks for. Those retries are said apart.
            int throttled = api.throttledCount() - throttledBefore;
            context.out()
                    .println("… " + jobs.size() + " failed jobs in " + (api.requestCount() - before - 1 - throttled)
                            + " page requests (after 1 token request"
                            + (throttled == 0 ? "" : ", and " + throttled + " retried after a 409")
                            + "), paced at Nexudus's 1 request per 100 ms");

            heading("Nexudus: a throttled request (409 + Retry-After) is retried after the wait it asks for");
            api.inject(Fault.throttle(Duration.ofSeconds(1)));
            int start = api.requestCount();
            long t0 = System.nanoTime();
            BusinessBackgroundJob job = nexudus.backgroundJobs().get(7);
            context.out()
                    .printf(
                            "job %d read after %d requests and %.1f s: the first was answered 409 "
                                    + "\"You must wait before accessing this url again.\"%n",
                            job.id(), api.requestCount() - start, (System.nanoTime() - t0) / 1e9);
        }
    }

    private void wix(WixSimulator api, Output output) {
        heading("Wix: wait for an import job, with its progress");
        try (WixClient wix = WixClient.builder()
                .baseUrl(api.baseUrl())
                .apiKey(WixSimulator.API_KEY)
                .siteId(WixSimulator.SITE_ID)
                .build()) {
            AsyncJob job = wix.asyncJobs()
                    .waiter("d3c1a9e2-import")
                    .policy(BRISK)
                    .listener(output.progress("wix job d3c1a9e2-import"))
                    .await();
            context.out()
                    .println(Terminal.text("wix job " + job.id() + " " + job.status() + ": "
                            + job.counts().successCount() + " imported, "
                            + job.counts().failCount() + " failed "
                            + job.counts().errorByCodeCount()));
        }
    }

    private void asana(AsanaSimulator api, Output output) {
        heading("Asana: wait for a project duplication job");
        try (AsanaClient asana = AsanaClient.builder()
                .baseUrl(api.baseUrl())
                .bearerToken(AsanaSimulator.TOKEN)
                .build()) {
            Job job = asana.jobs()
                    .waiter("1209876543210")
                    .policy(BRISK)
                    .listener(output.progress("asana job 1209876543210"))
                    .awaitSuccess();
            context.out()
                    .println(Terminal.text("asana job " + job.gid() + " " + job.status() + ": created project "
                            + job.newProject().gid() + " \"" + job.newProject().name() + "\""));
        }
    }

    private void heading(String text) {
        context.out().println();
        context.out().println("== " + text);
    }
}
