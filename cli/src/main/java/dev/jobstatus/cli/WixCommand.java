package dev.jobstatus.cli;

import dev.jobstatus.core.watch.WatchOptions;
import dev.jobstatus.wix.AsyncJobItemsQuery;
import dev.jobstatus.wix.ItemStatusFilter;
import dev.jobstatus.wix.WixClient;
import dev.jobstatus.wix.model.AsyncJob;
import dev.jobstatus.wix.model.AsyncJobItem;
import dev.jobstatus.wix.model.CreatedBy;
import java.util.List;
import java.util.Map;
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
            description = "Show jobs: one record per id; an id that fails is reported and the others still show "
                    + "(exit code: the worst of them).",
            footer = "  jobstatus wix get 076e0505-6944-4645-a248-80b197ee9cfd --output json")
    static final class Get extends ProviderCommand {
        @Parameters(paramLabel = "JOB_ID", arity = "1..*", description = "The jobs' ids.")
        private List<String> jobIds;

        @Mixin
        private CallOptions call;

        Get(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            try (WixClient wix = client(context, options)) {
                Output output = output();
                var jobs = wix.asyncJobs().withOptions(call.requestOptions());
                return EachId.show(jobIds, this, output, id -> print(output, jobs.get(id)));
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
                if (status != null && status != ItemStatusFilter.FAILED_ONLY) {
                    throw new IllegalArgumentException(
                            "--has-error (the same as --status FAILED_ONLY) contradicts --status " + status);
                }
                query.hasError(true);
            }
            query.status(status);
            if (limit != null && limit < 0) {
                throw new IllegalArgumentException("--limit must be 0 or more");
            }
            try (WixClient wix = client(context, options)) {
                var items = wix.asyncJobs().withOptions(call.requestOptions()).listAllItems(jobId, query.build());
                // An item's JSON line is the item as Wix sent it (the record's fields, once).
                output().jsonAs(AsyncJobItem.class, AsyncJobItem::fields)
                        .rows(
                                List.of("ID", "ENTITY", "OK", "ERROR"),
                                new int[] {24, 24, 5, 0},
                                limit == null ? items : items.limit(limit),
                                (AsyncJobItem item) -> List.of(
                                        String.valueOf(item.id()),
                                        String.valueOf(item.entityId()),
                                        item.failed() ? "no" : item.success() == null ? "?" : "yes",
                                        item.error() == null
                                                ? ""
                                                : Output.words(
                                                        ": ",
                                                        item.error().code(),
                                                        item.error().description())));
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
        String baseUrl = options.baseUrl(context, "WIX_BASE_URL");
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        if (context.env("WIX_API_KEY") != null) {
            if (context.env("WIX_SITE_ID") != null && context.env("WIX_ACCOUNT_ID") != null) {
                // An API key call carries one of the two headers (the SDK refuses both): a site's jobs or an account's.
                throw new MissingCredentialsException("wix credentials conflict: WIX_SITE_ID and WIX_ACCOUNT_ID are "
                        + "both set, and an API key call goes to one site or one account: unset WIX_ACCOUNT_ID for a "
                        + "site's jobs, or WIX_SITE_ID for an account's");
            }
            if (context.env("WIX_SITE_ID") == null && context.env("WIX_ACCOUNT_ID") == null) {
                throw new MissingCredentialsException("wix credentials incomplete: WIX_API_KEY is set but neither "
                        + "WIX_SITE_ID nor WIX_ACCOUNT_ID is (set WIX_SITE_ID for a site's jobs, WIX_ACCOUNT_ID for an "
                        + "account's)");
            }
        }
        Map<String, String> credentials = EnvCredentials.read(
                context,
                "wix",
                List.of(
                        List.of("WIX_API_KEY", "WIX_SITE_ID"),
                        List.of("WIX_API_KEY", "WIX_ACCOUNT_ID"),
                        List.of("WIX_CLIENT_ID", "WIX_CLIENT_SECRET", "WIX_INSTANCE_ID")),
                "WIX_API_KEY with WIX_SITE_ID or WIX_ACCOUNT_ID, or WIX_CLIENT_ID, WIX_CLIENT_SECRET and "
                        + "WIX_INSTANCE_ID");
        options.credentialsFrom(credentials.keySet());
        if (credentials.containsKey("WIX_SITE_ID")) {
            builder.apiKey(credentials.get("WIX_API_KEY")).siteId(credentials.get("WIX_SITE_ID"));
        } else if (credentials.containsKey("WIX_ACCOUNT_ID")) {
            builder.apiKey(credentials.get("WIX_API_KEY")).accountId(credentials.get("WIX_ACCOUNT_ID"));
        } else {
            builder.oauth(
                    credentials.get("WIX_CLIENT_ID"),
                    credentials.get("WIX_CLIENT_SECRET"),
                    credentials.get("WIX_INSTANCE_ID"));
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
                        createdBy(job.createdBy()),
                        "CreatedDate",
                        job.createdDate(),
                        "UpdatedDate",
                        job.updatedDate(),
                        "Metadata",
                        job.metadata()));
    }

    /** Who created a job as a person reads it, such as {@code app app-1}. */
    static String createdBy(CreatedBy creator) {
        if (creator == null) {
            return null;
        }
        if (creator instanceof CreatedBy.App app) {
            return "app " + app.appId();
        }
        if (creator instanceof CreatedBy.Member member) {
            return "member " + member.memberId();
        }
        if (creator instanceof CreatedBy.WixUser user) {
            return "Wix user " + user.wixUserId();
        }
        if (creator instanceof CreatedBy.AnonymousVisitor visitor) {
            return "visitor " + visitor.anonymousVisitorId();
        }
        if (creator instanceof CreatedBy.Service service) {
            return "service " + service.serviceId();
        }
        return (creator.type() + " " + Output.human(((CreatedBy.Unknown) creator).fields())).strip();
    }
}
