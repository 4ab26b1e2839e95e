package dev.jobstatus.nexudus;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.exception.PagingException;
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
import dev.jobstatus.nexudus.internal.NexudusJson;
import dev.jobstatus.nexudus.model.BackgroundJobPage;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.nexudus.model.BusinessBackgroundJobSummary;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** The one implementation of {@link BackgroundJobs}, over the client's transport. */
final class RealBackgroundJobs implements BackgroundJobs {
    private static final String PATH = "api/sys/businessbackgroundjobs";

    private final HttpTransport transport;
    private final PollPolicy pollPolicy;
    private final BodyReader<BusinessBackgroundJob> jobReader;
    private final BodyReader<BackgroundJobPage> pageReader;
    private final RequestOptions options;
    private final ZoneId zone;

    RealBackgroundJobs(HttpTransport transport, StatusClassifier classifier, ZoneId zone, PollPolicy pollPolicy) {
        this.transport = transport;
        this.pollPolicy = pollPolicy;
        // Each job's state is classified as its record is read, so every path (get, async, waits, pages) sees one.
        this.jobReader = NexudusJson.job(zone, classifier);
        this.pageReader = NexudusJson.page(zone, classifier);
        this.options = RequestOptions.defaults();
        this.zone = zone;
    }

    private RealBackgroundJobs(RealBackgroundJobs base, RequestOptions options) {
        this.transport = base.transport;
        this.pollPolicy = base.pollPolicy;
        this.jobReader = base.jobReader;
        this.pageReader = base.pageReader;
        this.options = options;
        this.zone = base.zone;
    }

    @Override
    public BackgroundJobs withOptions(RequestOptions options) {
        return new RealBackgroundJobs(this, Objects.requireNonNull(options, "options"));
    }

    @Override
    public BusinessBackgroundJob get(long id) {
        return transport.execute(getRequest(id), jobReader, options).value();
    }

    @Override
    public CompletableFuture<BusinessBackgroundJob> getAsync(long id) {
        return transport.fetchAsync(getRequest(id), jobReader, options);
    }

    @Override
    public BackgroundJobPage list(BackgroundJobQuery query) {
        return transport.execute(listRequest(query), pageReader, options).value();
    }

    static ApiRequest listRequest(BackgroundJobQuery query) {
        ApiRequest.Builder request = ApiRequest.get().operation("list", null).path(PATH);
        for (Map.Entry<String, String> param : query.toQueryParameters()) {
            request.query(param.getKey(), param.getValue());
        }
        return request.build();
    }

    @Override
    public PagedIterable<BusinessBackgroundJobSummary> listAll(BackgroundJobQuery query) {
        BackgroundJobQuery sized = query.pageSize() != null
                ? query
                : query.toBuilder().pageSize(BackgroundJobQuery.MAX_PAGE_SIZE).build();
        long first = sized.page() == null ? 1 : sized.page();
        return PagedIterable.<BusinessBackgroundJobSummary>startingAt(
                        transport.provider(), PageRef.number(first), ref -> {
                            long number = ((PageRef.PageNumber) Objects.requireNonNull(ref, "ref")).number();
                            if (number > Integer.MAX_VALUE) {
                                throw new PagingException(
                                        transport.provider(),
                                        transport.provider() + " API announced page " + number
                                                + ", past the largest page number a listing can ask for ("
                                                + Integer.MAX_VALUE + "); stopping");
                            }
                            BackgroundJobPage page = list(sized.withPage((int) number));
                            return new Page<>(
                                    page.records(),
                                    hasNext(page, number) ? PageRef.number(number + 1) : null,
                                    page.totalItems(),
                                    page.totalPages());
                        })
                .distinctBy(s -> s.id() != 0 ? (Object) s.id() : new Object());
    }

    /**
     * HasNextPage decides; TotalPages only when it is absent (a count can lag behind inserts, and a page left unread is
     * a lost record). An empty page is not the end by itself: PagedIterable follows one that announces more, within
     * its bound.
     */
    private static boolean hasNext(BackgroundJobPage page, long number) {
        if (page.hasNextPage() != null) {
            return page.hasNextPage();
        }
        return page.totalPages() != null && number < page.totalPages();
    }

    @Override
    public JobWaiter<BusinessBackgroundJob> waiter(long id) {
        return JobWaiters.create(transport, Long.toString(id), getRequest(id), jobReader, pollPolicy, options);
    }

    @Override
    public JobWatcher<BusinessBackgroundJob> watcher(
            WatchOptions watchOptions, WatchListener<? super BusinessBackgroundJob> listener) {
        PollPolicy policy = watchOptions.policy();
        return RealJobWatcher.start(
                transport,
                new WatchSource<>(
                        id -> getRequest(Long.parseLong(id)),
                        jobReader,
                        options,
                        RealBackgroundJobs::checkId,
                        () -> new ListingRounds(pageReader, zone)),
                policy != null ? policy : pollPolicy,
                watchOptions.fullRecords(),
                Objects.requireNonNull(listener, "listener"));
    }

    private static String checkId(String id) {
        try {
            return Long.toString(Long.parseLong(id.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a Nexudus job id is a whole number (" + e.getMessage() + ")", e);
        }
    }

    private static ApiRequest getRequest(long id) {
        return ApiRequest.get()
                .operation("get", Long.toString(id))
                .path(PATH)
                .pathParam("id", Long.toString(id))
                .build();
    }
}
