package dev.jobstatus.cli;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.asana.JobField;
import dev.jobstatus.asana.JobOptions;
import dev.jobstatus.asana.model.Job;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobstatus asana ...}: Asana jobs. */
@Command(name = "asana", description = "Asana jobs (credentials: ASANA_TOKEN).",
        subcommands = {AsanaCommand.Get.class, AsanaCommand.Wait.class})
final class AsanaCommand {
    static AsanaClient client(Context context, ProviderOptions options) {
        String token = context.env("ASANA_TOKEN");
        if (token == null) {
            throw new MissingCredentialsException("asana", "ASANA_TOKEN");
        }
        AsanaClient.Builder builder = AsanaClient.builder().accessToken(token);
        if (options.baseUrl != null) {
            builder.baseUrl(options.baseUrl);
        }
        return builder.build();
    }

    static void print(Output output, Job job) {
        output.record(job, Output.fields("Gid", job.gid(), "Status", job.status(), "State", job.state(),
                "Subtype", job.resourceSubtype(),
                "NewProject", job.newProject() == null ? null : job.newProject().gid() + " " + job.newProject().name(),
                "NewTask", job.newTask() == null ? null : job.newTask().gid() + " " + job.newTask().name(),
                "GraphExport", job.newGraphExport() == null ? null : job.newGraphExport().downloadUrl(),
                "ResourceExport", job.newResourceExport() == null ? null : job.newResourceExport().downloadUrl()));
    }

    /** {@code asana get <gid>}. */
    @Command(name = "get", description = "Show one job.")
    static final class Get extends ProviderSubcommand {
        @Parameters(paramLabel = "GID")
        String gid;
        @Option(names = "--fields", split = ",", paramLabel = "FIELD", description = "Optional fields (opt_fields), e.g. status,new_project.name.")
        List<String> fields = List.of();
        @Option(names = "--pretty", description = "Ask Asana for pretty JSON (opt_pretty).")
        boolean pretty;

        Get(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            JobOptions.Builder jobOptions = JobOptions.builder();
            for (String field : fields) {
                JobField known = List.of(JobField.values()).stream().filter(f -> f.wireName().equals(field.strip())).findFirst().orElse(null);
                if (known != null) {
                    jobOptions.fields(known);
                } else {
                    jobOptions.rawField(field);
                }
            }
            if (pretty) {
                jobOptions.pretty(true);
            }
            try (AsanaClient asana = client(context, options)) {
                print(output(), asana.jobs().get(gid, jobOptions.build()));
                return 0;
            }
        }
    }

    /** {@code asana wait <gid>}. */
    @Command(name = "wait", description = "Wait until a job succeeds or fails; exit 0 if it succeeded, 1 if it failed.")
    static final class Wait extends ProviderSubcommand {
        @Mixin
        WaitOptions wait;
        @Parameters(paramLabel = "GID")
        String gid;

        Wait(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            try (AsanaClient asana = client(context, options)) {
                return await(asana.jobs().waiter(gid), wait, "asana job " + gid, AsanaCommand::print);
            }
        }
    }
}
