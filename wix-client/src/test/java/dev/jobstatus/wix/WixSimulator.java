package dev.jobstatus.wix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A Wix async-jobs API on loopback: jobs whose status and counts advance one step per GET, their items with
 * cursor paging, the OAuth token endpoint, and API-key checks answered the way Wix answers them.
 */
final class WixSimulator extends Dispatcher {
    static final String API_KEY = "IST.api-key-secret";
    static final String SITE_ID = "site-123";
    static final String CLIENT_ID = "app-1";
    static final String CLIENT_SECRET = "app-secret-xyz";
    static final String INSTANCE_ID = "inst-9";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Deque<Map<String, Object>>> jobs = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> items = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger minted = new AtomicInteger();
    private final List<String> tokenBodies = new CopyOnWriteArrayList<>();
    private volatile long tokenLifetime = 4 * 3600;

    /** Adds job {@code id} reporting {@code states} one per GET: each state is status plus success/fail counts. */
    WixSimulator job(String id, Long total, Object[]... states) {
        Deque<Map<String, Object>> script = new ArrayDeque<>();
        for (Object[] state : states) {
            Map<String, Object> counts = new LinkedHashMap<>();
            if (total != null) {
                counts.put("total", total);
            }
            counts.put("successCount", state[1]);
            counts.put("failCount", state[2]);
            counts.put("errorByCodeCount", ((Integer) state[2]) > 0 ? Map.of("INVALID_ROW", state[2]) : Map.of());
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("id", id);
            job.put("metadata", Map.of("source", "simulator"));
            job.put("status", state[0]);
            job.put("createdDate", "2026-01-01T10:00:00.000Z");
            job.put("updatedDate", "2026-01-01T10:05:00.000Z");
            job.put("createdBy", Map.of("type", "APP_ID", "appId", CLIENT_ID));
            job.put("counts", counts);
            script.add(job);
        }
        jobs.put(id, script);
        return this;
    }

    /** Gives job {@code id} {@code count} items; every seventh fails. */
    WixSimulator items(String id, int count) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", "item-" + i);
            item.put("data", Map.of("row", i));
            if (i % 7 == 0) {
                item.put("error", Map.of("code", "INVALID_ROW", "description", "row " + i + " is invalid", "data", Map.of("row", i)));
            }
            list.add(item);
        }
        items.put(id, list);
        return this;
    }

    WixSimulator tokenLifetime(long seconds) {
        this.tokenLifetime = seconds;
        return this;
    }

    void revokeTokens() {
        validTokens.clear();
    }

    int mintedTokens() {
        return minted.get();
    }

    List<String> tokenBodies() {
        return List.copyOf(tokenBodies);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        List<String> path = request.getUrl().pathSegments();
        if (path.equals(List.of("oauth2", "token"))) {
            return token(request);
        }
        String auth = request.getHeaders().get("Authorization");
        boolean keyOk = API_KEY.equals(auth) && SITE_ID.equals(request.getHeaders().get("wix-site-id"));
        if (!keyOk && !validTokens.contains(auth)) {
            return json(401, Map.of("message", "Unauthorized", "details",
                    Map.of("applicationError", Map.of("code", "UNAUTHORIZED", "description", "missing or invalid credentials"))));
        }
        if (path.size() >= 4 && path.subList(0, 3).equals(List.of("async-jobs", "v1", "async-jobs"))) {
            String id = path.get(3);
            if (path.size() == 5 && path.get(4).equals("items")) {
                return items(id, request);
            }
            Deque<Map<String, Object>> script = jobs.get(id);
            if (script != null) {
                Map<String, Object> job = script.size() > 1 ? script.poll() : script.peek();
                return json(200, Map.of("job", job));
            }
        }
        return json(404, Map.of("message", "Job not found", "details",
                Map.of("applicationError", Map.of("code", "JOB_NOT_FOUND", "description", "no such job"))));
    }

    private MockResponse token(RecordedRequest request) {
        String body = request.getBody().utf8();
        tokenBodies.add(body);
        Map<?, ?> form;
        try {
            form = JSON.readValue(body, Map.class);
        } catch (JsonProcessingException e) {
            return json(400, Map.of("message", "body must be JSON"));
        }
        if (!"client_credentials".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
                || !CLIENT_SECRET.equals(form.get("client_secret")) || !INSTANCE_ID.equals(form.get("instance_id"))) {
            return json(400, Map.of("message", "invalid client credentials"));
        }
        String token = "OauthNG.JWS.token-" + minted.incrementAndGet();
        validTokens.add(token);
        return json(200, Map.of("access_token", token, "token_type", "Bearer", "expires_in", tokenLifetime));
    }

    private MockResponse items(String id, RecordedRequest request) {
        List<Map<String, Object>> all = items.getOrDefault(id, List.of());
        String hasError = request.getUrl().queryParameter("hasError");
        if (hasError != null) {
            boolean wanted = Boolean.parseBoolean(hasError);
            all = all.stream().filter(item -> item.containsKey("error") == wanted).toList();
        }
        String limitParam = request.getUrl().queryParameter("paging.limit");
        int limit = limitParam == null ? 50 : Integer.parseInt(limitParam);
        String cursor = request.getUrl().queryParameter("paging.cursor");
        int from = cursor == null ? 0 : Integer.parseInt(cursor.substring("cur-".length()));
        int to = Math.min(all.size(), from + limit);
        Map<String, Object> cursors = new LinkedHashMap<>();
        cursors.put("next", to < all.size() ? "cur-" + to : null);
        cursors.put("prev", from > 0 ? "cur-" + Math.max(0, from - limit) : null);
        return json(200, Map.of("results", all.subList(from, to),
                "pagingMetadata", Map.of("count", to - from, "cursors", cursors, "hasNext", to < all.size())));
    }

    static MockResponse json(int status, Object body) {
        try {
            return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                    .setHeader("x-wix-request-id", "wix-req-" + System.nanoTime()).body(JSON.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
