package dev.jobstatus.cli;

import dev.jobstatus.wix.AsyncJobItemsQuery;
import dev.jobstatus.wix.ItemStatusFilter;
import dev.jobstatus.wix.WixClient;
import dev.jobstatus.wix.model.AsyncJob;
import dev.jobstatus.wix.model.AsyncJobItem;
import java.util.List;

/** {@code jobstatus wix ...}: Wix async jobs. */
final class WixCommand {
    private static final Param<String> JOB_ID = Param.of("JOB_ID", "The job's id.", Converter.TEXT);
    private static final Option<Boolean> HAS_ERROR = Option.flag("--has-error", "Only items that failed (the same as --status FAILED_ONLY).");
    private static final Option<ItemStatusFilter> STATUS = Option.value("--status", "STATUS", "Only items of this outcome: "
            + Converter.names(ItemStatusFilter.class) + ".", Converter.oneOf(ItemStatusFilter.class));
    private static final Option<Long> LIMIT = Option.value("--limit", "N", "Stop after N items.", Converter.LONG);

    private WixCommand() {
    }

    static Command command() {
        return Command.group("wix", "Wix async jobs (credentials: WIX_API_KEY with WIX_SITE_ID or WIX_ACCOUNT_ID, or "
                + "WIX_CLIENT_ID, WIX_CLIENT_SECRET and WIX_INSTANCE_ID).")
                .examples("WIX_API_KEY=... WIX_SITE_ID=... jobstatus wix get 076e0505-6944-4645-a248-80b197ee9cfd")
                .subcommands(
                        Command.leaf("get", WixCommand::get, "Show one job.")
                                .params(JOB_ID).options(ProviderOptions.ALL).options(CallOptions.TIMEOUT)
                                .examples("jobstatus wix get 076e0505-6944-4645-a248-80b197ee9cfd --json"),
                        Command.leaf("items", WixCommand::items, "List the items a job processed, following cursors.")
                                .params(JOB_ID).options(ProviderOptions.ALL).options(CallOptions.TIMEOUT, HAS_ERROR, STATUS, LIMIT)
                                .examples("jobstatus wix items 076e0505-6944-4645-a248-80b197ee9cfd --status FAILED_ONLY --limit 100"),
                        Command.leaf("wait", WixCommand::await,
                                        "Wait until a job finishes or fails; exit 0 if it finished, 1 if it failed.")
                                .params(JOB_ID).options(ProviderOptions.ALL).options(WaitOptions.ALL)
                                .examples("jobstatus wix wait 076e0505-6944-4645-a248-80b197ee9cfd --timeout 30m"));
    }

    private static int get(Args args, Context context) {
        ProviderOptions options = ProviderOptions.of(args);
        try (WixClient wix = client(context, options)) {
            print(options.output(context), wix.asyncJobs().withOptions(CallOptions.requestOptions(args)).get(args.get(JOB_ID)));
            return JobstatusCli.OK;
        }
    }

    private static int items(Args args, Context context) {
        AsyncJobItemsQuery.Builder query = AsyncJobItemsQuery.builder();
        if (args.flag(HAS_ERROR)) {
            query.hasError(true);
        }
        query.status(args.get(STATUS));
        Long limit = args.get(LIMIT);
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("--limit must be 0 or more");
        }
        ProviderOptions options = ProviderOptions.of(args);
        try (WixClient wix = client(context, options)) {
            var items = wix.asyncJobs().withOptions(CallOptions.requestOptions(args)).listAllItems(args.get(JOB_ID), query.build());
            options.output(context).rows(List.of("ID", "ENTITY", "OK", "ERROR"), new int[] {24, 24, 5, 0},
                    limit == null ? items : items.limit(limit),
                    (AsyncJobItem item) -> List.of(String.valueOf(item.id()), String.valueOf(item.entityId()),
                            item.failed() ? "no" : item.success() == null ? "?" : "yes",
                            item.error() == null ? "" : item.error().code() + ": " + item.error().description()));
            return JobstatusCli.OK;
        }
    }

    private static int await(Args args, Context context) {
        ProviderOptions options = ProviderOptions.of(args);
        String jobId = args.get(JOB_ID);
        try (WixClient wix = client(context, options)) {
            return WaitOptions.await(wix.asyncJobs().waiter(jobId), args, options.output(context), "wix job " + jobId, WixCommand::print);
        }
    }

    static WixClient client(Context context, ProviderOptions options) {
        WixClient.Builder builder = WixClient.builder();
        builder.allowInsecureHttp(options.allowHttp());
        if (options.baseUrl() != null) {
            builder.baseUrl(options.baseUrl());
        }
        String apiKey = context.env("WIX_API_KEY");
        String clientId = context.env("WIX_CLIENT_ID");
        if (apiKey != null) {
            if ((context.env("WIX_SITE_ID") == null) == (context.env("WIX_ACCOUNT_ID") == null)) {
                throw new MissingCredentialsException("wix", "exactly one of WIX_SITE_ID and WIX_ACCOUNT_ID with WIX_API_KEY");
            }
            builder.apiKey(apiKey).siteId(context.env("WIX_SITE_ID")).accountId(context.env("WIX_ACCOUNT_ID"));
        } else if (clientId != null && context.env("WIX_CLIENT_SECRET") != null && context.env("WIX_INSTANCE_ID") != null) {
            builder.oauth(clientId, context.env("WIX_CLIENT_SECRET"), context.env("WIX_INSTANCE_ID"));
        } else {
            throw new MissingCredentialsException("wix",
                    "WIX_API_KEY with WIX_SITE_ID or WIX_ACCOUNT_ID, or WIX_CLIENT_ID, WIX_CLIENT_SECRET and WIX_INSTANCE_ID");
        }
        Sharing.apply(context, builder);
        return builder.build();
    }

    static void print(Output output, AsyncJob job) {
        output.record(job, Output.fields("Id", job.id(), "Status", job.status(), "State", job.state(),
                "Progress", job.progress(), "CreatedBy", job.createdBy(), "CreatedDate", job.createdDate(),
                "UpdatedDate", job.updatedDate(), "Metadata", job.metadata()));
    }
}
