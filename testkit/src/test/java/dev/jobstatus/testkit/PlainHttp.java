package dev.jobstatus.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** A plain OkHttp client for checking the simulators over real HTTP, and closing what a test started. */
class PlainHttp implements AutoCloseable {
    static final String NEXUDUS_BASIC = "Basic "
            + Base64.getEncoder()
                    .encodeToString((NexudusSimulator.USERNAME + ":" + NexudusSimulator.PASSWORD).getBytes());
    private static final ObjectMapper JSON = new ObjectMapper();

    final OkHttpClient http =
            new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** What a server answered. */
    record Answer(int status, String reason, String retryAfter, JsonNode body, String text) {}

    <T extends AutoCloseable> T track(T t) {
        toClose.add(t);
        return t;
    }

    Answer get(String url, String auth) throws IOException {
        Request.Builder request = new Request.Builder().url(url);
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return call(request.build());
    }

    Answer call(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            JsonNode body = null;
            try {
                body = JSON.readTree(text);
            } catch (IOException notJson) {
                // leave null
            }
            return new Answer(response.code(), response.message(), response.header("Retry-After"), body, text);
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
