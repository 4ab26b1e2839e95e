package dev.jobstatus.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The lean raw baseline: what a hand-written client does with the least work. A default {@link ObjectMapper} (no
 * modules), plain records of strings and numbers, no call timeout, the same URL and headers as the SDK's request.
 */
final class Lean {
    /** A Nexudus job as a lean client maps it: timestamps stay strings. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record NexudusJob(
            @JsonProperty("Id") long id,
            @JsonProperty("Status") String status,
            @JsonProperty("Description") String description,
            @JsonProperty("UserEmail") String userEmail,
            @JsonProperty("BusinessName") String businessName,
            @JsonProperty("Files") String files,
            @JsonProperty("ResultData") String resultData,
            @JsonProperty("CreatedOn") String createdOn,
            @JsonProperty("UpdatedOn") String updatedOn) {}

    /** A Wix job, its counts as a map. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WixJob(String id, String status, String createdDate, String updatedDate, Map<String, Object> counts) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WixEnvelope(WixJob job) {}

    /** A Wix item. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WixItem(String id, String entityId, Boolean success, Map<String, Object> data, Map<String, Object> error) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WixItemsPage(List<WixItem> results, Map<String, Object> pagingMetadata) {}

    /** An Asana job, its compact resources as maps. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AsanaJob(
            String gid,
            String status,
            @JsonProperty("resource_subtype") String resourceSubtype,
            @JsonProperty("new_project") Map<String, Object> newProject,
            @JsonProperty("new_task") Map<String, Object> newTask) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AsanaEnvelope(AsanaJob data) {}

    private final OkHttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();

    Lean() {
        this(new OkHttpClient());
    }

    /** A lean client on {@code client}, such as one whose interceptor answers without the network. */
    Lean(OkHttpClient client) {
        this.client = client;
    }

    /** GETs {@code url} with {@code headers} (name, value pairs) and maps the body to {@code type}. */
    <T> T get(String url, Class<T> type, String... headers) throws IOException {
        Request.Builder request = new Request.Builder().url(url);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return mapper.readValue(response.body().byteStream(), type);
        }
    }

    void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
