package dev.jobstatus.wix;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.internal.json.Json;
import dev.jobstatus.core.internal.polling.JobWaiters;
import dev.jobstatus.core.internal.transport.ApiRequest;
import dev.jobstatus.core.internal.transport.BodyReader;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.internal.watch.RealJobWatcher;
import dev.jobstatus.core.internal.watch.WatchSource;
import dev.jobstatus.core.paging.Page;
import dev.jobstatus.core.paging.PageRef;
import dev.jobstatus.core.paging.PagedIterable;
import dev.jobstatus.core.polling.JobWaiter;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.watch.JobWatcher;
import dev.jobstatus.core.watch.WatchListener;
import dev.jobstatus.core.watch.WatchOptions;
import dev.jobstatus.wix.model.AsyncJob;
import dev.jobstatus.wix.model.AsyncJobItem;
import dev.jobstatus.wix.model.AsyncJobItemsPage;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The one implementation of {@link AsyncJobs}, over the client's transport. */
final class RealAsyncJobs implements AsyncJobs {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record JobEnvelope(AsyncJob job) {}

    /** A sent null stays null (not made empty, as other lists are), so that a page without its items is refused. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ItemsEnvelope(@JsonSetter(nulls = Nulls.SET) List<AsyncJobItem> results, PagingMetadata pagingMetadata) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PagingMetadata(Integer count, Cursors cursors) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cursors(String next, String prev) {}

    private static final BodyReader<AsyncJob> JOB = BodyReader.json(JobEnvelope.class)
            .map(envelope -> {
                if (envelope.job() == null) {
                    throw new IllegalArgumentException("the response has no \"job\" object");
                }
                return envelope.job();
            });

    private static final BodyReader<AsyncJobItemsPage> ITEMS = BodyReader.<ItemsEnvelope>json(
                    Json.reader(ItemsEnvelope.class), "async job items page JSON object")
            .map(envelope -> {
                // Without its results array a body is no page (an error object, another name): read as empty, it would
                // hide the items.
                if (envelope.results() == null) {
                    throw new IllegalArgumentException(
                            "the response has no \"results\" array (it is missing, null or empty text)");
                }
                PagingMetadata paging = envelope.pagingMetadata();
                Cursors cursors = paging == null ? null : paging.cursors();
                // The cursor is Wix's public contract: a non-empty next cursor means a next page, whatever hasNext
                // (internal, and often absent) says.
                String next = cursors == null
                                || cursors.next() == null
                                || cursors.next().isEmpty()
                        ? null
                        : cursors.next();
                return new AsyncJobItemsPage(
                        envelope.results(),
                        paging == null ? null : paging.count(),
                        next,
                        cursors == null ? null : cursors.prev(),
                        next != null);
            });

    private final HttpTransport transport;
    private final String jobsPath;
    private final PollPolicy pollPolicy;

    private final RequestOptions options;

    RealAsyncJobs(HttpTransport transport, String jobsPath, PollPolicy pollPolicy) {
        this(transport, jobsPath, pollPolicy, RequestOptions.defaults());
    }

    private RealAsyncJobs(HttpTransport transport, String jobsPath, PollPolicy pollPolicy, RequestOptions options) {
        this.transport = transport;
        this.jobsPath = jobsPath;
        this.pollPolicy = pollPolicy;
        this.options = options;
    }

    @Override
    public AsyncJobs withOptions(RequestOptions options) {
        return new RealAsyncJobs(transport, jobsPath, pollPolicy, java.util.Objects.requireNonNull(options, "options"));
    }

    @Override
    public AsyncJob get(String jobId) {
        return transport.execute(getRequest(jobId), JOB, options).value();
    }

    @Override
    public CompletableFuture<AsyncJob> getAsync(String jobId) {
        return transport.fetchAsync(getRequest(jobId), JOB, options);
    }

    @Override
    public AsyncJobItemsPage listItems(String jobId, AsyncJobItemsQuery query) {
        ApiRequest request = ApiRequest.get()
                .operation("list items", jobId)
                .path(jobsPath)
                .pathParam("jobId", jobId)
                .path("items")
                .query("paging.limit", query.pageSize())
                .query("paging.cursor", query.cursor())
                .query("status", query.status())
                .query("hasError", query.effectiveHasError())
                .build();
        return transport.execute(request, ITEMS, options).value();
    }

    @Override
    public PagedIterable<AsyncJobItem> listAllItems(String jobId, AsyncJobItemsQuery query) {
        getRequest(jobId); // refuse a bad id now, not on first iteration
        PagedIterable.PageFetcher<AsyncJobItem> fetcher = ref -> {
            AsyncJobItemsPage page =
                    listItems(jobId, ref == null ? query : query.withCursor(((PageRef.Cursor) ref).cursor()));
            String next = page.nextCursor();
            return new Page<>(page.items(), page.hasNext() && next != null ? PageRef.cursor(next) : null, null, null);
        };
        return query.cursor() == null
                ? PagedIterable.of(transport.provider(), fetcher)
                : PagedIterable.startingAt(transport.provider(), PageRef.cursor(query.cursor()), fetcher);
    }

    @Override
    public JobWaiter<AsyncJob> waiter(String jobId) {
        return JobWaiters.create(transport, jobId, getRequest(jobId), JOB, pollPolicy, options);
    }

    @Override
    public JobWatcher<AsyncJob> watcher(WatchOptions watchOptions, WatchListener<? super AsyncJob> listener) {
        PollPolicy policy = watchOptions.policy();
        return RealJobWatcher.start(
                transport,
                new WatchSource<>(
                        this::getRequest,
                        JOB,
                        options,
                        id -> {
                            getRequest(id);
                            return id;
                        },
                        null),
                policy != null ? policy : pollPolicy,
                false,
                java.util.Objects.requireNonNull(listener, "listener"));
    }

    private ApiRequest getRequest(String jobId) {
        return ApiRequest.get()
                .operation("get", jobId)
                .path(jobsPath)
                .pathParam("jobId", jobId)
                .build();
    }
}
