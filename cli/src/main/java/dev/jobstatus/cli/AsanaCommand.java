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
@Command(name = "asana", description = "Asana jobs (credentials: ASANA_TOKEN, or an OAuth app's ASANA_CLIENT_ID, "
        + "ASANA_CLIENT_SECRET and ASANA_REFRESH_TOKEN).",
        subcommands = {AsanaCommand.Get.class, AsanaCommand.Wait.class})
final class AsanaCommand {
    static AsanaClient client(Context context, ProviderOptions options) {
        String token = context.env("ASANA_TOKEN");
        String clientId = context.env("ASANA_CLIENT_ID");
        AsanaClient.Builder builder = AsanaClient.builder();
        if (token != null) {
            builder.bearerToken(token);
        } else if (clientId != null && context.env("ASANA_CLIENT_SECRET") != null && context.env("ASANA_REFRESH_TOKEN") != null) {
            builder.oauthRefresh(clientId, context.env("ASANA_CLIENT_SECRET"), context.env("ASANA_REFRESH_TOKEN"));
        } else {
            throw new MissingCredentialsException("asana", "ASANA_TOKEN, or ASANA_CLIENT_ID, ASANA_CLIENT_SECRET and ASANA_REFRESH_TOKEN");
        }
        builder.allowInsecureHttp(options.allowHttp);
        if (options.baseUrl != null) {
            builder.baseUrl(options.baseUrl);
        }
        Sharing.apply(context, builder);
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
        @Mixin
        CallOptions call;
        @Parameters(paramLabel = "GID")
        String gid;
        @Mixin
        Fields fields;
        @Option(names = "--pretty", description = "Ask Asana for pretty JSON (opt_pretty).")
        boolean pretty;

        Get(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            JobOptions.Builder jobOptions = fields.options();
            if (pretty) {
                jobOptions.pretty(true);
            }
            try (AsanaClient asana = client(context, options)) {
                print(output(), asana.jobs().withOptions(call.requestOptions()).get(gid, jobOptions.build()));
                return 0;
            }
        }
    }

    /** {@code --fields}, shared by get and wait. */
    static final class Fields {
        @Option(names = "--fields", split = ",", paramLabel = "FIELD",
                description = "Fields to return (opt_fields, exactly these; status is always added), e.g. new_project.name.")
        List<String> names = List.of();

        JobOptions.Builder options() {
            JobOptions.Builder jobOptions = JobOptions.builder();
            for (String field : names) {
                JobField known = List.of(JobField.values()).stream().filter(f -> f.wireName().equals(field.strip())).findFirst().orElse(null);
                if (known != null) {
                    jobOptions.fields(known);
                } else {
                    jobOptions.rawField(field);
                }
            }
            return jobOptions;
        }
    }

    /** {@code asana wait <gid>}. */
    @Command(name = "wait", description = "Wait until a job succeeds or fails; exit 0 if it succeeded, 1 if it failed.")
    static final class Wait extends ProviderSubcommand {
        @Mixin
        WaitOptions wait;
        @Mixin
        Fields fields;
        @Parameters(paramLabel = "GID")
        String gid;

        Wait(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            try (AsanaClient asana = client(context, options)) {
                return await(asana.jobs().waiter(gid, fields.options().build()), wait, "asana job " + gid, AsanaCommand::print);
            }
        }
    }
}
