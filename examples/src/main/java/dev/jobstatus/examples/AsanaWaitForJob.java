package dev.jobstatus.examples;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.asana.JobField;
import dev.jobstatus.asana.JobOptions;
import dev.jobstatus.asana.model.Job;
import dev.jobstatus.core.exception.JobFailedException;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.testkit.AsanaSimulator;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Reads an Asana job with chosen optional fields, then waits for it to succeed. Uses ASANA_TOKEN and ASANA_JOB_GID
 * when set; otherwise an embedded simulator with a project-duplication job.
 */
public final class AsanaWaitForJob {
    private AsanaWaitForJob() {}

    public static void main(String[] args) {
        run(Env.system(), System.out);
    }

    static Job run(Env env, PrintStream out) {
        if (env.has("ASANA_TOKEN", "ASANA_JOB_GID")) {
            try (AsanaClient asana =
                    AsanaClient.builder().bearerToken(env.get("ASANA_TOKEN")).build()) {
                return waitForJob(asana, env.get("ASANA_JOB_GID"), PollPolicy.defaults(), out);
            }
        }
        try (AsanaSimulator simulator =
                        AsanaSimulator.start().addJob("1209876543210", "not_started", "in_progress", "succeeded");
                AsanaClient asana = AsanaClient.builder()
                        .baseUrl(simulator.baseUrl())
                        .bearerToken(AsanaSimulator.TOKEN)
                        .build()) {
            return waitForJob(
                    asana,
                    "1209876543210",
                    PollPolicy.builder()
                            .initialInterval(Duration.ofMillis(200))
                            .multiplier(1)
                            .build(),
                    out);
        }
    }

    static Job waitForJob(AsanaClient asana, String gid, PollPolicy policy, PrintStream out) {
        // snippet:asana-wait
        Job job = asana.jobs()
                .get(
                        gid,
                        JobOptions.builder()
                                .fields(JobField.STATUS, JobField.NEW_PROJECT_NAME, JobField.NEW_TASK_NAME)
                                .build());
        out.println("job " + job.gid() + " is " + job.status());
        try {
            Job done = asana.jobs().waiter(gid).policy(policy).awaitSuccess();
            out.println("created project " + done.newProject().name());
            return done;
        } catch (JobFailedException e) {
            out.println("job failed: " + e.getMessage());
            return e.job(Job.class);
        }
        // end-snippet
    }
}
