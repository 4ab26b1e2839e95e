package dev.jobstatus.nexudus;

import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.exception.BadRequestException;
import dev.jobstatus.core.exception.ConflictException;
import dev.jobstatus.core.exception.ErrorDetail;
import dev.jobstatus.core.exception.JobFailedException;
import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.exception.NotFoundException;
import dev.jobstatus.core.exception.RateLimitException;
import dev.jobstatus.core.exception.ServerException;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.PollEvent;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.nexudus.model.BackgroundJobPage;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.testkit.NexudusSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NexudusClientTest {
    /** The "Example Response" of the get endpoint's documentation, verbatim. */
    static final String DOCS_JOB = """
            {
              "BusinessId": 0,
              "BusinessName": null,
              "UserId": null,
              "UserFullName": null,
              "UserEmail": null,
              "JobId": null,
              "Description": null,
              "Files": null,
              "Status": null,
              "ResultData": null,
              "Id": 87654321,
              "UpdatedOn": "2025-01-15T10:30:00Z",
              "CreatedOn": "2025-01-10T08:00:00Z",
              "UniqueId": "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
              "UpdatedBy": "admin@example.com",
              "IsNew": false,
              "SystemId": null,
              "ToStringText": "BusinessBackgroundJob Example",
              "LocalizationDetails": null,
              "CustomFields": null
            }""";

    /** The "Example Response" of the listing's documentation, verbatim. */
    static final String DOCS_LIST = """
            {
              "Records": [
                %s
              ],
              "CurrentPageSize": 15,
              "CurrentPage": 1,
              "CurrentOrderField": "CreatedOn",
              "CurrentSortDirection": 1,
              "FirstItem": 1,
              "HasNextPage": false,
              "HasPreviousPage": false,
              "LastItem": 1,
              "PageNumber": 1,
              "PageSize": 15,
              "TotalItems": 1,
              "TotalPages": 1
            }""".formatted(DOCS_JOB);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ManualTimeSource time = new ManualTimeSource();

    private NexudusClient.Builder builder() {
        return NexudusClient.builder()
                .baseUrl(server.url("/"))
                .bearerToken("tok")
                .timeSource(time)
                .rateLimiter(RateLimiter.unlimited())
                .retryPolicy(RetryPolicy.builder().fullJitter(false).build());
    }

    @Test
    void theDocumentedJobParses() throws Exception {
        server.enqueue(json(200, DOCS_JOB));

        BusinessBackgroundJob job = builder().build().backgroundJobs().get(87654321);

        assertThat(server.takeRequest().getRequestLine())
                .isEqualTo("GET /api/sys/businessbackgroundjobs/87654321 HTTP/1.1");
        assertThat(job.id()).isEqualTo(87654321L);
        assertThat(job.businessId()).isZero();
        assertThat(job.businessName()).isNull();
        assertThat(job.userId()).isNull();
        assertThat(job.status()).isNull();
        assertThat(job.state()).isEqualTo(JobState.UNKNOWN);
        assertThat(job.resultData()).isNull();
        assertThat(job.updatedOn()).isEqualTo(Instant.parse("2025-01-15T10:30:00Z"));
        assertThat(job.createdOn()).isEqualTo(Instant.parse("2025-01-10T08:00:00Z"));
        assertThat(job.uniqueId()).isEqualTo("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
        assertThat(job.updatedBy()).isEqualTo("admin@example.com");
        assertThat(job.isNew()).isFalse();
        assertThat(job.toStringText()).isEqualTo("BusinessBackgroundJob Example");
        assertThat(job.localizationDetails()).isNull();
        assertThat(job.customFields()).isNull();
    }

    @Test
    void theDocumentedListingParses() {
        server.enqueue(json(200, DOCS_LIST));

        BackgroundJobPage page = builder()
                .build()
                .backgroundJobs()
                .list(BackgroundJobQuery.builder()
                        .page(1)
                        .pageSize(15)
                        .orderBy(BackgroundJobField.CREATED_ON)
                        .direction(SortDirection.ASCENDING)
                        .build());

        assertThat(page.records()).singleElement().satisfies(job -> {
            assertThat(job.id()).isEqualTo(87654321L);
            assertThat(job.updatedOn()).isEqualTo(Instant.parse("2025-01-15T10:30:00Z"));
        });
        assertThat(page.currentPage()).isEqualTo(1);
        assertThat(page.currentPageSize()).isEqualTo(15);
        assertThat(page.firstItem()).isEqualTo(1);
        assertThat(page.lastItem()).isEqualTo(1);
        assertThat(page.hasPreviousPage()).isFalse();
        assertThat(page.currentOrderField()).isEqualTo("CreatedOn");
        assertThat(page.currentSortDirection()).isEqualTo(1);
        assertThat(page.totalItems()).isEqualTo(1);
        assertThat(page.totalPages()).isEqualTo(1);
        assertThat(page.hasNextPage()).isFalse();
    }

    @Test
    void timestampsWithoutAZoneAreReadInTheConfiguredZone() {
        String job =
                "{\"Id\":1,\"CreatedOn\":\"2015-07-12T18:14:58\",\"UpdatedOn\":\"2015-07-12T18:14:58.123+02:00\",\"Extra\":{\"a\":[1]}}";
        server.enqueue(json(200, job));
        server.enqueue(json(200, job));

        BusinessBackgroundJob utc = builder().build().backgroundJobs().get(1);
        BusinessBackgroundJob london = builder()
                .timeZone(ZoneId.of("Europe/London"))
                .build()
                .backgroundJobs()
                .get(1);

        assertThat(utc.createdOn()).isEqualTo(Instant.parse("2015-07-12T18:14:58Z"));
        assertThat(london.createdOn()).isEqualTo(Instant.parse("2015-07-12T17:14:58Z"));
        assertThat(london.updatedOn()).isEqualTo(Instant.parse("2015-07-12T16:14:58.123Z"));
    }

    @Test
    void errorBodiesMapToTypedExceptionsWithTheirMessages() {
        NexudusClient client = builder().retryPolicy(RetryPolicy.none()).build();
        server.enqueue(json(404, "\"Not found\""));
        server.enqueue(json(500, "{\"Message\": \"An error has occurred.\"}"));
        server.enqueue(json(
                400,
                "{\"Message\":\"The request is invalid.\",\"Status\":200,\"Errors\":[{\"PropertyName\":\"Size\","
                        + "\"Message\":\"must be at most 1000\",\"AttemptedValue\":5000}]}"));

        NotFoundException missing = catchThrowableOfType(
                NotFoundException.class, () -> client.backgroundJobs().get(1));
        ServerException failed = catchThrowableOfType(
                ServerException.class, () -> client.backgroundJobs().get(2));
        BadRequestException invalid = catchThrowableOfType(
                BadRequestException.class, () -> client.backgroundJobs().list(BackgroundJobQuery.all()));

        assertThat(missing.errorMessage()).contains("Not found");
        assertThat(missing.getMessage())
                .isEqualTo(
                        "nexudus API returned HTTP 404 for GET /api/sys/businessbackgroundjobs/1: Not found (attempts 1)");
        assertThat(failed.errorMessage()).contains("An error has occurred.");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.errorMessage()).contains("The request is invalid.");
        assertThat(invalid.details())
                .containsExactly(new ErrorDetail("Size", "must be at most 1000", Map.of("attemptedValue", "5000")));
    }

    @Test
    void fieldErrorsThatEchoTheTokenOrForgeALineAreRedactedAndEscaped() {
        NexudusClient client = NexudusClient.builder()
                .baseUrl(server.url("/"))
                .bearerToken("tok-SECRET-4f2a9")
                .timeSource(time)
                .rateLimiter(RateLimiter.unlimited())
                .retryPolicy(RetryPolicy.none())
                .build();
        server.enqueue(
                json(
                        400,
                        "{\"Message\":\"The request is invalid.\",\"Errors\":[{\"PropertyName\":\"Description\","
                                + "\"Message\":\"too long\\nERROR token=tok-SECRET-4f2a9\",\"AttemptedValue\":\"Bearer tok-SECRET-4f2a9\"}]}"));

        BadRequestException invalid = catchThrowableOfType(
                BadRequestException.class, () -> client.backgroundJobs().get(1));

        assertThat(invalid.getMessage())
                .endsWith("The request is invalid.; Description: too long\\nERROR token=*** (attempts 1)");
        assertThat(invalid.details())
                .containsExactly(
                        new ErrorDetail("Description", "too long\\nERROR token=***", Map.of("attemptedValue", "***")));
    }

    @Test
    void aBaseUrlWithAPasswordNeverShowsIt() {
        NexudusClient.Builder builder = NexudusClient.builder().bearerToken("t");

        assertThatThrownBy(() -> builder.baseUrl("htps://me:s3cr3t^pw@spaces.nexudus.com/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an http or https URL: htps://***@spaces.nexudus.com/");
        try (NexudusClient client =
                builder.baseUrl("https://me:s3cr3t-pw@spaces.nexudus.com/").build()) {
            assertThat(client.toString()).isEqualTo("NexudusClient[https://***@spaces.nexudus.com/]");
        }
    }

    @Test
    void aThrottled409IsRetriedAfterItsRetryAfter() {
        server.enqueue(new MockResponse.Builder()
                .code(409)
                .setHeader("Retry-After", "3")
                .body("You must wait before accessing this url again.")
                .build());
        server.enqueue(json(200, DOCS_JOB));

        assertThat(builder().build().backgroundJobs().get(87654321).id()).isEqualTo(87654321L);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aThrottleThatOutlastsTheRetriesIsARateLimitException() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(409)
                    .setHeader("Retry-After", "1")
                    .body("You must wait before accessing this url again.")
                    .build());
        }

        RateLimitException e = catchThrowableOfType(
                RateLimitException.class,
                () -> builder().build().backgroundJobs().get(1));

        assertThat(e.statusCode()).isEqualTo(409);
        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aPlain409IsAConflictAndIsNotRetried() {
        server.enqueue(json(409, "{\"Message\":\"The record was changed by someone else.\"}"));

        ConflictException e = catchThrowableOfType(
                ConflictException.class,
                () -> builder().build().backgroundJobs().get(1));

        assertThat(e.errorMessage()).contains("The record was changed by someone else.");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void requestsArePacedAtTheDocumentedLimitByDefault() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(200, DOCS_JOB));
        }
        NexudusClient client = NexudusClient.builder()
                .baseUrl(server.url("/"))
                .bearerToken("tok")
                .timeSource(time)
                .build();

        for (int i = 0; i < 3; i++) {
            client.backgroundJobs().get(87654321);
        }

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(110), Duration.ofMillis(110));
    }

    @Test
    void waitingFollowsTheJobThroughItsStatusesToSuccess() {
        NexudusSimulator simulator = NexudusSimulator.start()
                .seed(5)
                .addJob(5, "Queued", "In progress", "processing", "Completed")
                .withoutRateLimits();
        List<JobState> states = new ArrayList<>();
        NexudusClient client = NexudusClient.builder()
                .baseUrl(simulator.baseUrl())
                .timeSource(time)
                .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .rateLimiter(RateLimiter.unlimited())
                .build();

        BusinessBackgroundJob done = client.backgroundJobs()
                .waiter(5)
                .listener((PollEvent<? extends BusinessBackgroundJob> e) ->
                        states.add(e.job().state()))
                .await();

        assertThat(done.status()).isEqualTo("Completed");
        assertThat(states).containsExactly(JobState.PENDING, JobState.RUNNING, JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(time.sleeps()).hasSize(3);
        simulator.close();
    }

    @Test
    void aCustomClassifierDecidesAndUnknownStatusesKeepPolling() {
        NexudusSimulator simulator = NexudusSimulator.start()
                .seed(2)
                .addJob(2, "Mystery", "Zzz", "All good!")
                .withoutRateLimits();
        NexudusClient client = NexudusClient.builder()
                .baseUrl(simulator.baseUrl())
                .timeSource(time)
                .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .rateLimiter(RateLimiter.unlimited())
                .statusClassifier(status -> "All good!".equals(status) ? JobState.SUCCEEDED : null)
                .build();

        assertThat(client.backgroundJobs().waitFor(2).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(simulator.requestCount()).isEqualTo(3);
        simulator.close();
    }

    @Test
    void anAsyncSuccessWaitFailsWithTheFailedJob() {
        NexudusSimulator simulator =
                NexudusSimulator.start().seed(1).addJob(1, "Running", "Error").withoutRateLimits();
        NexudusClient client = NexudusClient.builder()
                .baseUrl(simulator.baseUrl())
                .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .rateLimiter(RateLimiter.unlimited())
                .pollPolicy(PollPolicy.builder()
                        .initialInterval(Duration.ofMillis(5))
                        .build())
                .build();

        var failure = catchThrowableOfType(
                java.util.concurrent.ExecutionException.class,
                () -> client.backgroundJobs().waiter(1).awaitSuccessAsync().get(10, TimeUnit.SECONDS));

        assertThat(failure.getCause())
                .isInstanceOfSatisfying(
                        JobFailedException.class,
                        e -> assertThat(e.job(BusinessBackgroundJob.class).status())
                                .isEqualTo("Error"));
        client.close();
        simulator.close();
    }

    @Test
    void theDefaultClassifierKnowsTheCommonWords() {
        StatusClassifier defaults = StatusClassifier.defaults();
        assertThat(List.of(
                        "Completed",
                        " done ",
                        "SUCCESS",
                        "Failed",
                        "cancelled",
                        "Aborted",
                        "in_progress",
                        "In-Progress",
                        "Started",
                        "queued",
                        "New",
                        "Waiting",
                        "",
                        "weird"))
                .extracting(defaults::classify)
                .containsExactly(
                        JobState.SUCCEEDED,
                        JobState.SUCCEEDED,
                        JobState.SUCCEEDED,
                        JobState.FAILED,
                        JobState.FAILED,
                        JobState.FAILED,
                        JobState.RUNNING,
                        JobState.RUNNING,
                        JobState.RUNNING,
                        JobState.PENDING,
                        JobState.PENDING,
                        JobState.PENDING,
                        JobState.UNKNOWN,
                        JobState.UNKNOWN);
        assertThat(defaults.classify(null)).isEqualTo(JobState.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{}", "{\"Message\": \"An error has occurred.\"}", "{\"Id\": null, \"Status\": \"Completed\"}"})
    void a200ThatIsNoJobIsMalformedNotAJobWithIdZero(String body) {
        server.enqueue(json(200, body));

        MalformedResponseException e = catchThrowableOfType(
                MalformedResponseException.class,
                () -> builder().build().backgroundJobs().get(5));

        assertThat(e.getMessage()).contains("nexudus API returned HTTP 200", "Id");
    }
}
