package dev.jobstatus.cli;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.asana.JobField;
import dev.jobstatus.asana.JobOptions;
import dev.jobstatus.asana.model.Job;
import dev.jobstatus.core.watch.WatchOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobstatus asana ...}: Asana jobs. */
@Command(
        name = "asana",
        description = "Asana jobs (credentials: ASANA_TOKEN, or an OAuth app's ASANA_CLIENT_ID, "
                + "ASANA_CLIENT_SECRET and ASANA_REFRESH_TOKEN).",
        subcommands = {AsanaCommand.Get.class, AsanaCommand.Wait.class},
        footer = "  ASANA_TOKEN=... jobstatus asana get 1204715892 --fields new_project.name")
final class AsanaCommand {
    private AsanaCommand() {}

    /** {@code asana get GID}. */
    @Command(
            name = "get",
            description = "Show one job.",
            footer = "  jobstatus asana get 1204715892 --fields new_project.name,new_task.name --pretty")
    static final class Get extends ProviderCommand {
        @Parameters(paramLabel = "GID", description = "The job's gid.")
        private String gid;

        @Mixin
        private CallOptions call;

        @Mixin
        private Fields fields;

        @Option(names = "--pretty", description = "Ask Asana for pretty JSON (opt_pretty).")
        private boolean pretty;

        Get(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            JobOptions.Builder jobOptions = fields.jobOptions();
            if (pretty) {
                jobOptions.pretty(true);
            }
            try (AsanaClient asana = client(context, options)) {
                print(output(), asana.jobs().withOptions(call.requestOptions()).get(gid, jobOptions.build()));
                return JobstatusCli.OK;
            }
        }
    }

    /** {@code asana wait GID}. */
    @Command(
            name = "wait",
            description = "Wait until jobs succeed or fail: one job with its progress, or many at once "
                    + "(gets scheduled inside the quota), a line for each as it ends. Exit 0 if all succeeded, 1 if any failed, "
                    + "4 on timeout.",
            footer = {
                "  jobstatus asana wait 1204715892 --fields new_project.name --timeout 5m",
                "  jobstatus asana wait 1204715892 1204715893 1204715894"
            })
    static final class Wait extends ProviderCommand {
        @Parameters(paramLabel = "GID", arity = "1..*", description = "The jobs' gids; - reads them from stdin.")
        private List<String> gids;

        @Mixin
        private WaitOptions wait;

        @Mixin
        private Fields fields;

        Wait(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            try (AsanaClient asana = client(context, options)) {
                if (!ManyJobs.many(gids)) {
                    String gid = gids.get(0);
                    return wait.await(
                            asana.jobs().waiter(gid, fields.jobOptions().build()),
                            output(),
                            "asana job " + gid,
                            AsanaCommand::print);
                }
                WatchOptions watch =
                        WatchOptions.builder().policy(wait.policy()).build();
                return ManyJobs.watch(
                        ManyJobs.ids(gids, context),
                        listener -> asana.jobs().watcher(fields.jobOptions().build(), watch, listener),
                        output(),
                        context,
                        Job::status);
            }
        }
    }

    /** {@code --fields} of get and wait: a field the SDK knows by its wire name, any other as given. */
    static final class Fields {
        @Option(
                names = "--fields",
                split = ",",
                paramLabel = "FIELD",
                description =
                        "Fields to return (opt_fields, exactly these; status is always added), e.g. new_project.name.")
        private List<String> names = List.of();

        JobOptions.Builder jobOptions() {
            JobOptions.Builder jobOptions = JobOptions.builder();
            for (String name : names) {
                String field = name.strip();
                JobField known = known(field);
                if (known != null) {
                    jobOptions.fields(known);
                } else if (!field.isEmpty()) {
                    jobOptions.rawField(field);
                }
            }
            return jobOptions;
        }

        private static JobField known(String wireName) {
            for (JobField field : JobField.values()) {
                if (field.wireName().equals(wireName)) {
                    return field;
                }
            }
            return null;
        }
    }

    static AsanaClient client(Context context, ProviderOptions options) {
        String token = context.env("ASANA_TOKEN");
        String clientId = context.env("ASANA_CLIENT_ID");
        AsanaClient.Builder builder = AsanaClient.builder();
        if (token != null) {
            builder.bearerToken(token);
        } else if (clientId != null
                && context.env("ASANA_CLIENT_SECRET") != null
                && context.env("ASANA_REFRESH_TOKEN") != null) {
            builder.oauthRefresh(clientId, context.env("ASANA_CLIENT_SECRET"), context.env("ASANA_REFRESH_TOKEN"));
        } else {
            throw new MissingCredentialsException(
                    "asana", "ASANA_TOKEN, or ASANA_CLIENT_ID, ASANA_CLIENT_SECRET and ASANA_REFRESH_TOKEN");
        }
        builder.allowInsecureHttp(options.allowHttp());
        if (options.baseUrl() != null) {
            builder.baseUrl(options.baseUrl());
        }
        Sharing.apply(context, builder);
        return builder.build();
    }

    static void print(Output output, Job job) {
        output.record(
                job,
                Output.fields(
                        "Gid",
                        job.gid(),
                        "Status",
                        job.status(),
                        "State",
                        job.state(),
                        "Subtype",
                        job.resourceSubtype(),
                        "NewProject",
                        job.newProject() == null
                                ? null
                                : job.newProject().gid() + " "
                                        + job.newProject().name(),
                        "NewTask",
                        job.newTask() == null
                                ? null
                                : job.newTask().gid() + " " + job.newTask().name(),
                        "GraphExport",
                        job.newGraphExport() == null
                                ? null
                                : job.newGraphExport().downloadUrl(),
                        "ResourceExport",
                        job.newResourceExport() == null
                                ? null
                                : job.newResourceExport().downloadUrl()));
    }
}
