package dev.jobstatus.examples;

import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.testkit.WixSimulator;
import dev.jobstatus.wix.WixClient;
import dev.jobstatus.wix.model.AsyncJob;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Waits for a Wix async job, printing its progress at every poll. Uses WIX_API_KEY, WIX_SITE_ID and WIX_JOB_ID
 * when set; otherwise an embedded simulator with an import job of 1,000 items.
 */
public final class WixWaitWithProgress {
    private WixWaitWithProgress() {}

    public static void main(String[] args) {
        run(Env.system(), System.out);
    }

    static AsyncJob run(Env env, PrintStream out) {
        if (env.has("WIX_API_KEY", "WIX_SITE_ID", "WIX_JOB_ID")) {
            try (WixClient wix = WixClient.builder()
                    .apiKey(env.get("WIX_API_KEY"))
                    .siteId(env.get("WIX_SITE_ID"))
                    .build()) {
                return waitWithProgress(wix, env.get("WIX_JOB_ID"), PollPolicy.defaults(), out);
            }
        }
        try (WixSimulator simulator = WixSimulator.start().addJob("import-7", 1000, 5);
                WixClient wix = WixClient.builder()
                        .baseUrl(simulator.baseUrl())
                        .apiKey(WixSimulator.API_KEY)
                        .siteId(WixSimulator.SITE_ID)
                        .build()) {
            return waitWithProgress(
                    wix,
                    "import-7",
                    PollPolicy.builder()
                            .initialInterval(Duration.ofMillis(200))
                            .multiplier(1)
                            .build(),
                    out);
        }
    }

    static AsyncJob waitWithProgress(WixClient wix, String jobId, PollPolicy policy, PrintStream out) {
        // snippet:wix-wait
        AsyncJob job = wix.asyncJobs()
                .waiter(jobId)
                .policy(policy)
                .listener(poll ->
                        out.println(poll.job().status() + "  " + poll.job().progress()))
                .await();
        out.println("job " + job.id() + " ended " + job.status() + " with "
                + job.counts().failCount() + " failed item(s)");
        // end-snippet
        return job;
    }
}
