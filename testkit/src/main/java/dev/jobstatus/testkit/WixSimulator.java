package dev.jobstatus.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The Wix async-jobs API on loopback: {@code GET /async-jobs/v1/async-jobs/{jobId}} (wrapped in {@code {"job"}})
 * for jobs whose status and counts advance as they are polled (with {@code createdBy} in the documented nested
 * form), {@code .../items} paged by cursor alone ({@code pagingMetadata.hasNext}, internal to Wix, is never sent),
 * with the {@code hasError} and {@code status} filters, {@code POST /oauth2/token} (client credentials, JSON), API
 * keys with a site id, Wix's error envelope, and its throttle: 429 with {@code Retry-After} beyond 200 requests a
 * minute.
 */
public final class WixSimulator extends Simulator<WixSimulator> {
    /** The API key the simulator accepts (with {@link #SITE_ID}). */
    public static final String API_KEY = "IST.test-api-key";
    /** The site id that goes with {@link #API_KEY}. */
    public static final String SITE_ID = "site-123";
    /** The OAuth client id the simulator accepts. */
    public static final String CLIENT_ID = "app-1";
    /** The OAuth client secret the simulator accepts. */
    public static final String CLIENT_SECRET = "app-secret-xyz";
    /** The app instance id the simulator accepts. */
    public static final String INSTANCE_ID = "inst-9";

    /**
     * One step of a job's life.
     *
     * @param status the status reported
     * @param successCount items processed successfully so far
     * @param failCount items failed so far
     */
    public record Step(String status, long successCount, long failCount) {}

    /** A job whose steps advance by polls, or, with {@code endsAt}, by the simulator's clock from {@code startsAt}. */
    private record Job(
            String id,
            @Nullable Long total,
            Lifecycle<Step> lifecycle,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt) {}

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> rawJobs = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> items = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger minted = new AtomicInteger();
    private final List<String> tokenBodies = new CopyOnWriteArrayList<>();
    private volatile long tokenLifetime = 4 * 3600;
    private final Set<Integer> emptyPagesAt = ConcurrentHashMap.newKeySet();

    private WixSimulator() {
        limit(200, Duration.ofMinutes(1));
    }

    /**
     * Starts a simulator with no jobs, enforcing Wix's quota.
     *
     * @return the running simulator
     */
    public static WixSimulator start() {
        return new WixSimulator().serve();
    }

    /**
     * Starts a simulator with no jobs on loopback port {@code port}, enforcing Wix's quota.
     *
     * @param port the port, or 0 for a free one
     * @return the running simulator
     * @throws java.io.UncheckedIOException if the port cannot be listened on
     */
    public static WixSimulator start(int port) {
        return new WixSimulator().serve(port);
    }

    @Override
    public HttpUrl baseUrl() {
        return serverUrl("/");
    }

    /**
     * Adds job {@code id} reporting {@code steps} one per poll, then staying on the last.
     *
     * @param id the job's id
     * @param total how many items the job processes, or {@code null} if unknown
     * @param steps the states in order
     * @return this simulator
     */
    public WixSimulator addJob(String id, @Nullable Long total, Step... steps) {
        return addJob(id, total, 1, steps);
    }

    /**
     * Adds job {@code id} reporting {@code steps}, moving on every {@code pollsPerStep} polls.
     *
     * @param id the job's id
     * @param total how many items the job processes, or {@code null} if unknown
     * @param pollsPerStep how many polls each step lasts
     * @param steps the states in order
     * @return this simulator
     */
    public WixSimulator addJob(String id, @Nullable Long total, int pollsPerStep, Step... steps) {
        jobs.put(id, new Job(id, total, new Lifecycle<>(List.of(steps), pollsPerStep), null, null));
        return this;
    }

    /**
     * Adds job {@code id} of {@code total} items that is PROCESSING from now until the simulator's clock (see
     * {@link #clock(java.time.InstantSource)}) reaches {@code endsAt}, its counts rising evenly with time (one in ten
     * items failing), and FINISHED from then on.
     *
     * @param id the job's id
     * @param total how many items the job processes
     * @param endsAt when it is FINISHED
     * @return this simulator
     */
    public WixSimulator addJob(String id, long total, Instant endsAt) {
        Step finished = new Step("FINISHED", total - total / 10, total / 10);
        jobs.put(id, new Job(id, total, new Lifecycle<>(List.of(finished), 1), now(), endsAt));
        return this;
    }

    /**
     * Adds job {@code id} of {@code total} items that is INITIALIZED on the first poll, PROCESSING with counts
     * rising evenly (one in ten items failing) and FINISHED after {@code pollsToFinish} polls.
     *
     * @param id the job's id
     * @param total how many items the job processes
     * @param pollsToFinish how many polls until it is FINISHED
     * @return this simulator
     */
    public WixSimulator addJob(String id, long total, int pollsToFinish) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("INITIALIZED", 0, 0));
        for (int i = 1; i < pollsToFinish - 1; i++) {
            long done = total * i / (pollsToFinish - 1);
            steps.add(new Step("PROCESSING", done - done / 10, done / 10));
        }
        steps.add(new Step("FINISHED", total - total / 10, total / 10));
        return addJob(id, total, steps.toArray(Step[]::new));
    }

    /**
     * Adds job {@code id} served exactly as given (inside {@code {"job": ...}}), for shapes the other methods do not
     * make, such as an older job with only the deprecated {@code counters} and {@code owner}.
     *
     * @param id the job's id
     * @param job the job's fields, named as Wix names them
     * @return this simulator
     */
    public WixSimulator addJob(String id, Map<String, Object> job) {
        rawJobs.put(id, new LinkedHashMap<>(job));
        return this;
    }

    /**
     * Gives job {@code id} {@code count} items, each with an {@code entityId}, {@code success} and {@code data};
     * one in ten failed (items 9, 19, 29...), with {@code success: false} and an {@code INVALID_ROW} error: the same
     * share, and the same code, as the counts of a job from {@link #addJob(String, long, int)} with {@code count}
     * as its total.
     *
     * @param id the job's id
     * @param count how many items
     * @return this simulator
     */
    public WixSimulator items(String id, int count) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", "item-" + i);
            item.put("entityId", "entity-" + i);
            item.put("success", i % 10 != 9);
            item.put("data", Map.of("row", i));
            if (i % 10 == 9) {
                item.put(
                        "error",
                        Map.of(
                                "code",
                                "INVALID_ROW",
                                "description",
                                "row " + i + " is invalid",
                                "data",
                                Map.of("row", i)));
            }
            list.add(item);
        }
        items.put(id, list);
        return this;
    }

    /**
     * Serves an empty page, whose next cursor points at the rest, where a page would start at item {@code index} (0 for
     * the first page), as a listing filtered after paging may. No item is lost: the page that cursor names starts at
     * that item.
     *
     * @param index the position, among the items listed, of the first item of the page to serve empty
     * @return this simulator
     */
    public WixSimulator emptyPageAt(int index) {
        emptyPagesAt.add(index);
        return this;
    }

    /**
     * Sets the lifetime of tokens minted from now on.
     *
     * @param seconds the lifetime, in seconds
     * @return this simulator
     */
    public WixSimulator tokenLifetime(long seconds) {
        this.tokenLifetime = seconds;
        return this;
    }

    /** Makes every minted access token invalid, as after a server-side expiry; API keys stay valid. */
    public void revokeAccessTokens() {
        validTokens.clear();
    }

    /**
     * Accepts {@code token} as an access token, as if it had been minted.
     *
     * @param token the token to accept
     * @return this simulator
     */
    public WixSimulator acceptToken(String token) {
        validTokens.add(token);
        return this;
    }

    /** {@return how many tokens were minted} */
    public int mintedTokens() {
        return minted.get();
    }

    /** {@return the body of every token request, in order} */
    public List<String> tokenBodies() {
        return List.copyOf(tokenBodies);
    }

    @Override
    protected MockResponse handle(RecordedRequest request) {
        List<String> path = request.getUrl().pathSegments();
        if (path.equals(List.of("oauth2", "token"))) {
            return token(request);
        }
        String auth = request.getHeaders().get("Authorization");
        boolean keyOk =
                API_KEY.equals(auth) && SITE_ID.equals(request.getHeaders().get("wix-site-id"));
        if (!keyOk && !validTokens.contains(auth)) {
            return wixError(401, "UNAUTHORIZED", "missing or invalid credentials");
        }
        if (path.size() >= 4 && path.subList(0, 3).equals(List.of("async-jobs", "v1", "async-jobs"))) {
            String id = path.get(3);
            if (path.size() == 5 && path.get(4).equals("items")) {
                return listItems(id, request.getUrl());
            }
            Job job = jobs.get(id);
            if (job != null && path.size() == 4) {
                return json(200, Map.of("job", render(job, step(job))));
            }
            if (rawJobs.containsKey(id) && path.size() == 4) {
                return json(200, Map.of("job", rawJobs.get(id)));
            }
        }
        return wixError(404, "JOB_NOT_FOUND", "no such job");
    }

    @Override
    protected MockResponse throttled(Duration retryAfter) {
        return new MockResponse.Builder(wixError(429, "TOO_MANY_REQUESTS", "quota exceeded"))
                .setHeader("Retry-After", seconds(retryAfter))
                .build();
    }

    @Override
    protected MockResponse error(int status) {
        // Wix's system errors may come without a body.
        return status >= 500
                ? new MockResponse.Builder().code(status).build()
                : wixError(status, "ERROR", "injected error");
    }

    private static MockResponse wixError(int status, String code, String description) {
        return new MockResponse.Builder(json(
                        status,
                        Map.of(
                                "message",
                                description,
                                "details",
                                Map.of("applicationError", Map.of("code", code, "description", description)))))
                .setHeader("x-wix-request-id", "wix-" + Long.toHexString(System.nanoTime()))
                .build();
    }

    /** The step job is at now: by its clock when it has an end, else by its polls. */
    private Step step(Job job) {
        Instant now = now();
        Instant startsAt = job.startsAt();
        Instant endsAt = job.endsAt();
        if (startsAt == null || endsAt == null || !now.isBefore(endsAt)) {
            return job.lifecycle().next();
        }
        long total = job.total() == null ? 0 : job.total();
        long span = Math.max(1, Duration.between(startsAt, endsAt).toMillis());
        long elapsed = Math.max(0, Duration.between(startsAt, now).toMillis());
        long done = (long) ((double) total * elapsed / span);
        return new Step("PROCESSING", done - done / 10, done / 10);
    }

    private static Map<String, Object> render(Job job, Step step) {
        Map<String, Object> counts = new LinkedHashMap<>();
        if (job.total() != null) {
            counts.put("total", job.total());
        }
        counts.put("successCount", step.successCount());
        counts.put("failCount", step.failCount());
        counts.put("errorByCodeCount", step.failCount() > 0 ? Map.of("INVALID_ROW", step.failCount()) : Map.of());
        Map<String, Object> rendered = new LinkedHashMap<>();
        rendered.put("id", job.id());
        rendered.put("metadata", Map.of("source", "simulator"));
        rendered.put("status", step.status());
        rendered.put("createdDate", "2026-01-01T10:00:00.000Z");
        rendered.put("updatedDate", "2026-01-01T10:05:00.000Z");
        // The documented form: the id inside its options object.
        rendered.put("createdBy", Map.of("type", "APP_ID", "appIdOptions", Map.of("appId", CLIENT_ID)));
        rendered.put("counts", counts);
        return rendered;
    }

    private MockResponse token(RecordedRequest request) {
        String body = request.getBody().utf8();
        tokenBodies.add(body);
        Map<?, ?> form;
        try {
            form = JSON.readValue(body, Map.class);
        } catch (JsonProcessingException e) {
            return wixError(400, "INVALID_REQUEST", "body must be JSON");
        }
        if (!"client_credentials".equals(form.get("grant_type"))
                || !CLIENT_ID.equals(form.get("client_id"))
                || !CLIENT_SECRET.equals(form.get("client_secret"))
                || !INSTANCE_ID.equals(form.get("instance_id"))) {
            return wixError(400, "INVALID_CLIENT", "invalid client credentials");
        }
        String token = "OauthNG.JWS.token-" + minted.incrementAndGet();
        validTokens.add(token);
        return json(200, Map.of("access_token", token, "token_type", "Bearer", "expires_in", tokenLifetime));
    }

    private MockResponse listItems(String id, HttpUrl url) {
        List<Map<String, Object>> all = items.getOrDefault(id, List.of());
        String hasError = url.queryParameter("hasError");
        if (hasError != null) {
            boolean wanted = Boolean.parseBoolean(hasError);
            all = all.stream()
                    .filter(item -> Boolean.FALSE.equals(item.get("success")) == wanted)
                    .toList();
        }
        String status = url.queryParameter("status");
        if (status != null && !status.equals("ALL")) {
            if (!status.equals("FAILED_ONLY") && !status.equals("SUCCESSFUL_ONLY")) {
                return wixError(400, "INVALID_ARGUMENT", "unknown status filter " + status);
            }
            boolean failed = status.equals("FAILED_ONLY");
            all = all.stream()
                    .filter(item -> Boolean.FALSE.equals(item.get("success")) == failed)
                    .toList();
        }
        String limitParam = url.queryParameter("paging.limit");
        int limit = limitParam == null ? 50 : Math.max(1, Integer.parseInt(limitParam));
        String cursor = url.queryParameter("paging.cursor");
        // A cursor ending in "~" follows an empty page served at the same position.
        boolean afterEmpty = cursor != null && cursor.endsWith("~");
        int from;
        try {
            from = cursor == null
                    ? 0
                    : Integer.parseInt(cursor.substring("cur-".length(), cursor.length() - (afterEmpty ? 1 : 0)));
        } catch (RuntimeException e) {
            return wixError(400, "INVALID_CURSOR", "the cursor is not valid");
        }
        boolean empty = !afterEmpty && from < all.size() && emptyPagesAt.contains(from);
        int to = empty ? from : Math.min(all.size(), from + limit);
        // Like Wix: the cursor says whether there is more; hasNext is internal to Wix and not sent.
        Map<String, Object> cursors = new LinkedHashMap<>();
        if (empty) {
            cursors.put("next", "cur-" + from + "~");
        } else if (to < all.size()) {
            cursors.put("next", "cur-" + to);
        }
        if (from > 0) {
            cursors.put("prev", "cur-" + Math.max(0, from - limit));
        }
        return json(
                200,
                Map.of(
                        "results",
                        all.subList(Math.min(from, to), to),
                        "pagingMetadata",
                        Map.of("count", Math.max(0, to - from), "cursors", cursors)));
    }
}
