package dev.jobstatus.cli;

import dev.jobstatus.nexudus.BackgroundJobField;
import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.nexudus.SortDirection;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.nexudus.model.BusinessBackgroundJobSummary;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code jobstatus nexudus ...}: Nexudus business background jobs. */
final class NexudusCommand {
    private static final Param<Long> ID = Param.of("ID", "The job's Id.", Converter.LONG);
    private static final Option<String> STATUS = Option.value("--status", "STATUS", "Only jobs with this status.", Converter.TEXT);
    private static final Option<String> USER_EMAIL = Option.value("--user-email", "EMAIL", "Only jobs of this user.", Converter.TEXT);
    private static final Option<String> DESCRIPTION = Option.value("--description", "TEXT", "Only jobs with this description.",
            Converter.TEXT);
    private static final Option<LocalDateTime> CREATED_FROM = Option.value("--created-from", "TIME",
            "Created at or after, e.g. 2025-01-31T08:00.", Converter.TIME);
    private static final Option<LocalDateTime> CREATED_TO = Option.value("--created-to", "TIME", "Created at or before.", Converter.TIME);
    private static final Option<LocalDateTime> UPDATED_FROM = Option.value("--updated-from", "TIME", "Updated at or after.",
            Converter.TIME);
    private static final Option<LocalDateTime> UPDATED_TO = Option.value("--updated-to", "TIME", "Updated at or before.", Converter.TIME);
    private static final Option<String> ORDER_BY = Option.value("--order-by", "FIELD", "Sort by this property, e.g. CreatedOn.",
            Converter.TEXT);
    private static final Option<Boolean> DESC = Option.flag("--desc", "Sort descending.");
    private static final Option<Integer> PAGE_SIZE = Option.value("--page-size", "N", "Records per request, 1 to 1000 (default 1000).",
            Converter.INT);
    private static final Option<Long> LIMIT = Option.value("--limit", "N", "Stop after N jobs.", Converter.LONG);

    private NexudusCommand() {
    }

    static Command command() {
        return Command.group("nexudus", "Nexudus business background jobs (credentials: NEXUDUS_TOKEN, or NEXUDUS_USERNAME and "
                + "NEXUDUS_PASSWORD).")
                .examples("NEXUDUS_TOKEN=... jobstatus nexudus get 87654321",
                        "NEXUDUS_USERNAME=me@example.com NEXUDUS_PASSWORD=... jobstatus nexudus list --desc --limit 10")
                .subcommands(
                        Command.leaf("get", NexudusCommand::get, "Show one job.")
                                .params(ID).options(ProviderOptions.ALL).options(CallOptions.TIMEOUT)
                                .examples("jobstatus nexudus get 87654321", "jobstatus nexudus get 87654321 --json --timeout 10s"),
                        Command.leaf("list", NexudusCommand::list, "List jobs, fetching page after page.")
                                .options(ProviderOptions.ALL).options(CallOptions.TIMEOUT, STATUS, USER_EMAIL, DESCRIPTION,
                                        CREATED_FROM, CREATED_TO, UPDATED_FROM, UPDATED_TO, ORDER_BY, DESC, PAGE_SIZE, LIMIT)
                                .examples("jobstatus nexudus list --status Failed --created-from 2025-01-01 --created-to 2025-01-31T23:59",
                                        "jobstatus nexudus list --order-by CreatedOn --desc --limit 50 --json"),
                        Command.leaf("wait", NexudusCommand::await,
                                        "Wait until a job succeeds or fails; exit 0 if it succeeded, 1 if it failed.")
                                .params(ID).options(ProviderOptions.ALL).options(WaitOptions.ALL)
                                .examples("jobstatus nexudus wait 87654321 --timeout 10m --interval 2s"));
    }

    private static int get(Args args, Context context) {
        ProviderOptions options = ProviderOptions.of(args);
        try (NexudusClient nexudus = client(context, options)) {
            print(options.output(context), nexudus.backgroundJobs().withOptions(CallOptions.requestOptions(args)).get(args.get(ID)));
            return JobstatusCli.OK;
        }
    }

    private static int list(Args args, Context context) {
        BackgroundJobQuery.Builder query = BackgroundJobQuery.builder().status(args.get(STATUS)).userEmail(args.get(USER_EMAIL))
                .description(args.get(DESCRIPTION)).createdFrom(args.get(CREATED_FROM)).createdTo(args.get(CREATED_TO))
                .updatedFrom(args.get(UPDATED_FROM)).updatedTo(args.get(UPDATED_TO));
        boolean descending = args.flag(DESC);
        if (args.get(ORDER_BY) != null) {
            orderBy(query, args.get(ORDER_BY));
            query.direction(descending ? SortDirection.DESCENDING : SortDirection.ASCENDING);
        } else if (descending) {
            query.direction(SortDirection.DESCENDING);
        }
        Integer pageSize = args.get(PAGE_SIZE);
        Long limit = args.get(LIMIT);
        if (pageSize != null && (pageSize < 1 || pageSize > BackgroundJobQuery.MAX_PAGE_SIZE)) {
            throw new IllegalArgumentException("--page-size must be between 1 and " + BackgroundJobQuery.MAX_PAGE_SIZE);
        }
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("--limit must be 0 or more");
        }
        if (pageSize != null) {
            query.pageSize(pageSize);
        }
        ProviderOptions options = ProviderOptions.of(args);
        try (NexudusClient nexudus = client(context, options)) {
            var jobs = nexudus.backgroundJobs().withOptions(CallOptions.requestOptions(args)).listAll(query.build());
            long count = options.output(context).rows(
                    List.of("ID", "STATUS", "STATE", "CREATED", "USER", "DESCRIPTION"), new int[] {10, 12, 10, 21, 24, 0},
                    limit == null ? jobs : jobs.limit(limit),
                    // Any of these may be missing from a record: a null cell prints empty (List.of would refuse it).
                    (BusinessBackgroundJobSummary job) -> Arrays.asList(job.id(), job.status(), job.state(), job.createdOn(),
                            job.userEmail(), job.description()));
            if (!options.json()) {
                context.err().println(count + " job(s)");
            }
            return JobstatusCli.OK;
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

    private static int await(Args args, Context context) {
        ProviderOptions options = ProviderOptions.of(args);
        long id = args.get(ID);
        try (NexudusClient nexudus = client(context, options)) {
            return WaitOptions.await(nexudus.backgroundJobs().waiter(id), args, options.output(context), "nexudus job " + id,
                    NexudusCommand::print);
        }
    }

    static NexudusClient client(Context context, ProviderOptions options) {
        NexudusClient.Builder builder = NexudusClient.builder();
        builder.allowInsecureHttp(options.allowHttp());
        if (options.baseUrl() != null) {
            builder.baseUrl(options.baseUrl());
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
}
