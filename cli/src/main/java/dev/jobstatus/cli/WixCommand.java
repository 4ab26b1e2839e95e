package dev.jobstatus.cli;

import dev.jobstatus.core.watch.WatchOptions;
import dev.jobstatus.wix.AsyncJobItemsQuery;
import dev.jobstatus.wix.ItemStatusFilter;
import dev.jobstatus.wix.WixClient;
import dev.jobstatus.wix.model.AsyncJob;
import dev.jobstatus.wix.model.AsyncJobItem;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobstatus wix ...}: Wix async jobs. */
@Command(
        name = "wix",
        description = "Wix async jobs (credentials: WIX_API_KEY with WIX_SITE_ID or WIX_ACCOUNT_ID, or "
                + "WIX_CLIENT_ID, WIX_CLIENT_SECRET and WIX_INSTANCE_ID).",
        subcommands = {WixCommand.Get.class, WixCommand.Items.class, WixCommand.Wait.class},
        footer = "  WIX_API_KEY=... WIX_SITE_ID=... jobstatus wix get 076e0505-6944-4645-a248-80b197ee9cfd")
final class WixCommand {
    private WixCommand() {}

    /** {@code wix get JOB_ID}. */
    @Command(
            name = "get",
            description = "Show one job.",
            footer = "  jobstatus wix get 076e0505-6944-4645-a248-80b197ee9cfd --json")
    static final class Get extends ProviderCommand {
        @Parameters(paramLabel = "JOB_ID", description = "The job's id.")
        private String jobId;

        @Mixin
        private CallOptions call;

        Get(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            try (WixClient wix = client(context, options)) {
                print(
                        output(),
                        wix.asyncJobs().withOptions(call.requestOptions()).get(jobId));
                return JobstatusCli.OK;
            }
        }
    }

    /** {@code wix items JOB_ID}. */
    @Command(
            name = "items",
            description = "List the items a job processed, following cursors.",
            footer = "  jobstatus wix items 076e0505-6944-4645-a248-80b197ee9cfd --status FAILED_ONLY --limit 100")
    static final class Items extends ProviderCommand {
        @Parameters(paramLabel = "JOB_ID", description = "The job's id.")
        private String jobId;

        @Mixin
        private CallOptions call;

        @Option(names = "--has-error", description = "Only items that failed (the same as --status FAILED_ONLY).")
        private boolean hasError;

        @Option(
                names = "--status",
                paramLabel = "STATUS",
                description = "Only items of this outcome: ${COMPLETION-CANDIDATES}.")
        private ItemStatusFilter status;

        @Option(names = "--limit", paramLabel = "N", description = "Stop after N items.")
        private Long limit;

        Items(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            AsyncJobItemsQuery.Builder query = AsyncJobItemsQuery.builder();
            if (hasError) {
                query.hasError(true);
            }
            query.status(status);
            if (limit != null && limit < 0) {
                throw new IllegalArgumentException("--limit must be 0 or more");
            }
            try (WixClient wix = client(context, options)) {
                var items = wix.asyncJobs().withOptions(call.requestOptions()).listAllItems(jobId, query.build());
                output().rows(
                                List.of("ID", "ENTITY", "OK", "ERROR"),
                                new int[] {24, 24, 5, 0},
                                limit == null ? items : items.limit(limit),
                                (AsyncJobItem item) -> List.of(
                                        String.valueOf(item.id()),
                                        String.valueOf(item.entityId()),
                                        item.failed() ? "no" : item.success() == null ? "?" : "yes",
                                        item.error() == null
                                                ? ""
                                                : item.error().code() + ": "
                                                        + item.error().description()));
                return JobstatusCli.OK;
            }
        }
    }

    /** {@code wix wait JOB_ID}. */
    @Command(
            name = "wait",
            description = "Wait until jobs finish or fail: one job with its progress, or many at once "
                    + "(gets scheduled inside the quota), a line for each as it ends. Exit 0 if all finished, 1 if any failed, "
                    + "4 on timeout.",
            footer = {
                "  jobstatus wix wait 076e0505-6944-4645-a248-80b197ee9cfd --timeout 30m",
                "  cat job-ids.txt | jobstatus wix wait - --json"
            })
    static final class Wait extends ProviderCommand {
        @Parameters(paramLabel = "JOB_ID", arity = "1..*", description = "The jobs' ids; - reads them from stdin.")
        private List<String> jobIds;

        @Mixin
        private WaitOptions wait;

        Wait(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            try (WixClient wix = client(context, options)) {
                if (!ManyJobs.many(jobIds)) {
                    String jobId = jobIds.get(0);
                    return wait.await(wix.asyncJobs().waiter(jobId), output(), "wix job " + jobId, WixCommand::print);
                }
                WatchOptions watch =
                        WatchOptions.builder().policy(wait.policy()).build();
                return ManyJobs.watch(
                        ManyJobs.ids(jobIds, context),
                        listener -> wix.asyncJobs().watcher(watch, listener),
                        output(),
                        context,
                        AsyncJob::status);
            }
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
                throw new MissingCredentialsException(
                        "wix", "exactly one of WIX_SITE_ID and WIX_ACCOUNT_ID with WIX_API_KEY");
            }
            String siteId = context.env("WIX_SITE_ID");
            String accountId = context.env("WIX_ACCOUNT_ID");
            builder.apiKey(apiKey);
            if (siteId != null) {
                builder.siteId(siteId);
            } else if (accountId != null) {
                builder.accountId(accountId);
            }
        } else if (clientId != null
                && context.env("WIX_CLIENT_SECRET") != null
                && context.env("WIX_INSTANCE_ID") != null) {
            builder.oauth(clientId, context.env("WIX_CLIENT_SECRET"), context.env("WIX_INSTANCE_ID"));
        } else {
            throw new MissingCredentialsException(
                    "wix",
                    "WIX_API_KEY with WIX_SITE_ID or WIX_ACCOUNT_ID, or WIX_CLIENT_ID, WIX_CLIENT_SECRET and WIX_INSTANCE_ID");
        }
        Sharing.apply(context, builder);
        return builder.build();
    }

    static void print(Output output, AsyncJob job) {
        output.record(
                job,
                Output.fields(
                        "Id",
                        job.id(),
                        "Status",
                        job.status(),
                        "State",
                        job.state(),
                        "Progress",
                        job.progress(),
                        "CreatedBy",
                        job.createdBy(),
                        "CreatedDate",
                        job.createdDate(),
                        "UpdatedDate",
                        job.updatedDate(),
                        "Metadata",
                        job.metadata()));
    }
}
