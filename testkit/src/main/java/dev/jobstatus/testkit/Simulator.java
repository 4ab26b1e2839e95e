package dev.jobstatus.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A provider API served on loopback by an in-process {@link MockWebServer}: the common part of the three
 * simulators. It applies injected {@link Fault}s, enforces the provider's documented rate limits (answering
 * the way the provider throttles), and hands everything else to the provider's handler. Thread-safe.
 *
 * @param <S> the concrete simulator type
 */
public abstract class Simulator<S extends Simulator<S>> implements AutoCloseable {
    /** The JSON writer of the simulators (subclasses elsewhere use {@link #json(int, Object)}). */
    static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = NoDelayServerSockets.apply(new MockWebServer());
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final List<Duration> limitPeriods = new ArrayList<>();
    private final List<Integer> limitPermits = new ArrayList<>();
    private final java.util.Map<String, List<Window>> windows = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean limitsEnforced = true;
    private final java.util.concurrent.atomic.AtomicInteger throttled = new java.util.concurrent.atomic.AtomicInteger();
    private volatile @Nullable InstantSource clock;
    private volatile boolean closeAfterEachResponse;
    private final List<Instant> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** One rate limit: at most {@code permits} requests in any span of {@code period}. */
    private static final class Window {
        private final int permits;
        private final long periodNanos;
        private final Deque<Long> times = new ArrayDeque<>();

        Window(int permits, Duration period) {
            this.permits = permits;
            // Requests are timed at dispatch, after they are read, so the first one on a cold server is timed
            // late; a 10% grace keeps a client paced at the documented rate from being throttled for it.
            this.periodNanos = period.toNanos() * 9 / 10;
        }

        /** Returns how long until a request would be allowed, or zero, recording the request when allowed. */
        synchronized long admit(long now) {
            while (!times.isEmpty() && now - times.peekFirst() >= periodNanos) {
                times.pollFirst();
            }
            if (times.size() >= permits) {
                return times.peekFirst() + periodNanos - now;
            }
            times.addLast(now);
            return 0;
        }
    }

    /** Creates the simulator; subclasses call {@link #serve()} once set up. */
    protected Simulator() {}

    /** {@return this simulator as its concrete type} */
    @SuppressWarnings("unchecked")
    protected final S self() {
        return (S) this;
    }

    /**
     * Adds one of the provider's documented rate limits; subclasses call it before {@link #serve()}.
     *
     * @param permits the requests allowed
     * @param period in any span of this length
     */
    protected final void limit(int permits, Duration period) {
        limitPermits.add(permits);
        limitPeriods.add(period);
    }

    /**
     * {@return what a rate limit is counted per: the whole API by default} A provider that throttles per URL returns
     * the request's path.
     *
     * @param request the request being counted
     */
    protected String limitKey(RecordedRequest request) {
        return "";
    }

    /**
     * Starts serving on a free loopback port.
     *
     * @return this simulator
     */
    protected final S serve() {
        return serve(0);
    }

    /**
     * Starts serving on loopback port {@code port}.
     *
     * @param port the port, or 0 for a free one
     * @return this simulator
     * @throws UncheckedIOException if the port cannot be listened on, such as when another process holds it
     */
    protected final S serve(int port) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return Simulator.this.dispatch(request);
            }
        });
        try {
            server.start(port);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the simulator on " + (port == 0 ? "a free port" : "port " + port) + ": "
                            + e.getMessage(),
                    e);
        }
        return self();
    }

    /** {@return the API root to give a client as its base URL} */
    public abstract HttpUrl baseUrl();

    /**
     * {@return the root URL of the server}
     *
     * @param path the path under the root, such as {@code api/1.0/}
     */
    protected final HttpUrl serverUrl(String path) {
        return server.url(path);
    }

    /** {@return the underlying server, for assertions on the requests it received ({@code takeRequest()})} */
    public final MockWebServer server() {
        return server;
    }

    /** {@return how many requests the simulator has received} */
    public final int requestCount() {
        return server.getRequestCount();
    }

    /**
     * Injects {@code fault} into the next request not yet served; several faults apply in order.
     *
     * @param fault what to do instead of serving normally
     * @return this simulator
     */
    public final S inject(Fault fault) {
        faults.add(fault);
        return self();
    }

    /**
     * Measures the rate limits by {@code clock} instead of the JVM's monotonic clock, so a test can spend an hour's
     * or a day's quota and move past it without waiting: advance the clock between requests. {@code null} goes back
     * to real time.
     *
     * @param clock the clock the limits are measured by
     * @return this simulator
     */
    public final S clock(@Nullable InstantSource clock) {
        this.clock = clock;
        return self();
    }

    /**
     * Closes every connection right after its response, without announcing it ({@code Connection: close}): a
     * client that pools connections finds them closed by the server, as behind load balancers with short idle
     * timeouts.
     *
     * @return this simulator
     */
    public final S closeConnectionAfterEachResponse() {
        closeAfterEachResponse = true;
        return self();
    }

    /**
     * {@return when each request arrived, in order, by the simulator's clock (see {@link #clock(InstantSource)})}: for
     * asserting that a client kept within a quota.
     */
    public final List<Instant> arrivals() {
        return List.copyOf(arrivals);
    }

    /**
     * {@return the most requests that arrived within any span of {@code period}}
     *
     * @param period the span, such as the length of one of the provider's rate-limit windows
     */
    public final int mostArrivalsWithin(Duration period) {
        List<Instant> times = arrivals();
        int most = 0;
        int first = 0;
        for (int last = 0; last < times.size(); last++) {
            while (!times.get(first).plus(period).isAfter(times.get(last))) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    /** {@return the simulator's time: its clock's if it was given one, else the system's} */
    protected final Instant now() {
        InstantSource manual = clock;
        return manual == null ? Instant.now() : manual.instant();
    }

    /** {@return how many requests were refused for exceeding the rate limits (injected throttles not counted)} */
    public final int throttledCount() {
        return throttled.get();
    }

    /**
     * Stops enforcing the provider's rate limits (for tests that pace requests some other way).
     * @return this simulator
     */
    public final S withoutRateLimits() {
        limitsEnforced = false;
        return self();
    }

    private MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        MockResponse response = answer(request);
        return closeAfterEachResponse
                ? new MockResponse.Builder(response)
                        .onResponseEnd(new SocketEffect.CloseSocket())
                        .build()
                : response;
    }

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        arrivals.add(now());
        Fault fault = faults.poll();
        if (fault instanceof Fault.Status status) {
            return error(status.status());
        }
        if (fault instanceof Fault.DropConnection) {
            // onRequestStart effects are read from Dispatcher.peek(), not from dispatch(): drop at response start
            // instead.
            return new MockResponse.Builder()
                    .onResponseStart(new SocketEffect.CloseSocket())
                    .build();
        }
        if (fault instanceof Fault.Throttle throttle) {
            return throttled(throttle.retryAfter());
        }
        if (limitsEnforced) {
            InstantSource manual = clock;
            long now = manual == null ? System.nanoTime() : nanos(manual.instant());
            List<Window> limits = windows.computeIfAbsent(limitKey(request), key -> {
                List<Window> fresh = new ArrayList<>();
                for (int i = 0; i < limitPermits.size(); i++) {
                    fresh.add(new Window(limitPermits.get(i), limitPeriods.get(i)));
                }
                return fresh;
            });
            for (Window window : limits) {
                long wait = window.admit(now);
                if (wait > 0) {
                    throttled.incrementAndGet();
                    return throttled(Duration.ofNanos(wait));
                }
            }
        }
        MockResponse response = handle(request);
        if (fault instanceof Fault.TruncatedBody) {
            return new MockResponse.Builder(response)
                    .onResponseBody(new SocketEffect.CloseSocket())
                    .build();
        }
        if (fault instanceof Fault.Delay delay) {
            return new MockResponse.Builder(response)
                    .headersDelay(delay.delay().toMillis(), TimeUnit.MILLISECONDS)
                    .build();
        }
        return response;
    }

    /**
     * Serves one request the provider's way.
     *
     * @param request the request, already past faults and rate limits
     * @return the response
     * @throws InterruptedException if interrupted while answering
     */
    protected abstract MockResponse handle(RecordedRequest request) throws InterruptedException;

    /**
     * Answers as the provider answers a throttled request.
     *
     * @param retryAfter the delay to ask the client for
     * @return the response
     */
    protected abstract MockResponse throttled(Duration retryAfter);

    /**
     * Answers with an error status and the provider's error body.
     *
     * @param status the HTTP status
     * @return the response
     */
    protected abstract MockResponse error(int status);

    /**
     * {@return a JSON response}
     *
     * @param status the HTTP status
     * @param body the value to write as JSON
     */
    protected static MockResponse json(int status, Object body) {
        return Responses.json(status, body);
    }

    /**
     * {@return the fields of an {@code application/x-www-form-urlencoded} request body, in order}
     *
     * @param request the request
     */
    protected static java.util.Map<String, String> formFields(RecordedRequest request) {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        for (String pair : request.getBody().utf8().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                    kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    /**
     * {@return {@code retryAfter} in whole seconds, at least 1, as {@code Retry-After} wants}
     *
     * @param retryAfter the delay to announce
     */
    protected static String seconds(Duration retryAfter) {
        long millis = retryAfter.toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }
}
