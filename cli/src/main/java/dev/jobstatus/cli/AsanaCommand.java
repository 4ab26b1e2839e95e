package dev.jobstatus.cli;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.asana.JobField;
import dev.jobstatus.asana.JobOptions;
import dev.jobstatus.asana.model.Job;

/** {@code jobstatus asana ...}: Asana jobs. */
final class AsanaCommand {
    private static final Param<String> GID = Param.of("GID", "The job's gid.", Converter.TEXT);
    private static final Option<String> FIELDS = Option.list("--fields", "FIELD",
            "Fields to return (opt_fields, exactly these; status is always added), e.g. new_project.name.");
    private static final Option<Boolean> PRETTY = Option.flag("--pretty", "Ask Asana for pretty JSON (opt_pretty).");

    private AsanaCommand() {
    }

    static Command command() {
        return Command.group("asana", "Asana jobs (credentials: ASANA_TOKEN, or an OAuth app's ASANA_CLIENT_ID, "
                + "ASANA_CLIENT_SECRET and ASANA_REFRESH_TOKEN).")
                .examples("ASANA_TOKEN=... jobstatus asana get 1204715892 --fields new_project.name")
                .subcommands(
                        Command.leaf("get", AsanaCommand::get, "Show one job.")
                                .params(GID).options(ProviderOptions.ALL).options(CallOptions.TIMEOUT, FIELDS, PRETTY)
                                .examples("jobstatus asana get 1204715892 --fields new_project.name,new_task.name --pretty"),
                        Command.leaf("wait", AsanaCommand::await,
                                        "Wait until a job succeeds or fails; exit 0 if it succeeded, 1 if it failed.")
                                .params(GID).options(ProviderOptions.ALL).options(WaitOptions.ALL).options(FIELDS)
                                .examples("jobstatus asana wait 1204715892 --fields new_project.name --timeout 5m"));
    }

    private static int get(Args args, Context context) {
        JobOptions.Builder jobOptions = jobOptions(args);
        if (args.flag(PRETTY)) {
            jobOptions.pretty(true);
        }
        ProviderOptions options = ProviderOptions.of(args);
        try (AsanaClient asana = client(context, options)) {
            print(options.output(context), asana.jobs().withOptions(CallOptions.requestOptions(args)).get(args.get(GID), jobOptions.build()));
            return JobstatusCli.OK;
        }
    }

    private static int await(Args args, Context context) {
        ProviderOptions options = ProviderOptions.of(args);
        String gid = args.get(GID);
        try (AsanaClient asana = client(context, options)) {
            return WaitOptions.await(asana.jobs().waiter(gid, jobOptions(args).build()), args, options.output(context),
                    "asana job " + gid, AsanaCommand::print);
        }
    }

    /** {@code --fields}: a field the SDK knows by its wire name, any other as given. */
    private static JobOptions.Builder jobOptions(Args args) {
        JobOptions.Builder jobOptions = JobOptions.builder();
        for (String field : args.all(FIELDS)) {
            JobField known = known(field);
            if (known != null) {
                jobOptions.fields(known);
            } else {
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
        builder.allowInsecureHttp(options.allowHttp());
        if (options.baseUrl() != null) {
            builder.baseUrl(options.baseUrl());
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
}
