package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.core.internal.transport.TestTransports.THING;
import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.auth.CachingTokenProvider;
import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.internal.auth.TokenEndpoint;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.core.time.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An asynchronous call whose token must be fetched neither blocks its caller nor holds a thread that other calls
 * need (OkHttp's dispatcher, the scheduler): against a token endpoint that stays silent until the test lets it answer,
 * everything else goes on. Latches decide, never elapsed time.
 */
class AsyncCredentialsTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Lets the silent token endpoint answer. */
    private final CountDownLatch release = new CountDownLatch(1);
    /** Counted down when a token request reaches the silent endpoint. */
    private final CountDownLatch tokenStuck = new CountDownLatch(1);
    /** Token requests answered at once before the endpoint goes silent. */
    private final AtomicInteger answeredTokens = new AtomicInteger();

    private volatile int tokensAnsweredAtOnce;
    /** How many times each path was asked for. */
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    /** The thread each token operation started on. */
    private final List<String> tokenThreads = new CopyOnWriteArrayList<>();
    /** The token provider's clock, for its expiry only, from the real now: the calls run on the system clock. */
    private final ManualTimeSource tokenClock = new ManualTimeSource(java.time.Instant.now());

    @AfterEach
    void releaseTheEndpoint() {
        release.countDown();
    }

    /**
     * The token endpoint answers {@code atOnce} requests, then is silent until released; {@code /things/a} and
     * {@code /things/b} answer {@code first} the first time, 200 after; {@code /things/c} answers 200.
     */
    private void serve(int atOnce, int first) {
        tokensAnsweredAtOnce = atOnce;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String path = request.getUrl().encodedPath();
                int n = asked.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                if (path.equals("/v1/token")) {
                    if (answeredTokens.incrementAndGet() > tokensAnsweredAtOnce) {
                        tokenStuck.countDown();
                        release.await(60, TimeUnit.SECONDS);
                    }
                    return json(200, "{\"access_token\":\"t" + answeredTokens.get() + "\",\"expires_in\":3600}");
                }
                if (n == 1 && !path.equals("/v1/things/c")) {
                    return new MockResponse.Builder().code(first).build();
                }
                return json(200, "{\"id\":\"" + path.substring(path.lastIndexOf('/') + 1) + "\"}");
            }
        });
    }

    private HttpTransport transport(ClientListener listener) {
        ApiRequest tokenRequest = ApiRequest.post()
                .path("token")
                .formBody(Map.of("grant_type", "client_credentials"))
                .unauthenticated()
                .operation("token", null)
                .credentialExchange(List.of())
                .build();
        return HttpTransport.builder("acme")
                .baseUrl(server.url("/v1/"))
                .timeSource(TimeSource.system())
                .retryPolicy(RetryPolicy.builder()
                        .fullJitter(false)
                        .initialBackoff(Duration.ofMillis(1))
                        .build())
                .listener(listener)
                .credentials(t -> CachingTokenProvider.builder(previous -> TokenEndpoint.fetch(t, tokenRequest, null))
                        .timeSource(tokenClock)
                        .build())
                .build();
    }

    /** Records the thread of each token operation; runs {@code onRetry} at each retry scheduled. */
    private ClientListener listener(Runnable onRetry) {
        return (provider, operation, jobId, parent) -> {
            if (operation.equals("token")) {
                tokenThreads.add(Thread.currentThread().getName());
            }
            return new ClientListener.Operation() {
                @Override
                public void retryScheduled(Duration delay, String cause) {
                    onRetry.run();
                }
            };
        };
    }

    private static ApiRequest get(String id, boolean authenticated) {
        ApiRequest.Builder request = ApiRequest.get().path("things").pathParam("id", id);
        return (authenticated ? request : request.unauthenticated()).build();
    }

    @Test
    void getAsyncReturnsAPendingFutureWhileTheTokenEndpointIsSilent() throws Exception {
        serve(0, 200);
        try (HttpTransport transport = transport(listener(() -> {}))) {
            AtomicReference<CompletableFuture<ApiResponse<TestTransports.Thing>>> call = new AtomicReference<>();
            CountDownLatch returned = new CountDownLatch(1);
            Thread caller = new Thread(
                    () -> {
                        call.set(transport.executeAsync(get("c", true), THING));
                        returned.countDown();
                    },
                    "caller");
            caller.setDaemon(true);
            caller.start();

            assertThat(tokenStuck.await(30, TimeUnit.SECONDS))
                    .as("the token request reached the endpoint")
                    .isTrue();
            assertThat(returned.await(30, TimeUnit.SECONDS))
                    .as("executeAsync returned while its token is fetched")
                    .isTrue();
            assertThat(call.get()).isNotDone();

            release.countDown();
            assertThat(call.get().get(30, TimeUnit.SECONDS).value().id()).isEqualTo("c");
            assertThat(tokenThreads).singleElement().asString().startsWith("jobstatus-acme-credentials-");
        }
    }

    @Test
    void aRetryTimerFiresWhileAnotherCallsTokenFetchIsStuck() throws Exception {
        serve(1, 503);
        // The first retry finds the token expired: it is fetched again, from the silent endpoint.
        CountDownLatch firstRetry = new CountDownLatch(1);
        try (HttpTransport transport = transport(listener(() -> {
            if (firstRetry.getCount() > 0) {
                tokenClock.advance(Duration.ofHours(2));
                firstRetry.countDown();
            }
        }))) {
            CompletableFuture<ApiResponse<TestTransports.Thing>> a = transport.executeAsync(get("a", true), THING);
            assertThat(tokenStuck.await(30, TimeUnit.SECONDS))
                    .as("a's retry fetches a token")
                    .isTrue();

            CompletableFuture<ApiResponse<TestTransports.Thing>> b = transport.executeAsync(get("b", false), THING);

            assertThat(b.get(30, TimeUnit.SECONDS).attempts())
                    .as("b, retried on a timer")
                    .isEqualTo(2);
            assertThat(a).isNotDone();
            release.countDown();
            assertThat(a.get(30, TimeUnit.SECONDS).attempts()).isEqualTo(2);
            assertThat(tokenThreads)
                    .hasSize(2)
                    .allSatisfy(name -> assertThat(name).startsWith("jobstatus-acme-credentials-"));
        }
    }

    @Test
    void aRenewalAfter401IsFetchedOffOkHttpsDispatcher() throws Exception {
        serve(1, 401);
        try (HttpTransport transport = transport(listener(() -> {}))) {
            CompletableFuture<ApiResponse<TestTransports.Thing>> a = transport.executeAsync(get("a", true), THING);
            assertThat(tokenStuck.await(30, TimeUnit.SECONDS))
                    .as("the 401 renews the token")
                    .isTrue();
            // Another call, with the token not yet replaced, goes on meanwhile.
            assertThat(transport
                            .executeAsync(get("c", true), THING)
                            .get(30, TimeUnit.SECONDS)
                            .attempts())
                    .isEqualTo(1);
            assertThat(a).isNotDone();

            release.countDown();
            assertThat(a.get(30, TimeUnit.SECONDS).attempts()).isEqualTo(2);
            assertThat(tokenThreads)
                    .hasSize(2)
                    .allSatisfy(name -> assertThat(name).startsWith("jobstatus-acme-credentials-"));
        }
    }

    @Test
    void closeEndsACallWaitingForItsTokenAndStopsTheFetch() throws Exception {
        serve(0, 200);
        HttpTransport transport = transport(listener(() -> {}));
        CompletableFuture<ApiResponse<TestTransports.Thing>> call = transport.executeAsync(get("c", true), THING);
        assertThat(tokenStuck.await(30, TimeUnit.SECONDS)).isTrue();
        Thread fetching = credentialThread();

        transport.close();

        ExecutionException failed =
                catchThrowableOfType(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
        assertThat(failed).isNotNull();
        assertThat(failed.getCause()).isInstanceOf(ClientClosedException.class);
        fetching.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(fetching.isAlive())
                .as("the fetching thread is interrupted and ends")
                .isFalse();
    }

    private static Thread credentialThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("jobstatus-acme-credentials-"))
                .findFirst()
                .orElseThrow();
    }
}
