package dev.jobstatus.wix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.exception.PagingException;
import dev.jobstatus.core.paging.PagedIterable;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.wix.model.AsyncJobItem;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Item paging follows Wix's public contract, the cursor, whatever the internal hasNext says or leaves out; a page is
 * read only from a body with its {@code results} array.
 */
class ItemPagingTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private void page(String results, String pagingMetadata) {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body("{\"results\":[" + results + "],\"pagingMetadata\":" + pagingMetadata + "}")
                .build());
    }

    private WixClient client() {
        return WixClient.builder()
                .baseUrl(server.url("/"))
                .accessToken("tok")
                .rateLimiter(RateLimiter.unlimited())
                .build();
    }

    private List<String> listAll() {
        try (WixClient wix = client()) {
            return wix.asyncJobs().listAllItems("j", AsyncJobItemsQuery.all()).stream()
                    .map(AsyncJobItem::id)
                    .toList();
        }
    }

    @Test
    void aNonEmptyNextCursorIsFollowedWithoutHasNext() {
        page("{\"id\":\"a\"}", "{\"count\":1,\"cursors\":{\"next\":\"c1\"}}");
        page("{\"id\":\"b\"}", "{\"count\":1,\"cursors\":{\"next\":\"c2\",\"prev\":\"c0\"}}");
        page("{\"id\":\"c\"}", "{\"count\":1,\"cursors\":{\"prev\":\"c1\"}}");

        assertThat(listAll()).containsExactly("a", "b", "c");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aNextCursorIsFollowedEvenWhenHasNextSaysOtherwise() {
        page("{\"id\":\"a\"}", "{\"cursors\":{\"next\":\"c1\"},\"hasNext\":false}");
        page("{\"id\":\"b\"}", "{\"cursors\":{\"next\":null},\"hasNext\":false}");

        assertThat(listAll()).containsExactly("a", "b");
    }

    @Test
    void emptyPagesWithANextCursorAreFollowedUpToTheBound() {
        page("{\"id\":\"a\"}", "{\"cursors\":{\"next\":\"c1\"}}");
        for (int i = 1; i <= PagedIterable.MAX_EMPTY_PAGES_IN_A_ROW; i++) {
            page("", "{\"count\":0,\"cursors\":{\"next\":\"c" + (i + 1) + "\"}}");
        }
        List<String> seen = new ArrayList<>();

        try (WixClient wix = client()) {
            PagingException e = catchThrowableOfType(
                    PagingException.class,
                    () -> wix.asyncJobs()
                            .listAllItems("j", AsyncJobItemsQuery.all())
                            .forEach(item -> seen.add(item.id())));
            assertThat(e.provider()).isEqualTo("wix");
            assertThat(e.getMessage())
                    .contains("wix API sent " + PagedIterable.MAX_EMPTY_PAGES_IN_A_ROW + " empty pages in a row");
        }
        assertThat(seen).containsExactly("a");
        assertThat(server.getRequestCount()).isEqualTo(1 + PagedIterable.MAX_EMPTY_PAGES_IN_A_ROW);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"pagingMetadata\":{\"count\":0,\"cursors\":{}}}",
                "{\"message\":\"internal error\"}",
                "{\"items\":[{\"id\":\"a\"}]}",
                "{\"Results\":[{\"id\":\"a\"}]}",
                "{\"results\":null}",
                "{\"results\":\"\"}",
                "{\"results\":{}}",
                "{\"results\":\"a\"}",
                "{\"results\":7}",
            })
    void anItemsPageWithoutItsResultsArrayIsMalformedNotEmpty(String body) {
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder()
                    .setHeader("Content-Type", "application/json")
                    .body(body)
                    .build());
        }

        try (WixClient wix = client()) {
            MalformedResponseException page = catchThrowableOfType(
                    MalformedResponseException.class, () -> wix.asyncJobs().listItems("j", AsyncJobItemsQuery.all()));
            MalformedResponseException all = catchThrowableOfType(
                    MalformedResponseException.class,
                    () -> wix.asyncJobs().listAllItems("j", AsyncJobItemsQuery.all()).stream()
                            .count());
            for (MalformedResponseException e : List.of(page, all)) {
                assertThat(e.provider()).isEqualTo("wix");
                assertThat(e.statusCode()).isEqualTo(200);
                assertThat(e.getMessage()).contains("wix API returned HTTP 200", "items", "results");
            }
        }
    }

    @Test
    void anEmptyOrMissingCursorEndsTheListingWhateverHasNextSays() {
        page("{\"id\":\"a\"}", "{\"cursors\":{\"next\":\"\"},\"hasNext\":true}");

        assertThat(listAll()).containsExactly("a");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
