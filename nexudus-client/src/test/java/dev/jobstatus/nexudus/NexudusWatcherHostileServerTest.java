package dev.jobstatus.nexudus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.exception.ServerException;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.core.watch.JobWatcher;
import dev.jobstatus.core.watch.WatchEvent;
import dev.jobstatus.core.watch.WatchOptions;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.testkit.VirtualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Nexudus watcher against a hostile server on loopback, in virtual time: listings that fail, lie or leave the job
 * out. Every job ends by the watcher's deadline, with its status or a typed exception naming it, and the watcher never
 * polls in a tight loop.
 */
class NexudusWatcherHostileServerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final ManualTimeSource time = new ManualTimeSource();
    private final VirtualScheduler scheduler = new VirtualScheduler(time::nanoTime, time::advance);
    private final OkHttpClient http = new OkHttpClient();
    private final MockWebServer server = new MockWebServer();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<WatchEvent<? extends BusinessBackgroundJob>> events = new CopyOnWriteArrayList<>();
    private volatile Function<Integer, MockResponse> listing = n -> page();
    /** The window the listing being served was asked for ({@code from_BusinessBackgroundJob_UpdatedOn}), or null. */
    private volatile @Nullable String window;

    private volatile Function<Integer, MockResponse> get =
            n -> new MockResponse.Builder().code(404).build();
    private NexudusClient client;

    @BeforeEach
    void setUp() throws IOException {
        AtomicInteger listings = new AtomicInteger();
        AtomicInteger gets = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                paths.add(path);
                window = request.getUrl().queryParameter("from_BusinessBackgroundJob_UpdatedOn");
                return path.endsWith("/businessbackgroundjobs")
                        ? listing.apply(listings.incrementAndGet())
                        : get.apply(gets.incrementAndGet());
            }
        });
        server.start();
        client = NexudusClient.builder()
                .baseUrl(server.url("/"))
                .basicAuth("admin@example.com", "secret")
                .timeSource(time)
                .scheduler(scheduler)
                .httpClient(http)
                .build();
    }

    @AfterEach
    void tearDown() throws IOException {
        client.close();
        server.close();
    }

    private JobWatcher<BusinessBackgroundJob> watcher(Duration timeout) {
        return client.backgroundJobs()
                .watcher(
                        WatchOptions.builder()
                                .policy(PollPolicy.builder()
                                        .initialInterval(Duration.ofSeconds(1))
                                        .maxInterval(Duration.ofSeconds(10))
                                        .jitter(0)
                                        .timeout(timeout)
                                        .build())
                                .build(),
                        events::add);
    }

    private void runUntilAllEnded(JobWatcher<?> watcher) {
        CompletableFuture<Void> all = watcher.awaitAllAsync();
        scheduler.runUntil(all::isDone, http.dispatcher(), Duration.ofMinutes(2));
    }

    private static String record(long id, String status, Instant updatedOn) {
        return "{\"Id\":" + id + ",\"Status\":\"" + status + "\",\"UpdatedOn\":\"" + updatedOn + "\"}";
    }

    private static MockResponse page(String... records) {
        return json(200, "{\"Records\":[" + String.join(",", records) + "],\"HasNextPage\":false,\"TotalPages\":1}");
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private long listingCount() {
        return paths.stream().filter(p -> p.endsWith("/businessbackgroundjobs")).count();
    }

    private Throwable failure(JobWatcher<BusinessBackgroundJob> watcher, String id) {
        return assertThrows(
                        ExecutionException.class, () -> watcher.awaitAsync(id).get())
                .getCause();
    }

    @Test
    void aListingThatFailsForeverEndsTheJobByTheDeadlineWithTheFailureAsCauseAndNoTightLoop() {
        assertEndsByTheDeadline(n -> json(500, "{\"Message\":\"An error has occurred.\"}"), ServerException.class);
    }

    @Test
    void aMalformedOrTruncatedListingEndsTheJobByTheDeadlineWithAMalformedResponseCause() {
        assertEndsByTheDeadline(
                n -> n % 2 == 0 ? json(200, "{\"Records\":[{\"Id\":7,") : json(200, "[]"),
                MalformedResponseException.class);
    }

    private void assertEndsByTheDeadline(Function<Integer, MockResponse> failing, Class<? extends Throwable> cause) {
        listing = failing;
        JobWatcher<BusinessBackgroundJob> watcher = watcher(Duration.ofMinutes(2));
        watcher.add("7");

        runUntilAllEnded(watcher);

        assertThat(failure(watcher, "7"))
                .isInstanceOf(JobWaitTimeoutException.class)
                .hasMessageContaining("nexudus job 7")
                .hasCauseInstanceOf(cause);
        // Two minutes at intervals of 1 s growing to 10 s: a round every few seconds, each with its retries.
        assertThat(listingCount()).isLessThan(100);
    }

    @Test
    void aJobTheListingNeverShowsIsPolledByGetsUntilItEnds() throws Exception {
        // The listing leaves job 7 out (another user's job, a listing scoped otherwise); a get shows it running
        // three times, then completed.
        listing = n -> page(record(1, "Running", NOW));
        get = n -> json(200, record(7, n <= 3 ? "Running" : "Completed", NOW.plusSeconds(n)));
        JobWatcher<BusinessBackgroundJob> watcher = watcher(Duration.ofMinutes(5));
        watcher.add("7");

        runUntilAllEnded(watcher);

        assertThat(watcher.awaitAsync("7").get().status()).isEqualTo("Completed");
    }

    @Test
    void aRecordStampedFarInTheFutureDoesNotMoveTheWindowPastLaterChanges() throws Exception {
        // Round 1 sees job 7 running and, on the account, a record stamped in 2099. Job 7 completes a minute later:
        // a window starting in 2099 would never list it.
        Instant future = Instant.parse("2099-01-01T00:00:00Z");
        listing = n -> {
            if (n == 1) {
                return page(record(7, "Running", NOW), record(8, "Running", future));
            }
            // The server filters by the window as Nexudus does: a window from 2098 or later shows record 8 alone.
            String from = window;
            return from != null && from.compareTo("2098") > 0
                    ? page(record(8, "Running", future))
                    : page(record(7, "Completed", NOW.plusSeconds(60)), record(8, "Running", future));
        };
        JobWatcher<BusinessBackgroundJob> watcher = watcher(Duration.ofMinutes(5));
        watcher.add("7");

        runUntilAllEnded(watcher);

        assertThat(watcher.awaitAsync("7").get().status()).isEqualTo("Completed");
    }

    @Test
    void aThrottledListingRoundWaitsAsAskedAndKeepsTheListing() throws Exception {
        // Nexudus throttles with a 409 and Retry-After; five minutes is longer than the retry policy waits, so the
        // round fails. It is no reason to poll each job by a get, which costs the quota more.
        listing = n -> n == 1
                ? new MockResponse.Builder()
                        .code(409)
                        .setHeader("Retry-After", "300")
                        .body("You must wait before accessing this url again.")
                        .build()
                : page(record(7, "Completed", NOW));
        JobWatcher<BusinessBackgroundJob> watcher = watcher(Duration.ofMinutes(10));
        watcher.add("7");

        runUntilAllEnded(watcher);

        assertThat(watcher.awaitAsync("7").get().status()).isEqualTo("Completed");
        assertThat(paths).as("listings only").allMatch(p -> p.endsWith("/businessbackgroundjobs"));
    }

    @Test
    void aPageWithTheSameIdTwiceReportsTheJobEndedOnce() throws Exception {
        listing = n -> page(
                record(7, "Running", NOW),
                record(7, "Completed", NOW.plusSeconds(1)),
                record(7, "Completed", NOW.plusSeconds(1)));
        JobWatcher<BusinessBackgroundJob> watcher = watcher(Duration.ofMinutes(5));
        watcher.add("7");

        runUntilAllEnded(watcher);

        assertThat(watcher.awaitAsync("7").get().status()).isEqualTo("Completed");
        assertThat(events).filteredOn(e -> e instanceof WatchEvent.Ended<?>).hasSize(1);
    }

    @Test
    void aJobWithAnUnknownStatusTimesOutNamingItsLastStatus() {
        listing = n -> page(record(7, "Teleporting", NOW.plusSeconds(n)));
        JobWatcher<BusinessBackgroundJob> watcher = watcher(Duration.ofMinutes(2));
        watcher.add("7");

        runUntilAllEnded(watcher);

        assertThat(failure(watcher, "7"))
                .isInstanceOf(JobWaitTimeoutException.class)
                .hasMessageContaining("nexudus job 7");
        assertThat(events).filteredOn(e -> e instanceof WatchEvent.Changed<?>).isNotEmpty();
    }

    @Test
    void idsAndTimeoutsACarelessCallerGivesAreTakenAsAddTakesThem() {
        // A timeout no clock can count to, and ids spelled as people spell them.
        JobWatcher<BusinessBackgroundJob> watcher = watcher(ChronoUnit.FOREVER.getDuration());
        assertThat(watcher.awaitAllAsync()).as("no job yet").isDone();
        watcher.add("007");
        watcher.add(" 7");

        assertThat(watcher.pending()).containsExactly("7");
        assertThat(watcher.awaitAsync("007")).isSameAs(watcher.awaitAsync("7"));
        assertThat(watcher.remove(" 7")).isTrue();
        assertThat(watcher.awaitAsync("7")).isCancelled();
        assertThat(watcher.awaitAllAsync()).isDone();
        assertThrows(IllegalArgumentException.class, () -> watcher.awaitAsync("8"));
        assertThrows(IllegalArgumentException.class, () -> watcher.add("seven"));
        watcher.close();
        assertThrows(IllegalStateException.class, () -> watcher.add("9"));
    }

    @Test
    void aListenerThatThrowsAndACancelledFutureLoseNoOtherJob() throws Exception {
        listing = n -> page(record(7, n < 3 ? "Running" : "Completed", NOW.plusSeconds(n)), record(8, "Running", NOW));
        JobWatcher<BusinessBackgroundJob> watcher = client.backgroundJobs().watcher(WatchOptions.defaults(), event -> {
            throw new IllegalStateException("careless listener");
        });
        watcher.addAll(List.of("7", "8"));
        watcher.awaitAsync("8").cancel(false);

        runUntilAllEnded(watcher);

        assertThat(watcher.awaitAsync("7").get().status()).isEqualTo("Completed");
        assertThat(watcher.pending()).isEmpty();
    }
}
