package dev.jobstatus.nexudus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A Nexudus API on loopback: the background-job get and listing (every filter, range filter, sort field and
 * direction, page and size up to 1000, the envelope, ResultData left out of listings), the token endpoint with
 * password and refresh grants, and Nexudus's 401 and 404 bodies. Jobs can be given a script of statuses that
 * advances one step per GET.
 */
final class NexudusSimulator extends Dispatcher {
    static final String USERNAME = "admin@example.com";
    static final String PASSWORD = "correct horse";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String FILTER_PREFIX = "BusinessBackgroundJob_";
    /** Filter parameter suffix → record property. */
    private static final Map<String, String> FILTERS = Map.of(
            "Business", "BusinessId", "Business_Name", "BusinessName", "User", "UserId",
            "User_FullName", "UserFullName", "User_Email", "UserEmail", "JobId", "JobId",
            "Description", "Description", "Files", "Files", "Status", "Status", "ResultData", "ResultData");

    private final List<Map<String, Object>> jobs = new CopyOnWriteArrayList<>();
    private final Map<Long, Deque<String>> scripts = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> validRefreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private volatile long expiresInSeconds = 7 * 24 * 3600;
    private volatile Runnable beforeEachListing = () -> { };

    /** Seeds {@code count} jobs with ids 1..count and varied fields. */
    NexudusSimulator seed(int count) {
        String[] statuses = {"Completed", "Failed", "Running", "Queued", "Completed"};
        for (int i = 1; i <= count; i++) {
            LocalDateTime created = LocalDateTime.of(2025, 1, 1, 0, 0).plusMinutes(i * 7L);
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("BusinessId", 1 + i % 3);
            job.put("BusinessName", "Location " + (1 + i % 3));
            job.put("UserId", 100 + i % 7);
            job.put("UserFullName", "User " + i % 7);
            job.put("UserEmail", "user" + i % 7 + "@example.com");
            job.put("JobId", String.format("00000000-0000-0000-0000-%012d", i));
            job.put("Description", i % 4 == 0 ? "Bulk edit" : "Import members");
            job.put("Files", "file-" + i % 10 + ".csv");
            job.put("Status", statuses[i % statuses.length]);
            job.put("ResultData", "{\"rows\":" + i + "}");
            job.put("Id", (long) i);
            job.put("UniqueId", String.format("a1b2c3d4-0000-0000-0000-%012d", i));
            // Nexudus sends timestamps both with and without a zone.
            job.put("CreatedOn", created + (i % 2 == 0 ? ":00Z" : ":00"));
            job.put("UpdatedOn", created.plusMinutes(i % 60) + ":00Z");
            job.put("UpdatedBy", "admin@example.com");
            job.put("IsNew", i % 11 == 0);
            job.put("SystemId", null);
            job.put("ToStringText", "BusinessBackgroundJob " + i);
            job.put("LocalizationDetails", null);
            job.put("CustomFields", null);
            jobs.add(job);
        }
        return this;
    }

    /** Adds a job as given (property → value). */
    NexudusSimulator add(Map<String, Object> job) {
        jobs.add(0, new LinkedHashMap<>(job));
        return this;
    }

    /** Makes job {@code id} report {@code statuses} one after another, one per GET, then keep the last. */
    NexudusSimulator script(long id, String... statuses) {
        scripts.put(id, new ArrayDeque<>(List.of(statuses)));
        return this;
    }

    /** Runs {@code action} before serving each listing request (for example, to insert records). */
    NexudusSimulator beforeEachListing(Runnable action) {
        this.beforeEachListing = action;
        return this;
    }

    /** Sets the lifetime of tokens issued from now on. */
    NexudusSimulator tokenLifetime(long seconds) {
        this.expiresInSeconds = seconds;
        return this;
    }

    /** Makes every issued access token invalid, as after a server-side expiry. */
    void revokeAccessTokens() {
        validTokens.clear();
    }

    /** Makes every issued refresh token invalid. */
    void revokeRefreshTokens() {
        validRefreshTokens.clear();
    }

    /** Returns the form fields of every token request, in order. */
    List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** Returns the jobs that a listing with {@code url}'s filters and sort yields, in order (the reference). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Map<String, Object>> matching(HttpUrl url) {
        List<Map<String, Object>> result = new ArrayList<>(jobs.stream().filter(filters(url)).toList());
        String orderBy = url.queryParameter("orderBy");
        Comparator<Map<String, Object>> order = Comparator.comparing(job -> sortKey(job, orderBy == null ? "Id" : orderBy),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        if ("-1".equals(url.queryParameter("dir"))) {
            order = order.reversed();
        }
        result.sort(order.thenComparing(job -> (Long) job.get("Id")));
        return result;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        List<String> path = request.getUrl().pathSegments();
        if (path.equals(List.of("api", "token")) && "POST".equals(request.getMethod())) {
            return token(request);
        }
        if (!authorized(request.getHeaders().get("Authorization"))) {
            return json(401, Map.of("Message", "Authorization has been denied for this request."));
        }
        if (path.size() == 3 && path.subList(0, 3).equals(List.of("api", "sys", "businessbackgroundjobs"))) {
            beforeEachListing.run();
            return list(request.getUrl());
        }
        if (path.size() == 4 && path.subList(0, 3).equals(List.of("api", "sys", "businessbackgroundjobs"))) {
            return get(path.get(3));
        }
        return json(404, "Not found");
    }

    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        if (header.startsWith("Bearer ")) {
            return validTokens.contains(header.substring(7));
        }
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes());
        return header.equals(basic);
    }

    private MockResponse token(RecordedRequest request) {
        if (!String.valueOf(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded")) {
            return json(400, Map.of("error", "unsupported_grant_type", "error_description", "form body expected"));
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBody().utf8().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        tokenRequests.add(form);
        boolean ok = switch (form.getOrDefault("grant_type", "")) {
            case "password" -> USERNAME.equals(form.get("username")) && PASSWORD.equals(form.get("password"));
            case "refresh_token" -> validRefreshTokens.remove(form.get("refresh_token"));
            default -> false;
        };
        if (!ok) {
            return json(400, Map.of("error", "invalid_grant", "error_description", "The user name or password is incorrect."));
        }
        int n = tokenCounter.incrementAndGet();
        String access = "access-" + n;
        String refresh = "refresh-" + n;
        validTokens.add(access);
        validRefreshTokens.add(refresh);
        return json(200, Map.of("access_token", access, "token_type", "bearer", "expires_in", expiresInSeconds, "refresh_token", refresh));
    }

    private MockResponse get(String id) {
        for (Map<String, Object> job : jobs) {
            if (String.valueOf(job.get("Id")).equals(id)) {
                Deque<String> script = scripts.get(job.get("Id"));
                if (script != null && !script.isEmpty()) {
                    job.put("Status", script.size() > 1 ? script.poll() : script.peek());
                }
                return json(200, job);
            }
        }
        return json(404, "Not found");
    }

    private MockResponse list(HttpUrl url) {
        List<Map<String, Object>> all = matching(url);
        int size = Math.min(1000, Math.max(1, intParam(url, "size", 25)));
        int page = Math.max(1, intParam(url, "page", 1));
        int from = Math.min(all.size(), (page - 1) * size);
        int to = Math.min(all.size(), from + size);
        List<Map<String, Object>> records = new ArrayList<>();
        for (Map<String, Object> job : all.subList(from, to)) {
            Map<String, Object> summary = new LinkedHashMap<>(job);
            summary.remove("ResultData");
            records.add(summary);
        }
        int totalPages = (all.size() + size - 1) / size;
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

    private static Predicate<Map<String, Object>> filters(HttpUrl url) {
        Predicate<Map<String, Object>> keep = job -> true;
        for (Map.Entry<String, String> filter : FILTERS.entrySet()) {
            String wanted = url.queryParameter(FILTER_PREFIX + filter.getKey());
            if (wanted != null) {
                keep = keep.and(job -> String.valueOf(job.get(filter.getValue())).equalsIgnoreCase(wanted));
            }
        }
        for (String field : List.of("CreatedOn", "UpdatedOn")) {
            String from = url.queryParameter("from_" + FILTER_PREFIX + field);
            String to = url.queryParameter("to_" + FILTER_PREFIX + field);
            if (from != null) {
                LocalDateTime min = LocalDateTime.parse(from, MINUTES);
                keep = keep.and(job -> !time(job, field).isBefore(min));
            }
            if (to != null) {
                LocalDateTime max = LocalDateTime.parse(to, MINUTES);
                keep = keep.and(job -> !time(job, field).isAfter(max));
            }
        }
        return keep;
    }

    private static LocalDateTime time(Map<String, Object> job, String field) {
        return LocalDateTime.parse(String.valueOf(job.get(field)).replace("Z", ""));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable sortKey(Map<String, Object> job, String property) {
        Object value = job.get(property);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (property.endsWith("On") && value != null) {
            return time(job, property);
        }
        return value == null ? null : (Comparable) (value instanceof String s ? s.toLowerCase(Locale.ROOT) : value);
    }

    private static int intParam(HttpUrl url, String name, int fallback) {
        try {
            String value = url.queryParameter(name);
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static MockResponse json(int status, Object body) {
        try {
            return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json; charset=utf-8")
                    .body(JSON.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
