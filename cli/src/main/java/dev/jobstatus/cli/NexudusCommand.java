package dev.jobstatus.cli;

import dev.jobstatus.nexudus.BackgroundJobField;
import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.nexudus.SortDirection;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.nexudus.model.BusinessBackgroundJobSummary;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobstatus nexudus ...}: Nexudus business background jobs. */
@Command(name = "nexudus", description = "Nexudus business background jobs (credentials: NEXUDUS_TOKEN, or "
        + "NEXUDUS_USERNAME and NEXUDUS_PASSWORD).", subcommands = {NexudusCommand.Get.class, NexudusCommand.ListJobs.class,
        NexudusCommand.Wait.class})
final class NexudusCommand {
    static NexudusClient client(Context context, ProviderOptions options) {
        NexudusClient.Builder builder = NexudusClient.builder();
        builder.allowInsecureHttp(options.allowHttp);
        if (options.baseUrl != null) {
            builder.baseUrl(options.baseUrl);
        }
        String token = context.env("NEXUDUS_TOKEN");
        String username = context.env("NEXUDUS_USERNAME");
        String password = context.env("NEXUDUS_PASSWORD");
        if (token != null) {
            builder.bearerToken(token);
        } else if (username != null && password != null) {
            builder.passwordGrant(username, password);
        } else {
            throw new MissingCredentialsException("nexudus", "NEXUDUS_TOKEN, or NEXUDUS_USERNAME and NEXUDUS_PASSWORD");
        }
        Sharing.apply(context, builder);
        return builder.build();
    }

    static void print(Output output, BusinessBackgroundJob job) {
        output.record(job, Output.fields("Id", job.id(), "Status", job.status(), "State", job.state(),
                "Description", job.description(), "User", job.userEmail(), "Business", job.businessName(),
                "Files", job.files(), "CreatedOn", job.createdOn(), "UpdatedOn", job.updatedOn(), "ResultData", job.resultData()));
    }

    /** {@code nexudus get <id>}. */
    @Command(name = "get", description = "Show one job.")
    static final class Get extends ProviderSubcommand {
        @Mixin
        CallOptions call;
        @Parameters(paramLabel = "ID", description = "The job's Id.")
        long id;

        Get(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            try (NexudusClient nexudus = client(context, options)) {
                print(output(), nexudus.backgroundJobs().withOptions(call.requestOptions()).get(id));
                return 0;
            }
        }
    }

    /** {@code nexudus list ...}. */
    @Command(name = "list", description = "List jobs, fetching page after page.")
    static final class ListJobs extends ProviderSubcommand {
        @Mixin
        CallOptions call;
        @Option(names = "--status", description = "Only jobs with this status.")
        String status;
        @Option(names = "--user-email", description = "Only jobs of this user.")
        String userEmail;
        @Option(names = "--description", description = "Only jobs with this description.")
        String description;
        @Option(names = "--created-from", paramLabel = "TIME", description = "Created at or after, e.g. 2025-01-31T08:00.")
        LocalDateTime createdFrom;
        @Option(names = "--created-to", paramLabel = "TIME", description = "Created at or before.")
        LocalDateTime createdTo;
        @Option(names = "--updated-from", paramLabel = "TIME", description = "Updated at or after.")
        LocalDateTime updatedFrom;
        @Option(names = "--updated-to", paramLabel = "TIME", description = "Updated at or before.")
        LocalDateTime updatedTo;
        @Option(names = "--order-by", paramLabel = "FIELD", description = "Sort by this property, e.g. CreatedOn.")
        String orderBy;
        @Option(names = "--desc", description = "Sort descending.")
        boolean descending;
        @Option(names = "--page-size", paramLabel = "N", description = "Records per request, 1 to 1000 (default 1000).")
        Integer pageSize;
        @Option(names = "--limit", paramLabel = "N", description = "Stop after N jobs.")
        Long limit;

        ListJobs(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            BackgroundJobQuery.Builder query = BackgroundJobQuery.builder().status(status).userEmail(userEmail)
                    .description(description).createdFrom(createdFrom).createdTo(createdTo)
                    .updatedFrom(updatedFrom).updatedTo(updatedTo);
            if (orderBy != null) {
                orderBy(query, orderBy);
                query.direction(descending ? SortDirection.DESCENDING : SortDirection.ASCENDING);
            } else if (descending) {
                query.direction(SortDirection.DESCENDING);
            }
            if (pageSize != null && (pageSize < 1 || pageSize > BackgroundJobQuery.MAX_PAGE_SIZE)) {
                throw new IllegalArgumentException("--page-size must be between 1 and " + BackgroundJobQuery.MAX_PAGE_SIZE);
            }
            if (limit != null && limit < 0) {
                throw new IllegalArgumentException("--limit must be 0 or more");
            }
            if (pageSize != null) {
                query.pageSize(pageSize);
            }
            try (NexudusClient nexudus = client(context, options)) {
                var jobs = nexudus.backgroundJobs().withOptions(call.requestOptions()).listAll(query.build());
                long count = output().rows(
                        List.of("ID", "STATUS", "STATE", "CREATED", "USER", "DESCRIPTION"), new int[] {10, 12, 10, 21, 24, 0},
                        limit == null ? jobs : jobs.limit(limit),
                        (BusinessBackgroundJobSummary job) -> List.of(job.id(), job.status(), job.state(), job.createdOn(),
                                job.userEmail(), job.description()));
                if (!options.json) {
                    context.err().println(count + " job(s)");
                }
                return 0;
            }
        }

        private static void orderBy(BackgroundJobQuery.Builder query, String field) {
            String normal = field.replace("_", "").toLowerCase(Locale.ROOT);
            for (BackgroundJobField known : BackgroundJobField.values()) {
                if (known.wireName().toLowerCase(Locale.ROOT).equals(normal)) {
                    query.orderBy(known);
                    return;
                }
            }
            query.orderBy(field);
        }
    }

    /** {@code nexudus wait <id>}. */
    @Command(name = "wait", description = "Wait until a job succeeds or fails; exit 0 if it succeeded, 1 if it failed.")
    static final class Wait extends ProviderSubcommand {
        @Mixin
        WaitOptions wait;
        @Parameters(paramLabel = "ID", description = "The job's Id.")
        long id;

        Wait(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            try (NexudusClient nexudus = client(context, options)) {
                return await(nexudus.backgroundJobs().waiter(id), wait, "nexudus job " + id, NexudusCommand::print);
            }
        }
    }
}
