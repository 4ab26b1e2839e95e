package dev.jobstatus.nexudus.internal;

import dev.jobstatus.core.internal.json.InstantDeserializer;
import dev.jobstatus.core.internal.json.Json;
import dev.jobstatus.core.internal.transport.BodyReader;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.nexudus.StatusClassifier;
import dev.jobstatus.nexudus.model.BackgroundJobPage;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.nexudus.model.BusinessBackgroundJobSummary;
import java.time.ZoneId;
import java.util.List;

/**
 * The Nexudus client's body readers: the SDK's Jackson configuration with zoneless timestamps read in the client's
 * zone, and each job's common state classified from its {@code Status} by the client's {@link StatusClassifier} once
 * the record is read. (A listing page without its {@code Records} array is refused by the page record's creator.)
 */
public final class NexudusJson {
    private NexudusJson() {}

    /** Returns the reader of one job. */
    public static BodyReader<BusinessBackgroundJob> job(ZoneId zone, StatusClassifier classifier) {
        return BodyReader.<BusinessBackgroundJob>json(
                        Json.reader(BusinessBackgroundJob.class).withAttribute(InstantDeserializer.ZONE, zone),
                        "BusinessBackgroundJob JSON object")
                .map(job -> job.withState(classify(classifier, job.status())));
    }

    /** Returns the reader of a listing page. */
    public static BodyReader<BackgroundJobPage> page(ZoneId zone, StatusClassifier classifier) {
        return BodyReader.<BackgroundJobPage>json(
                        Json.reader(BackgroundJobPage.class).withAttribute(InstantDeserializer.ZONE, zone),
                        "BusinessBackgroundJob listing JSON object")
                .map(page -> classified(page, classifier));
    }

    private static BackgroundJobPage classified(BackgroundJobPage page, StatusClassifier classifier) {
        List<BusinessBackgroundJobSummary> records = page.records().stream()
                .map(job -> job.withState(classify(classifier, job.status())))
                .toList();
        return new BackgroundJobPage(
                records,
                page.currentPage(),
                page.currentPageSize(),
                page.currentOrderField(),
                page.currentSortDirection(),
                page.firstItem(),
                page.lastItem(),
                page.totalItems(),
                page.totalPages(),
                page.hasNextPage(),
                page.hasPreviousPage());
    }

    private static JobState classify(StatusClassifier classifier, String status) {
        JobState state = classifier.classify(status);
        return state == null ? JobState.UNKNOWN : state;
    }
}
