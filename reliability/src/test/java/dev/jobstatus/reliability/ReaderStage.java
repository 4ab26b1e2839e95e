package dev.jobstatus.reliability;

import dev.jobstatus.core.client.ClientBuilder;
import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.JobStatusException;
import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.internal.text.Text;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.statistics.Statistics;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The stage of the body properties: a loopback server that answers with the current try's generated response, and the
 * judge of what the client made of it. A try ends in a value, or in one of the SDK's exceptions whose messages (and
 * those of its causes) hold no raw control character and no secret; anything else fails the property.
 */
final class ReaderStage implements AutoCloseable {
    /** The statistics label under which each try's outcome is counted. */
    static final String OUTCOME = "outcome";
    /** The outcome of a try that returned a value. */
    static final String VALUE = "value";

    private final String provider;
    private final String tokenPath;
    private final MockWebServer server = NoDelayServerSockets.apply(new MockWebServer());
    private final OkHttpClient http = new OkHttpClient();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final long started = System.nanoTime();
    private volatile MockResponse answer;
    private volatile MockResponse tokenAnswer;

    /**
     * Starts the server.
     *
     * @param provider the provider every exception must name
     * @param tokenPath the path of the provider's token endpoint, answered by {@link #tokenAnswer(Served)}
     */
    ReaderStage(String provider, String tokenPath) {
        this.provider = provider;
        this.tokenPath = tokenPath;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getUrl().encodedPath().equals(tokenPath) ? tokenAnswer : answer;
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return {@code builder} aimed at this stage: no retries, no pacing, a clock that stands still} */
    <B extends ClientBuilder<B>> B configure(B builder, String basePath) {
        return builder.baseUrl(url(basePath))
                .httpClient(http)
                .timeSource(new ManualTimeSource())
                .rateLimiter(RateLimiter.unlimited())
                .retryPolicy(RetryPolicy.none())
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(30));
    }

    HttpUrl url(String path) {
        return server.url(path);
    }

    /** Answers every request but the token endpoint's with {@code served}. */
    void answer(Served served) {
        answer = served.response();
    }

    /** Answers the token endpoint with {@code served}. */
    void tokenAnswer(Served served) {
        tokenAnswer = served.response();
    }

    /**
     * Runs one try's call and judges it; counts its outcome (the exception's simple name, or {@value #VALUE}) in jqwik's
     * statistics, and checks that every one of {@code expected} was reached by the end of the property.
     *
     * @param call the call as a user makes it
     * @param secrets what must never show in an exception, nor in a value unless {@code served} holds it
     * @param served the text of what the server sent in this try
     * @param expected the outcomes the generators must reach
     * @return the value, or {@code null} when the call threw
     */
    Object judge(Supplier<?> call, List<String> secrets, String served, String... expected) {
        Object value = null;
        Throwable thrown = null;
        try {
            value = call.get();
        } catch (Throwable t) {
            thrown = t;
        }
        String outcome;
        if (thrown == null) {
            if (value == null) {
                throw new AssertionError("the call returned null");
            }
            String text = String.valueOf(value);
            for (String secret : secrets) {
                if (text.contains(secret) && !served.contains(secret)) {
                    throw new AssertionError(
                            "the value shows the secret " + secret + ", which the server never sent: " + clip(text));
                }
            }
            outcome = VALUE;
        } else {
            if (!(thrown instanceof JobStatusException e) || thrown instanceof RequestTimeoutException) {
                throw new AssertionError(
                        "not one of the SDK's typed exceptions (or a timeout against a server that answers at once): "
                                + thrown,
                        thrown);
            }
            if (!provider.equals(e.provider())) {
                throw new AssertionError("the exception names provider " + e.provider() + ", not " + provider, thrown);
            }
            checkChain(thrown, secrets);
            outcome = thrown.getClass().getSimpleName();
        }
        outcomes.merge(outcome, 1, Integer::sum);
        Statistics.label(OUTCOME).collect(outcome);
        Statistics.label(OUTCOME).coverage(coverage -> {
            for (String name : expected) {
                coverage.check(name).count(n -> n > 0);
            }
        });
        return value;
    }

    /** Checks the message and string form of {@code top}, of each cause and suppressed exception, and the excerpts. */
    private static void checkChain(Throwable top, List<String> secrets) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>(List.of(top));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(todo.size() - 1);
            if (!seen.add(t)) {
                continue;
            }
            String what = t.getClass().getSimpleName();
            check(what + ".getMessage()", t.getMessage(), secrets, top);
            check(what + ".toString()", t.toString(), secrets, top);
            if (t instanceof ApiException api) {
                check(what + ".bodyExcerpt()", api.bodyExcerpt(), secrets, top);
            }
            if (t instanceof MalformedResponseException malformed) {
                check(what + ".bodyExcerpt()", malformed.bodyExcerpt(), secrets, top);
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
    }

    /**
     * Fails when {@code text} holds a raw control character, as {@link Text#escape} defines them (ISO controls, C0 and
     * C1, and the Unicode line and paragraph separators), or a secret.
     */
    private static void check(String what, String text, List<String> secrets, Throwable top) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new AssertionError(
                        String.format(
                                "%s holds the raw control character U+%04X at %d: %s", what, (int) c, i, clip(text)),
                        top);
            }
        }
        for (String secret : secrets) {
            if (text.contains(secret)) {
                throw new AssertionError(what + " shows the secret " + secret + ": " + clip(text), top);
            }
        }
    }

    private static String clip(String text) {
        return Text.escape(Text.clip(text, 600));
    }

    /** {@return one line: how many tries ended how, and how long the property took} */
    String summary(String property) {
        int tries = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        long types = outcomes.keySet().stream().filter(k -> !k.equals(VALUE)).count();
        return String.format(
                "%s: %d tries in %d ms, %d distinct exception types; outcomes %s",
                property, tries, (System.nanoTime() - started) / 1_000_000, types, outcomes);
    }

    @Override
    public void close() {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
