package dev.jobstatus.nexudus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.nexudus.model.BackgroundJobPage;
import dev.jobstatus.nexudus.model.BusinessBackgroundJobSummary;
import dev.jobstatus.testkit.NexudusSimulator;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackgroundJobsListingTest {
    private NexudusSimulator simulator;
    private MockWebServer server;
    private NexudusClient client;

    @BeforeEach
    void start() {
        simulator = NexudusSimulator.start().seed(2500).withoutRateLimits();
        server = simulator.server();
        client = NexudusClient.builder()
                .baseUrl(simulator.baseUrl())
                .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .rateLimiter(RateLimiter.unlimited())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    private List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            requests.add(server.takeRequest());
        }
        return requests;
    }

    /** Lists every job and checks that each seeded one came once, in order, from pages 1 to {@code pages} of 1000. */
    private void listsEveryJobOnceInOrder(int pages) throws InterruptedException {
        List<Long> ids = client.backgroundJobs().listAll(BackgroundJobQuery.all()).stream()
                .map(BusinessBackgroundJobSummary::id)
                .toList();

        assertThat(ids)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 2500).boxed().toList());
        assertThat(requests())
                .extracting(RecordedRequest::getTarget)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, pages)
                        .mapToObj(n -> "/api/sys/businessbackgroundjobs?page=" + n + "&size=1000")
                        .toList());
    }

    @Test
    void listAllYieldsEveryJobOnceInOrderWithOneRequestPerThousand() throws Exception {
        listsEveryJobOnceInOrder(3);
    }

    @Test
    void anEmptyPageThatAnnouncesMoreIsFollowedAndNoRecordIsLost() throws Exception {
        simulator.emptyPage(2);

        listsEveryJobOnceInOrder(4);
    }

    @Test
    void theCallersStatusClassifierGivesListedAndFetchedJobsTheirState() {
        try (NexudusClient custom = NexudusClient.builder()
                .baseUrl(simulator.baseUrl())
                .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .rateLimiter(RateLimiter.unlimited())
                .statusClassifier(status -> "Failed".equals(status) ? JobState.SUCCEEDED : JobState.RUNNING)
                .build()) {
            BackgroundJobPage page = custom.backgroundJobs()
                    .list(BackgroundJobQuery.builder().pageSize(10).build());

            assertThat(page.records())
                    .hasSize(10)
                    .allSatisfy(job -> assertThat(job.state())
                            .isEqualTo("Failed".equals(job.status()) ? JobState.SUCCEEDED : JobState.RUNNING));
            assertThat(page.records())
                    .extracting(BusinessBackgroundJobSummary::state)
                    .contains(JobState.SUCCEEDED);
            assertThat(custom.backgroundJobs().get(page.records().get(0).id()).state())
                    .isEqualTo(page.records().get(0).state());
        }
    }

    @Test
    void listAllWithFilterSortAndPageSizeMatchesTheServersOwnAnswer() throws Exception {
        BackgroundJobQuery query = BackgroundJobQuery.builder()
                .status("Completed")
                .orderBy(BackgroundJobField.CREATED_ON)
                .direction(SortDirection.DESCENDING)
                .pageSize(300)
                .build();

        List<BusinessBackgroundJobSummary> jobs =
                client.backgroundJobs().listAll(query).stream().toList();

        List<RecordedRequest> requests = requests();
        assertThat(requests).hasSize(4); // 1000 completed jobs in pages of 300
        assertThat(jobs).hasSize(1000).allSatisfy(job -> {
            assertThat(job.status()).isEqualTo("Completed");
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        });
        assertThat(jobs)
                .extracting(BusinessBackgroundJobSummary::id)
                .containsExactlyElementsOf(simulator.matching(requests.get(0).getUrl()).stream()
                        .map(job -> (Long) job.get("Id"))
                        .toList());
        assertThat(jobs)
                .extracting(BusinessBackgroundJobSummary::createdOn)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(requests.get(3).getTarget())
                .isEqualTo("/api/sys/businessbackgroundjobs"
                        + "?page=4&size=300&orderBy=CreatedOn&dir=-1&BusinessBackgroundJob_Status=Completed");
    }

    @Test
    void everyFilterRangeAndSortOptionIsSentExactly() throws Exception {
        BackgroundJobQuery query = BackgroundJobQuery.builder()
                .page(2)
                .pageSize(50)
                .orderBy(BackgroundJobField.UPDATED_ON)
                .direction(SortDirection.ASCENDING)
                .business(3)
                .businessName("Main St")
                .user(104)
                .userFullName("Ann Lee")
                .userEmail("ann@example.com")
                .jobId("0000-11")
                .description("Import members")
                .files("a b.csv")
                .status("Running")
                .resultData("ok")
                .createdFrom(LocalDateTime.of(2025, 1, 1, 0, 0))
                .createdTo(LocalDateTime.of(2025, 12, 31, 23, 59, 59))
                .updatedFrom(LocalDateTime.of(2025, 2, 3, 4, 5))
                .updatedTo(LocalDateTime.of(2025, 6, 7, 8, 9))
                .extraParameter("custom", "x&y=z")
                .build();

        client.backgroundJobs().list(query);

        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/api/sys/businessbackgroundjobs?page=2&size=50"
                        + "&orderBy=UpdatedOn&dir=1"
                        + "&BusinessBackgroundJob_Business=3&BusinessBackgroundJob_Business_Name=Main%20St"
                        + "&BusinessBackgroundJob_User=104&BusinessBackgroundJob_User_FullName=Ann%20Lee"
                        + "&BusinessBackgroundJob_User_Email=ann@example.com&BusinessBackgroundJob_JobId=0000-11"
                        + "&BusinessBackgroundJob_Description=Import%20members&BusinessBackgroundJob_Files=a%20b.csv"
                        + "&BusinessBackgroundJob_Status=Running&BusinessBackgroundJob_ResultData=ok"
                        + "&from_BusinessBackgroundJob_CreatedOn=2025-01-01T00:00&to_BusinessBackgroundJob_CreatedOn=2025-12-31T23:59"
                        + "&from_BusinessBackgroundJob_UpdatedOn=2025-02-03T04:05&to_BusinessBackgroundJob_UpdatedOn=2025-06-07T08:09"
                        + "&custom=x%26y%3Dz");
    }

    @Test
    void rawOrderByAndEachSortFieldUseTheRecordsPropertyNames() throws Exception {
        client.backgroundJobs()
                .list(BackgroundJobQuery.builder().orderBy("ToStringText").build());
        for (BackgroundJobField field : BackgroundJobField.values()) {
            client.backgroundJobs()
                    .list(BackgroundJobQuery.builder()
                            .orderBy(field)
                            .direction(SortDirection.DESCENDING)
                            .build());
        }

        List<RecordedRequest> requests = requests();
        assertThat(requests.get(0).getTarget()).isEqualTo("/api/sys/businessbackgroundjobs?orderBy=ToStringText");
        for (int i = 0; i < BackgroundJobField.values().length; i++) {
            assertThat(requests.get(i + 1).getTarget())
                    .isEqualTo("/api/sys/businessbackgroundjobs?orderBy=" + BackgroundJobField.values()[i].wireName()
                            + "&dir=-1");
        }
        assertThat(Arrays.stream(BusinessBackgroundJobSummary.class.getRecordComponents())
                        .map(c -> c.getName())
                        .toList())
                .containsAll(Arrays.stream(BackgroundJobField.values())
                        .filter(f -> f != BackgroundJobField.RESULT_DATA)
                        .map(f -> Character.toLowerCase(f.wireName().charAt(0))
                                + f.wireName().substring(1))
                        .toList());
    }

    @Test
    void onePageExposesTheEnvelopeAndSummariesWithoutResultData() {
        BackgroundJobPage page = client.backgroundJobs()
                .list(BackgroundJobQuery.builder()
                        .page(2)
                        .pageSize(100)
                        .orderBy(BackgroundJobField.ID)
                        .build());

        assertThat(page.currentPage()).isEqualTo(2);
        assertThat(page.currentPageSize()).isEqualTo(100);
        assertThat(page.currentOrderField()).isEqualTo("Id");
        assertThat(page.currentSortDirection()).isEqualTo(1);
        assertThat(page.firstItem()).isEqualTo(101);
        assertThat(page.lastItem()).isEqualTo(200);
        assertThat(page.totalItems()).isEqualTo(2500);
        assertThat(page.totalPages()).isEqualTo(25);
        assertThat(page.hasNextPage()).isTrue();
        assertThat(page.hasPreviousPage()).isTrue();
        assertThat(page.records()).hasSize(100).first().satisfies(job -> {
            assertThat(job.id()).isEqualTo(101);
            assertThat(job.status()).isEqualTo("Failed");
            assertThat(job.state()).isEqualTo(JobState.FAILED);
        });
        assertThat(BusinessBackgroundJobSummary.class.getRecordComponents())
                .noneMatch(c -> c.getName().equals("resultData"));
        assertThat(client.backgroundJobs().get(101).resultData()).isEqualTo("{\"rows\":101}");
    }

    @Test
    void rangeFiltersSelectByMinute() {
        BackgroundJobQuery query = BackgroundJobQuery.builder()
                .createdFrom(LocalDateTime.of(2025, 1, 1, 0, 7))
                .createdTo(LocalDateTime.of(2025, 1, 1, 0, 35))
                .build();

        assertThat(client.backgroundJobs().listAll(query).stream()
                        .map(BusinessBackgroundJobSummary::id)
                        .toList())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void recordsInsertedDuringIterationAreNotYieldedTwiceNorLost() {
        AtomicLong nextId = new AtomicLong(100_000);
        simulator.beforeEachListing(() -> {
            long id = nextId.incrementAndGet();
            simulator.addJob(Map.of("Id", id, "Status", "Queued", "CreatedOn", "2030-01-01T00:00:00Z"));
        });
        BackgroundJobQuery newestFirst = BackgroundJobQuery.builder()
                .orderBy(BackgroundJobField.CREATED_ON)
                .direction(SortDirection.DESCENDING)
                .pageSize(100)
                .build();

        List<Long> ids = client.backgroundJobs().listAll(newestFirst).stream()
                .map(BusinessBackgroundJobSummary::id)
                .toList();

        Set<Long> seen = new HashSet<>(ids);
        assertThat(seen).hasSize(ids.size());
        assertThat(seen).containsAll(LongStream.rangeClosed(1, 2500).boxed().toList());
    }
}
