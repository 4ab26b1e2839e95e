package dev.jobstatus.nexudus;

import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.nexudus.model.BackgroundJobPage;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The listing's envelope carries {@code PageNumber} and {@code PageSize} beside, or instead of, {@code CurrentPage} and
 * {@code CurrentPageSize}, in any order (found by the reliability module's listing property: with both, and the
 * second after every other field, the page was a {@code MalformedResponseException}, "No fallback setter/field
 * defined for creator property 'CurrentPage'").
 */
class PageFieldOrderTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private BackgroundJobPage list(String body) {
        server.enqueue(json(200, body));
        try (NexudusClient client = NexudusClient.builder()
                .baseUrl(server.url("/"))
                .bearerToken("tok")
                .timeSource(new ManualTimeSource())
                .rateLimiter(RateLimiter.unlimited())
                .retryPolicy(RetryPolicy.none())
                .build()) {
            return client.backgroundJobs().list(BackgroundJobQuery.all());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"Records\":[{\"Id\":7}],\"CurrentPage\":2,\"CurrentPageSize\":15,\"CurrentOrderField\":\"Id\",\"CurrentSortDirection\":1,"
                        + "\"FirstItem\":16,\"LastItem\":16,\"TotalItems\":16,\"TotalPages\":2,\"HasNextPage\":false,\"HasPreviousPage\":true,"
                        + "\"PageNumber\":2,\"PageSize\":15}",
                "{\"PageNumber\":2,\"PageSize\":15,\"Records\":[{\"Id\":7}],\"CurrentPage\":2,\"CurrentPageSize\":15,\"CurrentOrderField\":\"Id\","
                        + "\"CurrentSortDirection\":1,\"FirstItem\":16,\"LastItem\":16,\"TotalItems\":16,\"TotalPages\":2,\"HasNextPage\":false,"
                        + "\"HasPreviousPage\":true}",
                "{\"Records\":[{\"Id\":7}],\"PageNumber\":2,\"PageSize\":15,\"CurrentOrderField\":\"Id\",\"CurrentSortDirection\":1,"
                        + "\"FirstItem\":16,\"LastItem\":16,\"TotalItems\":16,\"TotalPages\":2,\"HasNextPage\":false,\"HasPreviousPage\":true}",
            })
    void pageNumberAndSizeAreReadBesideOrInsteadOfTheCurrentOnesInAnyOrder(String body) {
        BackgroundJobPage page = list(body);

        assertThat(page.records())
                .singleElement()
                .satisfies(job -> assertThat(job.id()).isEqualTo(7));
        assertThat(page.currentPage()).isEqualTo(2);
        assertThat(page.currentPageSize()).isEqualTo(15);
        assertThat(page.totalPages()).isEqualTo(2);
        assertThat(page.hasPreviousPage()).isTrue();
    }
}
