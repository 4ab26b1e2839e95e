package dev.jobstatus.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The Nexudus API on loopback: {@code GET /api/sys/businessbackgroundjobs[/{id}]} with Nexudus's listing
 * semantics (the ten filters, the four date ranges, {@code orderBy}/{@code dir}, {@code page}/{@code size} up to
 * 1000, the envelope, {@code ResultData} left out of listings), {@code POST /api/token} with the password and
 * refresh grants as Nexudus documents them (form body; the {@code client_id} header required on refresh and
 * matched against the token's client; each refresh invalidating the client's earlier refresh tokens; optional
 * two-factor codes, each accepted once), HTTP Basic, Nexudus's 401/404/500 bodies, and its throttle per account:
 * beyond 1 request per 100 ms, 120 per minute, 5,000 per hour or 200,000 per day, a 409 with {@code Retry-After},
 * "You must wait before accessing this url again." in the reason phrase and an empty body.
 *
 * <pre>{@code
 * try (NexudusSimulator nexudus = NexudusSimulator.start().seed(2500)) {
 *     NexudusClient client = NexudusClient.builder().baseUrl(nexudus.baseUrl().toString())
 *             .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD).build();
 * }
 * }</pre>
 */
public final class NexudusSimulator extends Simulator<NexudusSimulator> {
    /** The email the simulator accepts for the password grant and Basic auth. */
    public static final String USERNAME = "admin@example.com";
    /** The password the simulator accepts. */
    public static final String PASSWORD = "correct horse";

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String FILTER_PREFIX = "BusinessBackgroundJob_";
    private static final Map<String, String> FILTERS = Map.of(
            "Business",
            "BusinessId",
            "Business_Name",
            "BusinessName",
            "User",
            "UserId",
            "User_FullName",
            "UserFullName",
            "User_Email",
            "UserEmail",
            "JobId",
            "JobId",
            "Description",
            "Description",
            "Files",
            "Files",
            "Status",
            "Status",
            "ResultData",
            "ResultData");

    private final List<Map<String, Object>> jobs = new CopyOnWriteArrayList<>();
    private final Map<Long, Lifecycle<String>> lifecycles = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> validRefreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private final Map<String, String> refreshTokenClients = new ConcurrentHashMap<>();
    private final Set<String> spentTotpCodes = ConcurrentHashMap.newKeySet();
    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private volatile boolean requireTotp;
    private volatile long expiresInSeconds = 7 * 24 * 3600;
    private volatile Runnable beforeEachListing = () -> {};
    private final Set<Integer> emptyPages = ConcurrentHashMap.newKeySet();
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    private final Set<String> refusedParameters = ConcurrentHashMap.newKeySet();

    /** A change of a job's status, stamped {@code updatedOn} and visible to requests from {@code visibleFrom} on. */
    private record Change(long id, String status, Instant updatedOn, Instant visibleFrom) {}

    /**
     * One request to the token endpoint, as received.
     *
     * @param form the form fields
     * @param clientIdHeader the {@code client_id} request header, or {@code null} when absent
     */
    public record TokenRequest(
            Map<String, String> form, @Nullable String clientIdHeader) {
        /**
         * Copies the form.
         *
         * @param form the form fields
         * @param clientIdHeader the {@code client_id} request header, or {@code null} when absent
         */
        public TokenRequest {
            form = Map.copyOf(form);
        }

        /** {@return the {@code grant_type} field, or {@code null} when the form has none} */
        public @Nullable String grantType() {
            return form.get("grant_type");
        }
    }

    private NexudusSimulator() {
        limit(1, Duration.ofMillis(100));
        limit(120, Duration.ofMinutes(1));
        limit(5_000, Duration.ofHours(1));
        limit(200_000, Duration.ofDays(1));
    }

    /**
     * Starts a simulator with no jobs, enforcing Nexudus's rate limits.
     *
     * @return the running simulator
     */
    public static NexudusSimulator start() {
        return new NexudusSimulator().serve();
    }

    /**
     * Starts a simulator with no jobs on loopback port {@code port}, enforcing Nexudus's rate limits.
     *
     * @param port the port, or 0 for a free one
     * @return the running simulator
     * @throws java.io.UncheckedIOException if the port cannot be listened on
     */
    public static NexudusSimulator start(int port) {
        return new NexudusSimulator().serve(port);
    }

    @Override
    public HttpUrl baseUrl() {
        return serverUrl("/");
    }

    /**
     * Seeds {@code count} jobs with ids 1..count. Job {@code i} has: {@code BusinessId} {@code 1 + i % 3}
     * ({@code BusinessName} "Location n"), {@code UserId} {@code 100 + i % 7} ({@code UserFullName} "User n",
     * {@code UserEmail} "usern@example.com"), {@code Description} "Bulk edit" when {@code i % 4 == 0} else "Import
     * members", {@code Files} "file-(i % 10).csv", {@code Status} Completed, Failed, Running, Queued, Completed by
     * {@code i % 5}, {@code ResultData} {@code {"rows":i}}, {@code CreatedOn} 2025-01-01T00:00 plus {@code 7 * i}
     * minutes (with a {@code Z} for even ids, zoneless for odd ones: Nexudus sends both), {@code UpdatedOn}
     * {@code i % 60} minutes later, {@code IsNew} when {@code i % 11 == 0}. Sorted by id unless a listing asks
     * otherwise. An id the simulator already holds (from {@link #addJob(long, String...)}) keeps its job.
     *
     * @param count how many jobs
     * @return this simulator
     */
    public NexudusSimulator seed(int count) {
        String[] statuses = {"Completed", "Failed", "Running", "Queued", "Completed"};
        for (int i = 1; i <= count; i++) {
            if (find(i) == null) {
                LocalDateTime created = LocalDateTime.of(2025, 1, 1, 0, 0).plusMinutes(i * 7L);
                jobs.add(job(i, statuses[i % statuses.length], created, created.plusMinutes(i % 60)));
            }
        }
        return this;
    }

    /** The job {@link #seed(int)} describes, with {@code status}, created and updated as given. */
    private static Map<String, Object> job(long i, String status, LocalDateTime created, LocalDateTime updated) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("BusinessId", 1 + i % 3);
        job.put("BusinessName", "Location " + (1 + i % 3));
        job.put("UserId", 100 + i % 7);
        job.put("UserFullName", "User " + i % 7);
        job.put("UserEmail", "user" + i % 7 + "@example.com");
        job.put("JobId", String.format("00000000-0000-0000-0000-%012d", i));
        job.put("Description", i % 4 == 0 ? "Bulk edit" : "Import members");
        job.put("Files", "file-" + i % 10 + ".csv");
        job.put("Status", status);
        job.put("ResultData", "{\"rows\":" + i + "}");
        job.put("Id", i);
        job.put("UniqueId", String.format("a1b2c3d4-0000-0000-0000-%012d", i));
        // Nexudus sends timestamps both with and without a zone.
        job.put("CreatedOn", created + (i % 2 == 0 ? ":00Z" : ":00"));
        job.put("UpdatedOn", updated + ":00Z");
        job.put("UpdatedBy", "admin@example.com");
        job.put("IsNew", i % 11 == 0);
        job.put("SystemId", null);
        job.put("ToStringText", "BusinessBackgroundJob " + i);
        job.put("LocalizationDetails", null);
        job.put("CustomFields", null);
        return job;
    }

    /** Returns job {@code id}, or {@code null} when the simulator holds none. */
    private @Nullable Map<String, Object> find(long id) {
        for (Map<String, Object> job : jobs) {
            if (id(job) == id) {
                return job;
            }
        }
        return null;
    }

    /**
     * Adds a job with the given properties (at the head of the default order's ties).
     *
     * @param job the job's properties, named as Nexudus names them
     * @return this simulator
     */
    public NexudusSimulator addJob(Map<String, Object> job) {
        jobs.add(0, new LinkedHashMap<>(job));
        return this;
    }

    /**
     * Adds job {@code id} reporting {@code statuses} one per GET, then keeping the last; for a job the simulator
     * already holds (seeded or added), scripts that job instead. An added job has the fields {@link #seed(int)} gives
     * job {@code id}, created and updated now by the simulator's clock (see {@link #clock(java.time.InstantSource)}), and the
     * first status until its first GET. Listings show a job's latest status without moving it on.
     *
     * @param id the job's id
     * @param statuses the statuses in order, such as {@code Running}, {@code Completed}
     * @return this simulator
     */
    public NexudusSimulator addJob(long id, String... statuses) {
        return addJob(id, 1, statuses);
    }

    /**
     * As {@link #addJob(long, String...)}, moving on every {@code pollsPerStep} GETs.
     *
     * @param id the job's id
     * @param pollsPerStep how many GETs each status lasts
     * @param statuses the statuses in order, such as {@code Running}, {@code Completed}
     * @return this simulator
     */
    public NexudusSimulator addJob(long id, int pollsPerStep, String... statuses) {
        Lifecycle<String> lifecycle = new Lifecycle<>(List.of(statuses), pollsPerStep);
        if (find(id) == null) {
            LocalDateTime created =
                    LocalDateTime.ofInstant(now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
            jobs.add(job(id, statuses[0], created, created));
        }
        lifecycles.put(id, lifecycle);
        return this;
    }

    /**
     * Makes job {@code id} take {@code status} at {@code updatedOn} by the simulator's clock (see
     * {@link #clock(java.time.InstantSource)}): from then on, gets and listings show the status and an {@code UpdatedOn}
     * of that instant, with its seconds, as Nexudus stamps it. The change ends any script {@code addJob} gave the job.
     *
     * @param id the job's id, seeded or added
     * @param status the new status, such as {@code Completed}
     * @param updatedOn when the change happens
     * @return this simulator
     */
    public NexudusSimulator changeJob(long id, String status, Instant updatedOn) {
        return changeJob(id, status, updatedOn, updatedOn);
    }

    /**
     * As {@link #changeJob(long, String, Instant)}, for a change stamped {@code updatedOn} that requests see only from
     * {@code visibleFrom} on, as a write committed after its time stamp was taken.
     *
     * @param id the job's id, seeded or added
     * @param status the new status
     * @param updatedOn the change's {@code UpdatedOn}
     * @param visibleFrom when requests start to see it, at or after {@code updatedOn}
     * @return this simulator
     */
    public NexudusSimulator changeJob(long id, String status, Instant updatedOn, Instant visibleFrom) {
        changes.add(new Change(id, status, updatedOn, visibleFrom));
        return this;
    }

    /**
     * Refuses every listing that carries query parameter {@code name} with a 400, as a server that does not support
     * that filter might.
     *
     * @param name the parameter, such as {@code from_BusinessBackgroundJob_UpdatedOn}
     * @return this simulator
     */
    public NexudusSimulator refuseParameter(String name) {
        refusedParameters.add(name);
        return this;
    }

    /** Applies the changes that have become visible, in the order they were made. */
    private synchronized void applyChanges() {
        Instant now = now();
        for (Change change : changes) {
            if (!change.visibleFrom().isAfter(now)) {
                changes.remove(change);
                lifecycles.remove(change.id());
                for (Map<String, Object> job : jobs) {
                    if (id(job) == change.id()) {
                        job.put("Status", change.status());
                        job.put("UpdatedOn", change.updatedOn().toString());
                    }
                }
            }
        }
    }

    /**
     * Runs {@code action} before serving each listing request (for example, to insert records meanwhile).
     *
     * @param action what to run, on the server's thread
     * @return this simulator
     */
    public NexudusSimulator beforeEachListing(Runnable action) {
        this.beforeEachListing = action;
        return this;
    }

    /**
     * Serves listing page {@code page} without records while it still announces the pages after it, as a listing
     * filtered after paging may. No record is lost: each later page serves what the page before it would have, and
     * {@code TotalPages} counts the empty page.
     *
     * @param page the page number, from 1
     * @return this simulator
     */
    public NexudusSimulator emptyPage(int page) {
        emptyPages.add(page);
        return this;
    }

    /**
     * Sets the lifetime of tokens issued from now on.
     *
     * @param seconds the lifetime, in seconds
     * @return this simulator
     */
    public NexudusSimulator tokenLifetime(long seconds) {
        this.expiresInSeconds = seconds;
        return this;
    }

    /**
     * Accepts {@code token} as a bearer token, as if it had been issued.
     *
     * @param token the token to accept
     * @return this simulator
     */
    public NexudusSimulator acceptToken(String token) {
        validTokens.add(token);
        return this;
    }

    /** Makes every issued access token invalid, as after a server-side expiry. */
    public void revokeAccessTokens() {
        validTokens.clear();
    }

    /** Makes every issued refresh token invalid. */
    public void revokeRefreshTokens() {
        validRefreshTokens.clear();
    }

    /**
     * Turns on two-factor authentication: a password grant must carry a {@code totp} code of six digits that has not
     * been used before (a real code is valid for seconds, so a replayed one is refused).
     *
     * @return this simulator
     */
    public NexudusSimulator requireTotp() {
        this.requireTotp = true;
        return this;
    }

    /** {@return every token request, in order} */
    public List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /**
     * {@return the jobs a listing with {@code url}'s filters and sort yields, in order: the reference answer}
     *
     * @param url a listing URL, with its query
     */
    public List<Map<String, Object>> matching(HttpUrl url) {
        List<Map<String, Object>> result =
                new ArrayList<>(jobs.stream().filter(filters(url)).toList());
        String orderBy = url.queryParameter("orderBy");
        String property = orderBy == null ? "Id" : orderBy;
        Comparator<Map<String, Object>> order = (a, b) -> compare(sortKey(a, property), sortKey(b, property));
        if ("-1".equals(url.queryParameter("dir"))) {
            order = order.reversed();
        }
        result.sort(order.thenComparing(NexudusSimulator::id));
        return result;
    }

    @Override
    protected MockResponse handle(RecordedRequest request) {
        List<String> path = request.getUrl().pathSegments();
        if (path.equals(List.of("api", "token")) && "POST".equals(request.getMethod())) {
            return token(request);
        }
        if (!authorized(request.getHeaders().get("Authorization"))) {
            return json(401, Map.of("Message", "Authorization has been denied for this request."));
        }
        applyChanges();
        boolean jobsPath =
                path.size() >= 3 && path.subList(0, 3).equals(List.of("api", "sys", "businessbackgroundjobs"));
        if (jobsPath && path.size() == 3) {
            beforeEachListing.run();
            return list(request.getUrl());
        }
        if (jobsPath && path.size() == 4) {
            return get(path.get(3));
        }
        return json(404, "Not found");
    }

    /**
     * Nexudus's limits hold per account, whatever the URL; the simulator serves one account. The explanation is in the
     * reason phrase, and the body is empty.
     */
    @Override
    protected MockResponse throttled(Duration retryAfter) {
        return new MockResponse.Builder()
                .status("HTTP/1.1 409 You must wait before accessing this url again.")
                .setHeader("Retry-After", seconds(retryAfter))
                .setHeader("Content-Length", "0")
                .build();
    }

    @Override
    protected MockResponse error(int status) {
        return status == 404 ? json(404, "Not found") : json(status, Map.of("Message", "An error has occurred."));
    }

    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        if (header.startsWith("Bearer ")) {
            return validTokens.contains(header.substring(7));
        }
        return header.equals("Basic "
                + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private MockResponse token(RecordedRequest request) {
        if (!String.valueOf(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded")) {
            return json(400, Map.of("error", "unsupported_grant_type", "error_description", "form body expected"));
        }
        Map<String, String> form = formFields(request);
        String clientIdHeader = request.getHeaders().get("client_id");
        tokenRequests.add(new TokenRequest(form, clientIdHeader));
        String clientId;
        switch (form.getOrDefault("grant_type", "")) {
            case "password" -> {
                if (!USERNAME.equals(form.get("username")) || !PASSWORD.equals(form.get("password"))) {
                    return invalidGrant("The user name or password is incorrect.");
                }
                if (requireTotp) {
                    String code = form.get("totp");
                    if (code == null || !code.matches("\\d{6}") || !spentTotpCodes.add(code)) {
                        return invalidGrant("The two-factor code is missing, wrong or already used.");
                    }
                }
                // The token belongs to the client id passed now, or to the user when none is.
                clientId = clientIdHeader != null ? clientIdHeader : USERNAME;
            }
            case "refresh_token" -> {
                if (clientIdHeader == null) {
                    return json(
                            400,
                            Map.of(
                                    "error",
                                    "invalid_client",
                                    "error_description",
                                    "The client_id header is required."));
                }
                String owner = refreshTokenClients.get(form.getOrDefault("refresh_token", ""));
                if (owner == null || !validRefreshTokens.contains(form.get("refresh_token"))) {
                    return invalidGrant("The refresh token is invalid or expired.");
                }
                if (!owner.equals(clientIdHeader)) {
                    return json(
                            400,
                            Map.of(
                                    "error",
                                    "invalid_client",
                                    "error_description",
                                    "The client_id does not match the token."));
                }
                clientId = owner;
                // A refresh for a client id invalidates that client id's earlier refresh tokens.
                refreshTokenClients.forEach((token, client) -> {
                    if (client.equals(owner)) {
                        validRefreshTokens.remove(token);
                    }
                });
            }
            default -> {
                return json(400, Map.of("error", "unsupported_grant_type", "error_description", "Unknown grant type."));
            }
        }
        int n = tokenCounter.incrementAndGet();
        validTokens.add("access-" + n);
        validRefreshTokens.add("refresh-" + n);
        refreshTokenClients.put("refresh-" + n, clientId);
        return json(
                200,
                Map.of(
                        "access_token",
                        "access-" + n,
                        "token_type",
                        "bearer",
                        "expires_in",
                        expiresInSeconds,
                        "refresh_token",
                        "refresh-" + n));
    }

    private static MockResponse invalidGrant(String description) {
        return json(400, Map.of("error", "invalid_grant", "error_description", description));
    }

    private MockResponse get(String id) {
        for (Map<String, Object> job : jobs) {
            if (String.valueOf(job.get("Id")).equals(id)) {
                Lifecycle<String> lifecycle = lifecycles.get(id(job));
                if (lifecycle != null) {
                    job.put("Status", lifecycle.next());
                }
                return json(200, job);
            }
        }
        return json(404, "Not found");
    }

    private MockResponse list(HttpUrl url) {
        String refused = refusal(url);
        if (refused != null) {
            return json(400, Map.of("Message", refused));
        }
        List<Map<String, Object>> all = matching(url);
        int size = Math.min(1000, Math.max(1, intParam(url, "size", 25)));
        int page = Math.max(1, intParam(url, "page", 1));
        int pages = (all.size() + size - 1) / size;
        for (int p = 1; p <= pages; p++) {
            if (emptyPages.contains(p)) {
                pages++;
            }
        }
        int totalPages = pages;
        // The records of an empty page move to the pages after it.
        int dataPage = page
                - (int) emptyPages.stream()
                        .filter(p -> p < page && p <= totalPages)
                        .count();
        int from = (int) Math.min(all.size(), (long) (dataPage - 1) * size);
        int to = emptyPages.contains(page) && page <= totalPages ? from : Math.min(all.size(), from + size);
        List<Map<String, Object>> records = new ArrayList<>();
        for (Map<String, Object> job : all.subList(from, to)) {
            Map<String, Object> summary = new LinkedHashMap<>(job);
            summary.remove("ResultData");
            records.add(summary);
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("Records", records);
        envelope.put("CurrentPageSize", size);
        envelope.put("CurrentPage", page);
        envelope.put("CurrentOrderField", url.queryParameter("orderBy"));
        envelope.put("CurrentSortDirection", "-1".equals(url.queryParameter("dir")) ? -1 : 1);
        envelope.put("FirstItem", records.isEmpty() ? 0 : from + 1);
        envelope.put("HasNextPage", page < totalPages);
        envelope.put("HasPreviousPage", page > 1);
        envelope.put("LastItem", to);
        envelope.put("PageNumber", page);
        envelope.put("PageSize", size);
        envelope.put("TotalItems", all.size());
        envelope.put("TotalPages", totalPages);
        return json(200, envelope);
    }

    /**
     * Returns why Nexudus would refuse the listing's parameters, or {@code null}: the date filters take
     * {@code YYYY-MM-DDTHH:mm} and nothing else, {@code dir} is 1 or -1, and {@code orderBy} names a property.
     */
    private @Nullable String refusal(HttpUrl url) {
        for (String name : url.queryParameterNames()) {
            String value = url.queryParameter(name);
            if (refusedParameters.contains(name)) {
                return "The request is invalid: " + name + " is not supported.";
            }
            if (name.endsWith(FILTER_PREFIX + "CreatedOn") || name.endsWith(FILTER_PREFIX + "UpdatedOn")) {
                try {
                    LocalDateTime.parse(String.valueOf(value), MINUTES);
                } catch (java.time.format.DateTimeParseException e) {
                    return "The value '" + value + "' is not valid for " + name + ".";
                }
            }
        }
        String dir = url.queryParameter("dir");
        if (dir != null && !dir.equals("1") && !dir.equals("-1")) {
            return "The value '" + dir + "' is not valid for dir.";
        }
        String orderBy = url.queryParameter("orderBy");
        if (orderBy != null && !jobs.isEmpty() && !jobs.get(0).containsKey(orderBy)) {
            return "No property '" + orderBy + "' to order by.";
        }
        return null;
    }

    private static Predicate<Map<String, Object>> filters(HttpUrl url) {
        Predicate<Map<String, Object>> keep = job -> true;
        for (Map.Entry<String, String> filter : FILTERS.entrySet()) {
            String wanted = url.queryParameter(FILTER_PREFIX + filter.getKey());
            if (wanted != null) {
                keep = keep.and(
                        job -> String.valueOf(job.get(filter.getValue())).equalsIgnoreCase(wanted));
            }
        }
        String createdOn = url.queryParameter(FILTER_PREFIX + "CreatedOn");
        if (createdOn != null) {
            LocalDateTime minute = LocalDateTime.parse(createdOn, MINUTES);
            keep = keep.and(job -> {
                LocalDateTime created = time(job, "CreatedOn");
                return created != null
                        && created.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                                .equals(minute);
            });
        }
        for (String field : List.of("CreatedOn", "UpdatedOn")) {
            String from = url.queryParameter("from_" + FILTER_PREFIX + field);
            String to = url.queryParameter("to_" + FILTER_PREFIX + field);
            if (from != null) {
                LocalDateTime min = LocalDateTime.parse(from, MINUTES);
                keep = keep.and(job -> {
                    LocalDateTime at = time(job, field);
                    return at != null && !at.isBefore(min);
                });
            }
            if (to != null) {
                LocalDateTime max = LocalDateTime.parse(to, MINUTES);
                keep = keep.and(job -> {
                    LocalDateTime at = time(job, field);
                    return at != null && !at.isAfter(max);
                });
            }
        }
        return keep;
    }

    /** Every job the simulator holds has a numeric {@code Id}. */
    private static long id(Map<String, Object> job) {
        return ((Number) Objects.requireNonNull(job.get("Id"), "Id")).longValue();
    }

    private static @Nullable LocalDateTime time(Map<String, Object> job, String field) {
        Object value = job.get(field);
        return value == null ? null : LocalDateTime.parse(value.toString().replace("Z", ""));
    }

    private static @Nullable Object sortKey(Map<String, Object> job, String property) {
        Object value = job.get(property);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        LocalDateTime at = property.endsWith("On") ? time(job, property) : null;
        if (at != null) {
            return at;
        }
        return value == null ? null : value.toString().toLowerCase(Locale.ROOT);
    }

    /** Orders nulls first, then numbers by value, then text. */
    private static int compare(@Nullable Object a, @Nullable Object b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
            return x.compareTo(y);
        }
        return a.toString().compareTo(b.toString());
    }

    private static int intParam(HttpUrl url, String name, int fallback) {
        try {
            String value = url.queryParameter(name);
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
