package dev.jobstatus.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.asana.JobField;
import dev.jobstatus.asana.JobOptions;
import dev.jobstatus.asana.model.Job;
import dev.jobstatus.core.internal.json.Json;
import dev.jobstatus.core.watch.WatchOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            description = "Show jobs: one record per gid; a gid that fails is reported and the others still show "
                    + "(exit code: the worst of them).",
            footer = {
                "  jobstatus asana get 1204715892 --fields new_project.name,new_task.name --pretty",
                "  jobstatus asana get 1204715892 1204715893 -o json"
            })
    static final class Get extends ProviderCommand {
        @Parameters(paramLabel = "GID", arity = "1..*", description = "The jobs' gids.")
        private List<String> gids;

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
                Output output = fields.output(output());
                var jobs = asana.jobs().withOptions(call.requestOptions());
                JobOptions asked = jobOptions.build();
                return EachId.show(gids, this, output, gid -> print(output, jobs.get(gid, asked)));
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
                            fields.output(output()),
                            "asana job " + gid,
                            AsanaCommand::print);
                }
                WatchOptions watch =
                        WatchOptions.builder().policy(wait.policy()).build();
                return ManyJobs.watch(
                        ManyJobs.ids(gids, context),
                        listener -> asana.jobs().watcher(fields.jobOptions().build(), watch, listener),
                        fields.output(output()),
                        context,
                        Job::status);
            }
        }
    }

    /** {@code --fields} of get and wait: fields of an Asana job, as {@code opt_fields} names them. */
    static final class Fields {
        @Option(
                names = "--fields",
                split = ",",
                paramLabel = "FIELD",
                converter = FieldChoices.AsanaFields.class,
                completionCandidates = FieldChoices.AsanaFields.class,
                description = "Fields to return (opt_fields, exactly these; status is always added), e.g. "
                        + "new_project.name; any of: ${COMPLETION-CANDIDATES}.")
        private List<JobField> names = List.of();

        JobOptions.Builder jobOptions() {
            return JobOptions.builder().fields(names.toArray(JobField[]::new));
        }

        /**
         * Returns an output whose JSON lines show only what was asked for: with {@code --fields}, the gid, status and
         * the fields named (null when asked for and absent); a field not asked for is left out, not shown as null.
         */
        Output output(Output output) {
            if (names.isEmpty()) {
                return output;
            }
            Set<String> asked = new HashSet<>(Set.of("gid", "status"));
            names.forEach(field -> asked.add(field.wireName()));
            return output.jsonAs(Job.class, job -> {
                try {
                    ObjectNode all = (ObjectNode)
                            Json.treeReader().readTree(Json.writer().writeValueAsString(job));
                    retain(all, asked);
                    return all;
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot write an Asana job as JSON", e);
                }
            });
        }

        /**
         * Keeps in {@code node} the dotted {@code paths} asked for: a path's last name whole, an object on its way
         * with its gid and the names asked for in it (so {@code new_project.name} keeps the project's gid and name).
         */
        private static void retain(ObjectNode node, Set<String> paths) {
            Map<String, Set<String>> inside = new HashMap<>();
            for (String path : paths) {
                String[] headAndRest = path.split("\\.", 2);
                inside.computeIfAbsent(headAndRest[0], name -> new HashSet<>())
                        .add(headAndRest.length == 1 ? "" : headAndRest[1]);
            }
            node.retain(inside.keySet());
            inside.forEach((name, rest) -> {
                if (!rest.contains("") && node.get(name) instanceof ObjectNode child) {
                    rest.add("gid");
                    retain(child, rest);
                }
            });
        }
    }

    static AsanaClient client(Context context, ProviderOptions options) {
        AsanaClient.Builder builder = AsanaClient.builder();
        Map<String, String> credentials = EnvCredentials.read(
                context,
                "asana",
                List.of(
                        List.of("ASANA_TOKEN"),
                        List.of("ASANA_CLIENT_ID", "ASANA_CLIENT_SECRET", "ASANA_REFRESH_TOKEN")),
                "ASANA_TOKEN, or ASANA_CLIENT_ID, ASANA_CLIENT_SECRET and ASANA_REFRESH_TOKEN");
        options.credentialsFrom(credentials.keySet());
        if (credentials.containsKey("ASANA_TOKEN")) {
            builder.bearerToken(credentials.get("ASANA_TOKEN"));
        } else {
            builder.oauthRefresh(
                    credentials.get("ASANA_CLIENT_ID"),
                    credentials.get("ASANA_CLIENT_SECRET"),
                    credentials.get("ASANA_REFRESH_TOKEN"));
        }
        builder.allowInsecureHttp(options.allowHttp());
        String baseUrl = options.baseUrl(context, "ASANA_BASE_URL");
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
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
                                : Output.words(
                                        " ",
                                        job.newProject().gid(),
                                        job.newProject().name()),
                        "NewTask",
                        job.newTask() == null
                                ? null
                                : Output.words(
                                        " ", job.newTask().gid(), job.newTask().name()),
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
