package dev.jobstatus.benchmarks;

import dev.jobstatus.testkit.NoDelayServerSockets;
import dev.jobstatus.testkit.Responses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Loopback servers and bodies shared by the benchmarks; every measurement and its baseline use the same server. */
final class Fixtures {
    static final String NEXUDUS_JOB =
            "{\"BusinessId\":3,\"BusinessName\":\"Main St\",\"UserId\":104,\"UserFullName\":\"Ann Lee\","
                    + "\"UserEmail\":\"ann@example.com\",\"JobId\":\"0000-11\",\"Description\":\"Import members\",\"Files\":\"members.csv\","
                    + "\"Status\":\"Completed\",\"ResultData\":\"{\\\"rows\\\":1200}\",\"Id\":87654321,\"UniqueId\":\"a1b2c3d4-e5f6-7890-abcd-ef1234567890\","
                    + "\"CreatedOn\":\"2025-01-10T08:00:00Z\",\"UpdatedOn\":\"2025-01-15T10:30:00\",\"UpdatedBy\":\"admin@example.com\","
                    + "\"IsNew\":false,\"SystemId\":null,\"ToStringText\":\"BusinessBackgroundJob Example\",\"LocalizationDetails\":null,\"CustomFields\":null}";
    static final String WIX_JOB =
            "{\"job\":{\"id\":\"076e0505-6944-4645-a248-80b197ee9cfd\",\"metadata\":{\"importId\":\"imp-1\"},"
                    + "\"status\":\"PROCESSING\",\"createdDate\":\"2024-03-01T12:00:00.000Z\",\"updatedDate\":\"2024-03-01T12:03:30.250Z\","
                    + "\"createdBy\":{\"type\":\"APP_ID\",\"appId\":\"app-1\"},\"counts\":{\"total\":250,\"successCount\":120,\"failCount\":5,"
                    + "\"errorByCodeCount\":{\"INVALID_EMAIL\":5}}}}";
    static final String ASANA_JOB =
            "{\"data\":{\"gid\":\"12345\",\"resource_type\":\"job\",\"resource_subtype\":\"duplicate_task\","
                    + "\"status\":\"in_progress\",\"new_project\":{\"gid\":\"12345\",\"resource_type\":\"project\",\"name\":\"Stuff to buy\"},"
                    + "\"new_task\":{\"gid\":\"12345\",\"resource_type\":\"task\",\"name\":\"Bug Task\",\"resource_subtype\":\"default_task\","
                    + "\"created_by\":{\"gid\":\"1111\",\"resource_type\":\"user\"}},\"new_graph_export\":{\"gid\":\"12345\","
                    + "\"resource_type\":\"graph_export\",\"created_at\":\"2012-02-22T02:06:58.147Z\",\"download_url\":\"https://example.com/x.json.gz\","
                    + "\"completed_at\":\"2012-02-22T03:06:58.147Z\"}}}";

    /** One page of 50 Wix job items, one in ten failed, with a next cursor. */
    static final String WIX_ITEMS = wixItems(50);

    private Fixtures() {}

    /** Starts a server answering each provider's job path with its fixed body. */
    static MockWebServer jobServer() {
        MockWebServer server = NoDelayServerSockets.apply(new MockWebServer());
        MockResponse nexudus = Responses.json(200, NEXUDUS_JOB);
        MockResponse wix = Responses.json(200, WIX_JOB);
        MockResponse asana = Responses.json(200, ASANA_JOB);
        MockResponse wixItems = Responses.json(200, WIX_ITEMS);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                return path.startsWith("/api/sys")
                        ? nexudus
                        : path.startsWith("/async-jobs") ? (path.endsWith("/items") ? wixItems : wix) : asana;
            }
        });
        start(server);
        return server;
    }

    /**
     * Returns an OkHttp client whose interceptor answers each request, as {@link #jobServer()} would, without the
     * network: the same bodies and content type, a fresh body per response.
     */
    static OkHttpClient cannedClient() {
        MediaType json = MediaType.get("application/json; charset=utf-8");
        byte[] nexudus = NEXUDUS_JOB.getBytes(StandardCharsets.UTF_8);
        byte[] wix = WIX_JOB.getBytes(StandardCharsets.UTF_8);
        byte[] asana = ASANA_JOB.getBytes(StandardCharsets.UTF_8);
        byte[] wixItems = WIX_ITEMS.getBytes(StandardCharsets.UTF_8);
        return new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    String path = chain.request().url().encodedPath();
                    byte[] body = path.startsWith("/api/sys")
                            ? nexudus
                            : path.startsWith("/async-jobs") ? (path.endsWith("/items") ? wixItems : wix) : asana;
                    return new Response.Builder()
                            .request(chain.request())
                            .protocol(Protocol.HTTP_1_1)
                            .code(200)
                            .message("OK")
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header("Content-Length", String.valueOf(body.length))
                            .body(ResponseBody.create(body, json))
                            .build();
                })
                .build();
    }

    private static String wixItems(int count) {
        StringBuilder sb = new StringBuilder("{\"results\":[");
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"item-")
                    .append(i)
                    .append("\",\"entityId\":\"contact-")
                    .append(i)
                    .append("\",\"success\":")
                    .append(i % 10 != 9);
            if (i % 10 == 9) {
                sb.append(",\"error\":{\"code\":\"INVALID_ROW\",\"description\":\"row ")
                        .append(i)
                        .append(" is invalid\"}");
            } else {
                sb.append(",\"data\":{\"email\":\"user").append(i).append("@example.com\"}");
            }
            sb.append('}');
        }
        return sb.append("],\"pagingMetadata\":{\"count\":")
                .append(count)
                .append(",\"cursors\":{\"next\":\"cursor-2\"}}}")
                .toString();
    }

    /** The JSON of one Nexudus listing page: records {@code from..from+count-1} of {@code total}. */
    static String nexudusPage(long from, int count, long total, int size, long page) {
        StringBuilder sb = new StringBuilder(count * 520 + 300).append("{\"Records\":[");
        for (long id = from; id < from + count; id++) {
            if (id > from) {
                sb.append(',');
            }
            sb.append("{\"BusinessId\":")
                    .append(id % 3)
                    .append(",\"BusinessName\":\"Location ")
                    .append(id % 3)
                    .append("\",\"UserId\":")
                    .append(100 + id % 7)
                    .append(",\"UserFullName\":\"User ")
                    .append(id % 7)
                    .append("\",\"UserEmail\":\"user")
                    .append(id % 7)
                    .append("@example.com\",\"JobId\":\"00000000-0000-0000-0000-")
                    .append(String.format("%012d", id))
                    .append("\",\"Description\":\"Import members\",\"Files\":\"file-")
                    .append(id % 10)
                    .append(".csv\",\"Status\":\"")
                    .append(id % 5 == 1 ? "Failed" : "Completed")
                    .append("\",\"Id\":")
                    .append(id)
                    .append(",\"UniqueId\":\"a1b2c3d4-0000-0000-0000-")
                    .append(String.format("%012d", id))
                    .append("\",\"CreatedOn\":\"2025-01-01T00:00:00")
                    .append(id % 2 == 0 ? "Z" : "")
                    .append(
                            "\",\"UpdatedOn\":\"2025-01-02T00:00:00Z\",\"UpdatedBy\":\"admin@example.com\",\"IsNew\":false,")
                    .append("\"SystemId\":null,\"ToStringText\":\"BusinessBackgroundJob ")
                    .append(id)
                    .append("\",\"LocalizationDetails\":null,\"CustomFields\":null}");
        }
        long pages = (total + size - 1) / size;
        return sb.append("],\"CurrentPage\":")
                .append(page)
                .append(",\"CurrentPageSize\":")
                .append(size)
                .append(",\"TotalItems\":")
                .append(total)
                .append(",\"TotalPages\":")
                .append(pages)
                .append(",\"HasNextPage\":")
                .append(page < pages)
                .append(",\"HasPreviousPage\":")
                .append(page > 1)
                .append('}')
                .toString();
    }

    /** Starts a Nexudus listing of {@code total} jobs that builds each page when asked, holding nothing. */
    static MockWebServer syntheticListing(long total) {
        MockWebServer server = NoDelayServerSockets.apply(new MockWebServer());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int size = Integer.parseInt(request.getUrl().queryParameter("size"));
                long page = Long.parseLong(request.getUrl().queryParameter("page"));
                long from = (page - 1) * size + 1;
                int count = (int) Math.max(0, Math.min(size, total - from + 1));
                return Responses.json(200, nexudusPage(from, count, total, size, page));
            }
        });
        start(server);
        return server;
    }

    static void start(MockWebServer server) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
