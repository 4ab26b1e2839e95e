package dev.jobstatus.cli;

import dev.jobstatus.core.watch.WatchOptions;
import dev.jobstatus.nexudus.BackgroundJobField;
import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.nexudus.SortDirection;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.nexudus.model.BusinessBackgroundJobSummary;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobstatus nexudus ...}: Nexudus business background jobs. */
@Command(
        name = "nexudus",
        description = "Nexudus business background jobs (credentials: NEXUDUS_TOKEN, or NEXUDUS_USERNAME "
                + "and NEXUDUS_PASSWORD).",
        subcommands = {NexudusCommand.Get.class, NexudusCommand.ListJobs.class, NexudusCommand.Wait.class},
        footer = {
            "  NEXUDUS_TOKEN=... jobstatus nexudus get 87654321",
            "  NEXUDUS_USERNAME=me@example.com NEXUDUS_PASSWORD=... jobstatus nexudus list --desc --limit 10"
        })
final class NexudusCommand {
    private NexudusCommand() {}

    /** {@code nexudus get ID}. */
    @Command(
            name = "get",
            description = "Show jobs: one record per Id; an Id that fails is reported and the others still show "
                    + "(exit code: the worst of them).",
            footer = {
                "  jobstatus nexudus get 87654321",
                "  jobstatus nexudus get 87654321 87654322 -o json --timeout 10s"
            })
    static final class Get extends ProviderCommand {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "The jobs' Ids.")
        private List<Long> ids;

        @Mixin
        private CallOptions call;

        Get(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            try (NexudusClient nexudus = client(context, options)) {
                Output output = output();
                var jobs = nexudus.backgroundJobs().withOptions(call.requestOptions());
                return EachId.show(ids, this, output, id -> print(output, jobs.get(id)));
            }
        }
    }

    /** {@code nexudus list}. */
    @Command(
            name = "list",
            description = {
                "List jobs, fetching page after page.",
                "A TIME without an offset is UTC, the zone the command reads Nexudus's own times in."
            },
            footer = {
                "  jobstatus nexudus list --status Failed --created-from 2025-01-01 --created-to 2025-01-31",
                "  jobstatus nexudus list --order-by CreatedOn --desc --limit 50 --json"
            })
    static final class ListJobs extends ProviderCommand {
        @Mixin
        private CallOptions call;

        @Option(names = "--status", paramLabel = "STATUS", description = "Only jobs with this status.")
        private String status;

        @Option(names = "--user-email", paramLabel = "EMAIL", description = "Only jobs of this user.")
        private String userEmail;

        @Option(names = "--description", paramLabel = "TEXT", description = "Only jobs with this description.")
        private String description;

        @Option(
                names = "--created-from",
                paramLabel = "TIME",
                description = "Created at or after TIME: 2025-01-31 (its start), 2025-01-31T08:00 (UTC), or with an "
                        + "offset, 2025-01-31T08:00:00Z or 2025-01-31T09:00+01:00 (sent to the minute, in UTC).")
        private LocalDateTime createdFrom;

        @Option(names = "--created-to", paramLabel = "TIME", description = "Created at or before.")
        private LocalDateTime createdTo;

        @Option(names = "--updated-from", paramLabel = "TIME", description = "Updated at or after.")
        private LocalDateTime updatedFrom;

        @Option(names = "--updated-to", paramLabel = "TIME", description = "Updated at or before.")
        private LocalDateTime updatedTo;

        @Option(
                names = "--order-by",
                paramLabel = "FIELD",
                converter = FieldChoices.NexudusOrderBy.class,
                completionCandidates = FieldChoices.NexudusOrderBy.class,
                description = "Sort by this property, e.g. CreatedOn; one of: ${COMPLETION-CANDIDATES}.")
        private BackgroundJobField orderBy;

        @Option(names = "--desc", description = "Sort descending.")
        private boolean descending;

        @Option(names = "--page-size", paramLabel = "N", description = "Records per request, 1 to 1000 (default 1000).")
        private Integer pageSize;

        @Option(names = "--limit", paramLabel = "N", description = "Stop after N jobs.")
        private Long limit;

        ListJobs(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            BackgroundJobQuery.Builder query = BackgroundJobQuery.builder()
                    .status(status)
                    .userEmail(userEmail)
                    .description(description)
                    .createdFrom(createdFrom)
                    .createdTo(createdTo)
                    .updatedFrom(updatedFrom)
                    .updatedTo(updatedTo);
            if (orderBy != null) {
                query.orderBy(orderBy);
                query.direction(descending ? SortDirection.DESCENDING : SortDirection.ASCENDING);
            } else if (descending) {
                query.direction(SortDirection.DESCENDING);
            }
            if (pageSize != null && (pageSize < 1 || pageSize > BackgroundJobQuery.MAX_PAGE_SIZE)) {
                throw new IllegalArgumentException(
                        "--page-size must be between 1 and " + BackgroundJobQuery.MAX_PAGE_SIZE);
            }
            if (limit != null && limit < 0) {
                throw new IllegalArgumentException("--limit must be 0 or more");
            }
            if (pageSize != null) {
                query.pageSize(pageSize);
            }
            try (NexudusClient nexudus = client(context, options)) {
                var jobs = nexudus.backgroundJobs()
                        .withOptions(call.requestOptions())
                        .listAll(query.build());
                long count = output().rows(
                                List.of("ID", "STATUS", "STATE", "CREATED", "USER", "DESCRIPTION"),
                                new int[] {10, 12, 10, 21, 24, 0},
                                limit == null ? jobs : jobs.limit(limit),
                                // Any of these may be missing from a record: a null cell prints empty (List.of would
                                // refuse it).
                                (BusinessBackgroundJobSummary job) -> Arrays.asList(
                                        job.id(),
                                        job.status(),
                                        job.state(),
                                        job.createdOn(),
                                        job.userEmail(),
                                        job.description()));
                if (!options.json()) {
                    context.err().println(count + " job(s)");
                }
                return JobstatusCli.OK;
            }
        }
    }

    /** {@code nexudus wait ID [ID...]}. */
    @Command(
            name = "wait",
            description = "Wait until jobs succeed or fail: one job with its progress, or many at once "
                    + "(one listing per round for all of them), a line for each as it ends. Exit 0 if all succeeded, 1 if any "
                    + "failed, 4 on timeout.",
            footer = {
                "  jobstatus nexudus wait 87654321 --timeout 10m --interval 2s",
                "  jobstatus nexudus wait 87654321 87654322 87654323 --json",
                "  cat ids.txt | jobstatus nexudus wait - --full"
            })
    static final class Wait extends ProviderCommand {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "The jobs' Ids; - reads them from stdin.")
        private List<String> ids;

        @Option(
                names = "--full",
                description = "With several jobs, fetch each ended job in full (one request each) "
                        + "rather than print the listing's record, which has no ResultData.")
        private boolean full;

        @Mixin
        private WaitOptions wait;

        Wait(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            if (!ManyJobs.many(ids)) {
                long id = id(ids.get(0));
                try (NexudusClient nexudus = client(context, options)) {
                    return wait.await(
                            nexudus.backgroundJobs().waiter(id), output(), "nexudus job " + id, NexudusCommand::print);
                }
            }
            List<String> all = ManyJobs.ids(ids, context);
            all.forEach(Wait::id);
            try (NexudusClient nexudus = client(context, options)) {
                WatchOptions watch = WatchOptions.builder()
                        .policy(wait.policy())
                        .fullRecords(full)
                        .build();
                return ManyJobs.watch(
                        all,
                        listener -> nexudus.backgroundJobs().watcher(watch, listener),
                        output(),
                        context,
                        BusinessBackgroundJob::status);
            }
        }

        private static long id(String id) {
            try {
                return Long.parseLong(id);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a Nexudus job Id is a whole number, not " + id);
            }
        }
    }

    static NexudusClient client(Context context, ProviderOptions options) {
        NexudusClient.Builder builder = NexudusClient.builder();
        builder.allowInsecureHttp(options.allowHttp());
        String baseUrl = options.baseUrl(context, "NEXUDUS_BASE_URL");
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        Map<String, String> credentials = EnvCredentials.read(
                context,
                "nexudus",
                List.of(List.of("NEXUDUS_TOKEN"), List.of("NEXUDUS_USERNAME", "NEXUDUS_PASSWORD")),
                "NEXUDUS_TOKEN, or NEXUDUS_USERNAME and NEXUDUS_PASSWORD");
        options.credentialsFrom(credentials.keySet());
        if (credentials.containsKey("NEXUDUS_TOKEN")) {
            builder.bearerToken(credentials.get("NEXUDUS_TOKEN"));
        } else {
            builder.passwordGrant(credentials.get("NEXUDUS_USERNAME"), credentials.get("NEXUDUS_PASSWORD"));
        }
        Sharing.apply(context, builder);
        return builder.build();
    }

    static void print(Output output, BusinessBackgroundJob job) {
        output.record(
                job,
                Output.fields(
                        "Id",
                        job.id(),
                        "Status",
                        job.status(),
                        "State",
                        job.state(),
                        "Description",
                        job.description(),
                        "User",
                        job.userEmail(),
                        "Business",
                        job.businessName(),
                        "Files",
                        job.files(),
                        "CreatedOn",
                        job.createdOn(),
                        "UpdatedOn",
                        job.updatedOn(),
                        "ResultData",
                        job.resultData()));
    }
}
