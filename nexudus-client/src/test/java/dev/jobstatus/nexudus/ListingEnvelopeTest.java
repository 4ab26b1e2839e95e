package dev.jobstatus.nexudus;

import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.exception.PagingException;
import dev.jobstatus.core.paging.PagedIterable;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.nexudus.model.BackgroundJobPage;
import dev.jobstatus.nexudus.model.BusinessBackgroundJobSummary;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The listing's envelope as the docs define it: a 200 without its {@code Records} array is not an empty listing. */
class ListingEnvelopeTest {
    private static final String JOB = "{\"Id\": 7, \"Status\": \"Completed\"}";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private NexudusClient client;

    @BeforeEach
    void start() {
        client = NexudusClient.builder()
                .baseUrl(server.url("/"))
                .bearerToken("tok")
                .rateLimiter(RateLimiter.unlimited())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"Message\": \"An error has occurred.\"}",
                "{\"records\": [" + JOB + "], \"TotalItems\": 1}",
                "{\"RECORDS\": []}",
                "{\"Records\": null, \"HasNextPage\": false}",
                "{\"Records\": \"\"}",
                "{\"Records\": {}}",
                "{\"Records\": \"jobs\"}",
                "{\"Records\": 3}",
                "{\"Records\": true}",
            })
    void aListingWithoutItsRecordsArrayIsMalformedNotEmpty(String body) {
        server.enqueue(json(200, body));
        server.enqueue(json(200, body));

        MalformedResponseException page = catchThrowableOfType(
                MalformedResponseException.class, () -> client.backgroundJobs().list(BackgroundJobQuery.all()));
        MalformedResponseException all = catchThrowableOfType(
                MalformedResponseException.class,
                () -> client.backgroundJobs().listAll(BackgroundJobQuery.all()).stream()
                        .count());

        for (MalformedResponseException e : List.of(page, all)) {
            assertThat(e.provider()).isEqualTo("nexudus");
            assertThat(e.statusCode()).isEqualTo(200);
            assertThat(e.getMessage())
                    .contains("nexudus API returned HTTP 200", "BusinessBackgroundJob listing", "Records");
        }
    }

    @Test
    void anEmptyRecordsArrayIsAnEmptyPageAndMissingNumbersAreNull() {
        server.enqueue(json(200, "{\"Records\": []}"));

        BackgroundJobPage page = client.backgroundJobs().list(BackgroundJobQuery.all());

        assertThat(page.records()).isEmpty();
        assertThat(page.hasNextPage()).isNull();
        assertThat(page.totalPages()).isNull();
    }

    @Test
    void emptyPagesThatAnnounceMoreEndInAPagingExceptionAfterTheBound() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String page = request.getUrl().queryParameter("page");
                return json(
                        200,
                        "1".equals(page)
                                ? "{\"Records\": [" + JOB + "], \"HasNextPage\": true}"
                                : "{\"Records\": [], \"HasNextPage\": true, \"CurrentPage\": " + page + "}");
            }
        });
        List<BusinessBackgroundJobSummary> seen = new ArrayList<>();

        PagingException e = catchThrowableOfType(
                PagingException.class,
                () -> client.backgroundJobs().listAll(BackgroundJobQuery.all()).forEach(seen::add));

        assertThat(e.provider()).isEqualTo("nexudus");
        assertThat(e.getMessage())
                .contains("nexudus API sent " + PagedIterable.MAX_EMPTY_PAGES_IN_A_ROW + " empty pages in a row");
        assertThat(seen).extracting(BusinessBackgroundJobSummary::id).containsExactly(7L);
        assertThat(server.getRequestCount()).isEqualTo(1 + PagedIterable.MAX_EMPTY_PAGES_IN_A_ROW);
    }

    @Test
    void aNextPagePastTheLargestPageNumberIsAPagingExceptionAfterTheLastPagesRecords() throws Exception {
        server.enqueue(json(
                200,
                "{\"Records\": [" + JOB + "], \"CurrentPage\": 2147483647, \"HasNextPage\": true,"
                        + " \"TotalPages\": 9007199254740993}"));
        List<BusinessBackgroundJobSummary> seen = new ArrayList<>();

        PagingException e = catchThrowableOfType(
                PagingException.class,
                () -> client.backgroundJobs()
                        .listAll(BackgroundJobQuery.builder()
                                .page(Integer.MAX_VALUE)
                                .build())
                        .forEach(seen::add));

        assertThat(e.getMessage()).contains("nexudus", "page 2147483648");
        assertThat(seen).extracting(BusinessBackgroundJobSummary::id).containsExactly(7L);
        assertThat(server.takeRequest().getUrl().queryParameter("page")).isEqualTo("2147483647");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"Records\": [], \"CurrentPage\": 2147483648}",
                "{\"Records\": [], \"CurrentPage\": 1e40}",
                "{\"Records\": [], \"PageSize\": -99999999999999999999}",
                "{\"Records\": [], \"TotalPages\": 9223372036854775808}",
                "{\"Records\": [], \"TotalItems\": 1e999}",
            })
    void pageNumbersBeyondTheirTypeAreMalformed(String body) {
        server.enqueue(json(200, body));

        MalformedResponseException e = catchThrowableOfType(
                MalformedResponseException.class,
                () -> client.backgroundJobs().listAll(BackgroundJobQuery.all()).stream()
                        .count());

        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.getMessage()).contains("nexudus API returned HTTP 200", "BusinessBackgroundJob listing");
    }

    @Test
    void hasNextPageDecidesOverATotalPagesThatSaysOtherwise() {
        server.enqueue(json(
                200,
                "{\"Records\": [{\"Id\": 1, \"Status\": \"Completed\"}], \"HasNextPage\": true, \"TotalPages\": 0}"));
        server.enqueue(json(
                200,
                "{\"Records\": [{\"Id\": 2, \"Status\": \"Completed\"}], \"HasNextPage\": false, \"TotalPages\": 9}"));

        List<BusinessBackgroundJobSummary> seen = new ArrayList<>();
        client.backgroundJobs().listAll(BackgroundJobQuery.all()).forEach(seen::add);

        assertThat(seen).extracting(BusinessBackgroundJobSummary::id).containsExactly(1L, 2L);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
