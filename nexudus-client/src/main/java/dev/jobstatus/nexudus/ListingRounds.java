package dev.jobstatus.nexudus;

import dev.jobstatus.core.internal.transport.BodyReader;
import dev.jobstatus.core.internal.watch.Listing;
import dev.jobstatus.nexudus.model.BackgroundJobPage;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.nexudus.model.BusinessBackgroundJobSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A watcher's rounds over the Nexudus listing. Each round lists the jobs updated since the newest {@code UpdatedOn}
 * seen so far, less a minute: {@code from_BusinessBackgroundJob_UpdatedOn} takes minutes only, and a change stamped
 * just before a minute's edge may become visible after a round that saw one stamped after it, so the window overlaps
 * the round before by a minute (the watcher reports a record seen again with the same {@code UpdatedOn} and status
 * once). The window's start comes from the server's own {@code UpdatedOn} values, never from the local clock, so
 * clock skew and time zones cannot open a gap. No single record of the account moves the window, only a watched job's
 * or the second newest of a round, so that one record stamped far in the future cannot move it past every later change
 * (a watched job's next change is stamped after its last). The listing is sorted by {@code UpdatedOn}, oldest first,
 * in pages of 1000 read to the end: a record that moves meanwhile has a newer {@code UpdatedOn} and is in the next
 * round.
 *
 * <p>Before the window is known, and when jobs were added that no round has seen, a round also reads the newest jobs
 * first, unfiltered, until it has seen every one of them or read {@link #MAX_PAGES} pages; the jobs it does not find
 * are left to the watcher's single gets.
 */
final class ListingRounds implements Listing<BusinessBackgroundJob> {
    static final int PAGE_SIZE = BackgroundJobQuery.MAX_PAGE_SIZE;
    /** The most pages one pass of a round reads; the window pass goes on from where it stopped at the next round. */
    static final int MAX_PAGES = 10;

    private static final Duration OVERLAP = Duration.ofMinutes(1);

    private final BodyReader<BackgroundJobPage> pageReader;
    private final ZoneId zone;
    /**
     * The newest {@code UpdatedOn} of a watched job any round has seen, or the second newest of a round: the server's
     * clock, as far as it shows it.
     */
    private volatile @Nullable Instant newest;

    ListingRounds(BodyReader<BackgroundJobPage> pageReader, ZoneId zone) {
        this.pageReader = pageReader;
        this.zone = zone;
    }

    @Override
    public CompletableFuture<List<Listed<BusinessBackgroundJob>>> round(
            Set<String> wanted, Set<String> watched, Requests requests) {
        List<Listed<BusinessBackgroundJob>> seen = new ArrayList<>();
        Instant since = newest;
        CompletableFuture<Void> window = CompletableFuture.completedFuture(null);
        if (since != null) {
            LocalDateTime from =
                    LocalDateTime.ofInstant(since.minus(OVERLAP), zone).truncatedTo(ChronoUnit.MINUTES);
            window = pass(
                    BackgroundJobQuery.builder()
                            .updatedFrom(from)
                            .orderBy(BackgroundJobField.UPDATED_ON)
                            .direction(SortDirection.ASCENDING)
                            .pageSize(PAGE_SIZE)
                            .build(),
                    1,
                    null,
                    watched,
                    requests,
                    seen);
        }
        Set<String> missing = new HashSet<>(wanted);
        return window.thenCompose(done -> {
                    if (newest != null) {
                        seen.forEach(listed -> missing.remove(listed.id()));
                        if (missing.isEmpty()) {
                            return CompletableFuture.completedFuture(null);
                        }
                    }
                    return pass(
                            BackgroundJobQuery.builder()
                                    .orderBy(BackgroundJobField.UPDATED_ON)
                                    .direction(SortDirection.DESCENDING)
                                    .pageSize(PAGE_SIZE)
                                    .build(),
                            1,
                            missing,
                            watched,
                            requests,
                            seen);
                })
                .thenApply(done -> {
                    advance(seen.stream()
                            .map(listed -> listed.job().updatedOn())
                            .filter(Objects::nonNull)
                            .sorted(Comparator.reverseOrder())
                            .skip(1)
                            .findFirst()
                            .orElse(null));
                    return seen;
                });
    }

    /**
     * Reads page {@code page} of {@code query} and the pages after it, up to {@link #MAX_PAGES}: all of them, or, when
     * {@code missing} is given, until none of those jobs is missing any more.
     */
    private CompletableFuture<Void> pass(
            BackgroundJobQuery query,
            int page,
            @Nullable Set<String> missing,
            Set<String> watched,
            Requests requests,
            List<Listed<BusinessBackgroundJob>> seen) {
        return requests.send(RealBackgroundJobs.listRequest(query.withPage(page)), pageReader)
                .thenCompose(listed -> {
                    for (BusinessBackgroundJobSummary summary : listed.records()) {
                        String id = Long.toString(summary.id());
                        seen.add(new Listed<>(id, full(summary), summary.updatedOn() + "|" + summary.status()));
                        if (missing != null) {
                            missing.remove(id);
                        }
                        if (watched.contains(id)) {
                            advance(summary.updatedOn());
                        }
                    }
                    boolean more = !listed.records().isEmpty()
                            && (listed.hasNextPage() != null
                                    ? listed.hasNextPage()
                                    : listed.totalPages() != null && page < listed.totalPages());
                    if (!more || page >= MAX_PAGES || (missing != null && missing.isEmpty())) {
                        return CompletableFuture.completedFuture(null);
                    }
                    return pass(query, page + 1, missing, watched, requests, seen);
                });
    }

    private void advance(@Nullable Instant updated) {
        Instant known = newest;
        if (updated != null && (known == null || updated.isAfter(known))) {
            newest = updated;
        }
    }

    /** Returns the listing's record as a job without its {@code ResultData}, which the listing leaves out. */
    static BusinessBackgroundJob full(BusinessBackgroundJobSummary s) {
        return new BusinessBackgroundJob(
                s.businessId(),
                s.businessName(),
                s.userId(),
                s.userFullName(),
                s.userEmail(),
                s.jobId(),
                s.description(),
                s.files(),
                s.status(),
                null,
                s.id(),
                s.uniqueId(),
                s.createdOn(),
                s.updatedOn(),
                s.updatedBy(),
                s.isNew(),
                s.systemId(),
                s.toStringText(),
                s.localizationDetails(),
                s.customFields(),
                s.state());
    }
}
