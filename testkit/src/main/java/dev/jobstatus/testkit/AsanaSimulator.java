package dev.jobstatus.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The Asana jobs API on loopback: {@code GET /api/1.0/jobs/{job_gid}} (wrapped in {@code {"data"}}) for jobs whose
 * status advances as they are polled; {@code opt_fields} as Asana treats it, the exact set of fields returned
 * besides {@code gid} (ask for {@code new_project.name} alone and no {@code status} comes back); {@code opt_pretty};
 * bearer tokens, personal or minted by the OAuth refresh grant at {@code POST /-/oauth_token}; Asana's
 * {@code {"errors": [...]}} envelope, and its throttle: 429 with {@code Retry-After} beyond 150 requests a minute.
 */
public final class AsanaSimulator extends Simulator<AsanaSimulator> {
    /** The personal access token the simulator accepts. */
    public static final String TOKEN = "2/1200000000000000/asana-test-token";

    private static final String HELP = "For more information on API status codes and how to handle them, "
            + "read the docs on errors: https://developers.asana.com/docs/errors";

    private record Job(
            String gid,
            String subtype,
            Lifecycle<String> lifecycle,
            @Nullable Instant endsAt) {}

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    /** The OAuth client id the simulator's token endpoint accepts. */
    public static final String CLIENT_ID = "1200000000000001";
    /** The OAuth client secret that goes with {@link #CLIENT_ID}. */
    public static final String CLIENT_SECRET = "asana-client-secret";
    /** The OAuth refresh token the simulator's token endpoint accepts. */
    public static final String REFRESH_TOKEN = "1/1200000000000002:asana-refresh-token";

    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Set<String> minted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refreshGrants = new AtomicInteger();
    private volatile long tokenLifetime = 3600;

    private AsanaSimulator() {
        limit(150, Duration.ofMinutes(1));
        tokens.add(TOKEN);
    }

    /**
     * Starts a simulator with no jobs, enforcing the free-domain quota.
     *
     * @return the running simulator
     */
    public static AsanaSimulator start() {
        return new AsanaSimulator().serve();
    }

    /**
     * Starts a simulator with no jobs on loopback port {@code port}, enforcing the free-domain quota.
     *
     * @param port the port, or 0 for a free one
     * @return the running simulator
     * @throws java.io.UncheckedIOException if the port cannot be listened on
     */
    public static AsanaSimulator start(int port) {
        return new AsanaSimulator().serve(port);
    }

    @Override
    public HttpUrl baseUrl() {
        return serverUrl("/api/1.0");
    }

    /**
     * Adds a {@code duplicate_task} job reporting {@code statuses} one per poll, then staying on the last.
     *
     * @param gid the job's gid
     * @param statuses the statuses in order, such as {@code in_progress}, {@code succeeded}
     * @return this simulator
     */
    public AsanaSimulator addJob(String gid, String... statuses) {
        return addJob(gid, 1, statuses);
    }

    /**
     * Adds a {@code duplicate_task} job reporting {@code statuses}, moving on every {@code pollsPerStep} polls.
     *
     * @param gid the job's gid
     * @param pollsPerStep how many polls each status lasts
     * @param statuses the statuses in order, such as {@code in_progress}, {@code succeeded}
     * @return this simulator
     */
    public AsanaSimulator addJob(String gid, int pollsPerStep, String... statuses) {
        jobs.put(gid, new Job(gid, "duplicate_task", new Lifecycle<>(List.of(statuses), pollsPerStep), null));
        return this;
    }

    /**
     * Adds a {@code duplicate_task} job that is {@code in_progress} until the simulator's clock (see
     * {@link #clock(java.time.InstantSource)}) reaches {@code endsAt}, and {@code finalStatus} from then on.
     *
     * @param gid the job's gid
     * @param endsAt when it ends
     * @param finalStatus its status from then on, such as {@code succeeded}
     * @return this simulator
     */
    public AsanaSimulator addJob(String gid, Instant endsAt, String finalStatus) {
        jobs.put(gid, new Job(gid, "duplicate_task", new Lifecycle<>(List.of(finalStatus), 1), endsAt));
        return this;
    }

    /**
     * Accepts {@code token} as well as {@link #TOKEN}.
     *
     * @param token another token to accept
     * @return this simulator
     */
    public AsanaSimulator acceptToken(String token) {
        tokens.add(token);
        return this;
    }

    /**
     * Sets the lifetime of OAuth access tokens minted from now on (Asana's is an hour).
     *
     * @param seconds the lifetime, in seconds
     * @return this simulator
     */
    public AsanaSimulator tokenLifetime(long seconds) {
        this.tokenLifetime = seconds;
        return this;
    }

    /** Makes every minted OAuth access token invalid, as when they expire; personal access tokens stay valid. */
    public void revokeAccessTokens() {
        tokens.removeAll(minted);
        minted.clear();
    }

    /** {@return how many refresh grants the token endpoint has answered with a token} */
    public int refreshGrants() {
        return refreshGrants.get();
    }

    @Override
    protected MockResponse handle(RecordedRequest request) {
        if (request.getUrl().pathSegments().equals(List.of("-", "oauth_token"))) {
            return token(request);
        }
        String auth = request.getHeaders().get("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
            return asanaError(401, "Not Authorized");
        }
        List<String> path = request.getUrl().pathSegments();
        if (path.size() == 4 && path.subList(0, 3).equals(List.of("api", "1.0", "jobs"))) {
            Job job = jobs.get(path.get(3));
            if (job != null) {
                Instant endsAt = job.endsAt();
                Map<String, Object> data = render(
                        job,
                        endsAt != null && now().isBefore(endsAt)
                                ? "in_progress"
                                : job.lifecycle().next());
                String optFields = request.getUrl().queryParameter("opt_fields");
                Map<String, Object> body = Map.of("data", optFields == null ? data : select(data, optFields));
                return "true".equals(request.getUrl().queryParameter("opt_pretty")) ? pretty(body) : json(200, body);
            }
            return asanaError(404, "job: Not a recognized ID: " + path.get(3));
        }
        return asanaError(404, "No matching route for request");
    }

    @Override
    protected MockResponse throttled(Duration retryAfter) {
        return new MockResponse.Builder(asanaError(429, "You have made too many requests recently. Please, be chill."))
                .setHeader("Retry-After", seconds(retryAfter))
                .build();
    }

    @Override
    protected MockResponse error(int status) {
        return asanaError(status, status >= 500 ? "Server Error" : "Injected error");
    }

    private static MockResponse asanaError(int status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("help", HELP);
        if (status >= 500) {
            error.put("phrase", "6 sad squid snuggle softly");
        }
        return json(status, Map.of("errors", List.of(error)));
    }

    private static Map<String, Object> render(Job job, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("gid", job.gid());
        data.put("resource_type", "job");
        data.put("resource_subtype", job.subtype());
        data.put("status", status);
        data.put(
                "new_project",
                Map.of("gid", job.gid() + "1", "resource_type", "project", "name", "Copy of Launch plan"));
        data.put(
                "new_task",
                Map.of(
                        "gid",
                        job.gid() + "2",
                        "resource_type",
                        "task",
                        "name",
                        "Copy of Kickoff",
                        "resource_subtype",
                        "default_task",
                        "created_by",
                        Map.of("gid", "1111", "resource_type", "user")));
        data.put("new_project_template", null);
        data.put("new_task_template", null);
        data.put("new_portfolio", null);
        data.put("new_graph_export", null);
        data.put("new_resource_export", null);
        return data;
    }

    /** Keeps exactly the fields {@code optFields} names, and {@code gid}, at every level. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> select(Map<String, Object> record, String optFields) {
        Map<String, Object> selected = new LinkedHashMap<>();
        selected.put("gid", record.get("gid"));
        for (String path : optFields.split(",")) {
            String[] parts = path.strip().split("\\.", 2);
            if (!record.containsKey(parts[0])) {
                continue;
            }
            Object value = record.get(parts[0]);
            if (value instanceof Map<?, ?> nested) {
                Map<String, Object> child = (Map<String, Object>) selected.computeIfAbsent(
                        parts[0], k -> new LinkedHashMap<>(Map.of("gid", ((Map<String, Object>) nested).get("gid"))));
                if (parts.length == 2) {
                    child.putAll(select((Map<String, Object>) nested, parts[1]));
                }
            } else {
                selected.put(parts[0], value);
            }
        }
        return selected;
    }

    private MockResponse token(RecordedRequest request) {
        Map<String, String> form = formFields(request);
        if (!"refresh_token".equals(form.get("grant_type"))
                || !CLIENT_ID.equals(form.get("client_id"))
                || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return json(
                    400, Map.of("error", "invalid_client", "error_description", "The client credentials are invalid."));
        }
        if (!REFRESH_TOKEN.equals(form.get("refresh_token"))) {
            return json(400, Map.of("error", "invalid_grant", "error_description", "The refresh token is invalid."));
        }
        String token = "2/oauth-" + refreshGrants.incrementAndGet();
        tokens.add(token);
        minted.add(token);
        return json(
                200,
                Map.of(
                        "access_token",
                        token,
                        "token_type",
                        "bearer",
                        "expires_in",
                        tokenLifetime,
                        "data",
                        Map.of("id", 4673218951L, "gid", "4673218951", "name", "Greg Sanchez")));
    }

    private static MockResponse pretty(Object body) {
        try {
            return new MockResponse.Builder()
                    .code(200)
                    .setHeader("Content-Type", "application/json; charset=utf-8")
                    .body(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
