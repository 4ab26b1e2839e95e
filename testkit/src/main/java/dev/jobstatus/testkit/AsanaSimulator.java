package dev.jobstatus.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The Asana jobs API on loopback: {@code GET /api/1.0/jobs/{job_gid}} (wrapped in {@code {"data"}}) for jobs whose
 * status advances as they are polled, {@code opt_pretty}, bearer tokens, Asana's {@code {"errors": [...]}}
 * envelope, and its throttle: 429 with {@code Retry-After} beyond 150 requests a minute.
 */
public final class AsanaSimulator extends Simulator<AsanaSimulator> {
    /** The personal access token the simulator accepts. */
    public static final String TOKEN = "2/1200000000000000/asana-test-token";
    private static final String HELP = "For more information on API status codes and how to handle them, "
            + "read the docs on errors: https://developers.asana.com/docs/errors";

    private record Job(String gid, String subtype, Lifecycle<String> lifecycle) { }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

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
        jobs.put(gid, new Job(gid, "duplicate_task", new Lifecycle<>(List.of(statuses), pollsPerStep)));
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

    @Override
    protected MockResponse handle(RecordedRequest request) {
        String auth = request.getHeaders().get("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
            return asanaError(401, "Not Authorized");
        }
        List<String> path = request.getUrl().pathSegments();
        if (path.size() == 4 && path.subList(0, 3).equals(List.of("api", "1.0", "jobs"))) {
            Job job = jobs.get(path.get(3));
            if (job != null) {
                Map<String, Object> body = Map.of("data", render(job, job.lifecycle().next()));
                return "true".equals(request.getUrl().queryParameter("opt_pretty")) ? pretty(body) : json(200, body);
            }
            return asanaError(404, "job: Not a recognized ID: " + path.get(3));
        }
        return asanaError(404, "No matching route for request");
    }

    @Override
    protected MockResponse throttled(Duration retryAfter) {
        return new MockResponse.Builder(asanaError(429, "You have made too many requests recently. Please, be chill."))
                .setHeader("Retry-After", seconds(retryAfter)).build();
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
        data.put("new_project", Map.of("gid", job.gid() + "1", "resource_type", "project", "name", "Copy of Launch plan"));
        data.put("new_task", null);
        return data;
    }

    private static MockResponse pretty(Object body) {
        try {
            return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
                    .body(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
