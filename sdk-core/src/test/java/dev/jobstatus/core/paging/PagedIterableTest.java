package dev.jobstatus.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.core.auth.CredentialProvider;
import dev.jobstatus.core.exception.NotFoundException;
import dev.jobstatus.core.exception.PagingException;
import dev.jobstatus.core.internal.transport.ApiRequest;
import dev.jobstatus.core.internal.transport.BodyReader;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.testkit.NoDelayServerSockets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagedIterableTest {
    @StartStop
    final MockWebServer server = NoDelayServerSockets.apply(new MockWebServer());

    private HttpTransport transport;

    record Item(int id) {}

    record Body(List<Item> items, String next, Long total) {}

    private static final BodyReader<Body> READER = BodyReader.json(Body.class);

    @BeforeEach
    void start() {
        transport = HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .credentials(CredentialProvider.bearerToken("tok-1234"))
                .build();
    }

    /** Lists {@code /v1/items} by page number: page N holds ids (N-1)*10 .. N*10-1. */
    private PagedIterable<Item> byNumber() {
        return PagedIterable.startingAt("acme", PageRef.number(1), ref -> {
            long page = ((PageRef.PageNumber) ref).number();
            Body body = transport
                    .execute(
                            ApiRequest.get()
                                    .path("items")
                                    .query("status", "done")
                                    .query("page", page)
                                    .query("size", 10)
                                    .build(),
                            READER)
                    .value();
            return new Page<>(
                    body.items(),
                    body.next() == null ? null : PageRef.number(Long.parseLong(body.next())),
                    body.total(),
                    null);
        });
    }

    /** Lists {@code /v1/items} by cursor. */
    private PagedIterable<Item> byCursor() {
        return PagedIterable.of("acme", ref -> {
            String cursor = ref == null ? null : ((PageRef.Cursor) ref).cursor();
            Body body = transport
                    .execute(
                            ApiRequest.get()
                                    .path("items")
                                    .query("paging.cursor", cursor)
                                    .build(),
                            READER)
                    .value();
            return new Page<>(body.items(), body.next() == null ? null : PageRef.cursor(body.next()), null, null);
        });
    }

    private void serve(IntFunction<String> pageBody) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String page = request.getUrl().queryParameter("page");
                String cursor = request.getUrl().queryParameter("paging.cursor");
                int n = page != null
                        ? Integer.parseInt(page)
                        : cursor == null ? 1 : Integer.parseInt(cursor.substring(1));
                String body = pageBody.apply(n);
                return body == null
                        ? new MockResponse.Builder()
                                .code(404)
                                .body("{\"message\":\"no page " + n + "\"}")
                                .build()
                        : new MockResponse.Builder().code(200).body(body).build();
            }
        });
    }

    private static String page(int n, int lastPage, String next) {
        String items = String.join(
                ",",
                IntStream.range((n - 1) * 10, n * 10)
                        .mapToObj(i -> "{\"id\":" + i + "}")
                        .toList());
        return "{\"items\":[" + items + "],\"total\":" + lastPage * 10 + ",\"next\":"
                + (n < lastPage ? "\"" + next + "\"" : "null") + "}";
    }

    @Test
    void fiftyPagesAreFetchedLazilyWithTheSameOptionsEachTime() throws Exception {
        serve(n -> n <= 50 ? page(n, 50, String.valueOf(n + 1)) : null);
        Iterator<Item> items = byNumber().iterator();

        assertThat(server.getRequestCount()).isZero();
        for (int i = 0; i < 10; i++) {
            items.next();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        List<Integer> ids = new ArrayList<>();
        items.forEachRemaining(item -> ids.add(item.id()));

        assertThat(ids)
                .containsExactlyElementsOf(IntStream.range(10, 500).boxed().toList());
        assertThat(server.getRequestCount()).isEqualTo(50);
        for (int n = 1; n <= 50; n++) {
            RecordedRequest request = server.takeRequest();
            assertThat(request.getTarget()).isEqualTo("/v1/items?status=done&page=" + n + "&size=10");
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1234");
        }
    }

    @Test
    void cursorsAreFollowedExactly() throws Exception {
        serve(n -> page(n, 4, "c" + (n + 1)));

        assertThat(byCursor().stream().map(Item::id).toList()).hasSize(40).doesNotHaveDuplicates();

        assertThat(List.of(server.takeRequest(), server.takeRequest(), server.takeRequest(), server.takeRequest()))
                .extracting(RecordedRequest::getTarget)
                .containsExactly(
                        "/v1/items",
                        "/v1/items?paging.cursor=c2",
                        "/v1/items?paging.cursor=c3",
                        "/v1/items?paging.cursor=c4");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aServerRepeatingItsCursorEndsIterationWithPagingException() {
        serve(n -> page(n, 100, "c2")); // page 2 points at c2 again

        Iterator<Item> items = byCursor().iterator();
        assertThatThrownBy(() -> items.forEachRemaining(item -> {}))
                .isInstanceOf(PagingException.class)
                .hasMessageContaining("acme API pointed again at cursor c2");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(items.hasNext()).isFalse();
    }

    @Test
    void aServerRepeatingItsPageNumberEndsIterationWithPagingException() {
        serve(n -> page(1, 100, "1"));

        assertThatThrownBy(() -> byNumber().stream().count())
                .isInstanceOf(PagingException.class)
                .hasMessageContaining("page 1");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anEmptyPageThatNamesANextPageIsFollowed() {
        serve(n -> n == 3 ? "{\"items\":[],\"next\":\"4\"}" : page(n, 10, String.valueOf(n + 1)));

        assertThat(byNumber().stream().map(Item::id).toList())
                .containsExactlyElementsOf(IntStream.range(0, 100)
                        .filter(i -> i < 20 || i >= 30)
                        .boxed()
                        .toList());
        assertThat(server.getRequestCount()).isEqualTo(10);
    }

    @Test
    void anEmptyCursorPageThatNamesANextPageIsFollowed() {
        serve(n -> n == 2 ? "{\"items\":[],\"next\":\"c3\"}" : page(n, 3, "c" + (n + 1)));

        assertThat(byCursor().stream().count()).isEqualTo(20);
        assertThat(byCursor().byPage()).extracting(p -> p.items().size()).containsExactly(10, 10);
    }

    @Test
    void anEmptyPageThatNamesNoNextPageEndsIteration() {
        serve(n -> n == 3 ? "{\"items\":[],\"next\":null}" : page(n, 10, String.valueOf(n + 1)));

        assertThat(byNumber().stream().count()).isEqualTo(20);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void emptyPagesInARowUpToTheBoundAreFollowed() {
        int empty = PagedIterable.MAX_EMPTY_PAGES_IN_A_ROW - 1;
        // Page 1 full, then a run of empty pages, page 2 + empty full, another run, and a last full page.
        int second = 2 + empty;
        int last = second + 1 + empty;
        serve(n -> n == 1 || n == second || n == last
                ? page(n == 1 ? 1 : n == second ? 2 : 3, n == last ? 3 : 4, String.valueOf(n + 1))
                : "{\"items\":[],\"next\":\"" + (n + 1) + "\"}");

        assertThat(byNumber().stream().map(Item::id).toList())
                .containsExactlyElementsOf(IntStream.range(0, 30).boxed().toList());
        assertThat(server.getRequestCount()).isEqualTo(last);
    }

    @Test
    void tooManyEmptyPagesInARowEndIterationWithPagingException() {
        serve(n -> n == 1 ? page(1, 10, "2") : "{\"items\":[],\"next\":\"" + (n + 1) + "\"}");
        List<Item> seen = new ArrayList<>();

        assertThatThrownBy(() -> byNumber().forEach(seen::add))
                .isInstanceOf(PagingException.class)
                .hasMessageContaining(
                        "acme API sent " + PagedIterable.MAX_EMPTY_PAGES_IN_A_ROW + " empty pages in a row")
                .hasMessageContaining("page " + (PagedIterable.MAX_EMPTY_PAGES_IN_A_ROW + 2));
        assertThat(seen).hasSize(10);
        assertThat(server.getRequestCount()).isEqualTo(1 + PagedIterable.MAX_EMPTY_PAGES_IN_A_ROW);
    }

    @Test
    void anEmptyPageRepeatingItsCursorIsCaughtAsALoop() {
        serve(n -> n == 1 ? page(1, 10, "c2") : "{\"items\":[],\"next\":\"c2\"}");

        assertThatThrownBy(() -> byCursor().stream().count())
                .isInstanceOf(PagingException.class)
                .hasMessageContaining("pointed again at cursor c2");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void limitFetchesNoPageBeyondTheLastItemNeeded() {
        serve(n -> page(n, 50, String.valueOf(n + 1)));

        assertThat(byNumber().limit(25).stream().map(Item::id).toList())
                .containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(byNumber().limit(0).iterator().hasNext()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void distinctByYieldsARecordPushedOntoTheNextPageOnce() {
        // Page 2 starts with the last record of page 1, as after an insert at the head of the listing.
        serve(n -> n == 1
                ? page(1, 3, "2")
                : n == 2
                        ? "{\"items\":[{\"id\":9},{\"id\":10},{\"id\":11}],\"next\":\"3\"}"
                        : "{\"items\":[{\"id\":11},{\"id\":12}],\"next\":null}");

        assertThat(byNumber().distinctBy(Item::id).stream().map(Item::id).toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(0, 12).boxed().toList());
        assertThat(byNumber().stream().count()).isEqualTo(15); // without de-duplication the two repeats show
    }

    @Test
    void anErrorOnALaterPageSurfacesAsTheTypedException() {
        serve(n -> n < 3 ? page(n, 50, String.valueOf(n + 1)) : null);
        List<Item> seen = new ArrayList<>();

        assertThatThrownBy(() -> byNumber().forEach(seen::add))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no page 3");
        assertThat(seen).hasSize(20);
    }

    @Test
    void byPageGivesThePagesWithTheirTotals() {
        serve(n -> page(n, 5, String.valueOf(n + 1)));

        List<Page<Item>> pages = new ArrayList<>();
        byNumber().byPage().forEach(pages::add);

        assertThat(pages).hasSize(5);
        assertThat(pages.get(0).totalItems()).isEqualTo(50);
        assertThat(pages.get(0).next()).isEqualTo(PageRef.number(2));
        assertThat(pages.get(4).hasNext()).isFalse();
    }
}
