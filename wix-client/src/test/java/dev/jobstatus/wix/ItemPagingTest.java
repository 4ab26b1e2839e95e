package dev.jobstatus.wix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.wix.model.AsyncJobItem;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Item paging follows Wix's public contract, the cursor, whatever the internal hasNext says or leaves out. */
class ItemPagingTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private void page(String results, String pagingMetadata) {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"results\":[" + results + "],\"pagingMetadata\":" + pagingMetadata + "}").build());
    }

    private List<String> listAll() {
        try (WixClient wix = WixClient.builder().baseUrl(server.url("/")).accessToken("tok").rateLimiter(RateLimiter.unlimited()).build()) {
            return wix.asyncJobs().listAllItems("j", AsyncJobItemsQuery.all()).stream().map(AsyncJobItem::id).toList();
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
    void anEmptyOrMissingCursorEndsTheListingWhateverHasNextSays() {
        page("{\"id\":\"a\"}", "{\"cursors\":{\"next\":\"\"},\"hasNext\":true}");

        assertThat(listAll()).containsExactly("a");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
