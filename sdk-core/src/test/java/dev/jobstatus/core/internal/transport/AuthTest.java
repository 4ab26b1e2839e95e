package dev.jobstatus.core.internal.transport;

import static dev.jobstatus.core.internal.transport.TestTransports.THING;
import static dev.jobstatus.core.internal.transport.TestTransports.getThing;
import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.RequestOptions;
import dev.jobstatus.core.auth.AccessToken;
import dev.jobstatus.core.auth.AuthHeaders;
import dev.jobstatus.core.auth.CachingTokenProvider;
import dev.jobstatus.core.auth.CredentialProvider;
import dev.jobstatus.core.auth.TokenFetcher;
import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.internal.timing.Deadlines;
import dev.jobstatus.core.time.ManualTimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AuthTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @StartStop
    final MockWebServer otherHost = new MockWebServer();

    private final ManualTimeSource time = new ManualTimeSource();

    /** A fetcher that issues token-1, token-2, … each valid for one hour. */
    private final AtomicInteger fetches = new AtomicInteger();

    private final TokenFetcher countingFetcher = previous -> {
        int n = fetches.incrementAndGet();
        return new AccessToken("token-" + n, time.now().plus(Duration.ofHours(1)), "refresh-" + n);
    };

    private CachingTokenProvider caching() {
        return CachingTokenProvider.builder(countingFetcher).timeSource(time).build();
    }

    @Test
    void staticCredentialsAreSentOnEveryRequest() throws Exception {
        HttpTransport transport = TestTransports.builder(server, time)
                .credentials(
                        CredentialProvider.staticHeaders(Map.of("Authorization", "key-123", "wix-site-id", "site-9")))
                .build();
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        transport.execute(getThing("1"), THING);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("key-123");
        assertThat(request.getHeaders().get("wix-site-id")).isEqualTo("site-9");
        assertThat(request.getHeaders().get("User-Agent"))
                .matches("jobstatus-java/0\\.1\\.0-SNAPSHOT \\(acme\\) Java/" + System.getProperty("java.version"));
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void anErrorThatEchoesTheRefreshTokenShowsItNowhere() {
        HttpTransport transport =
                TestTransports.builder(server, time).credentials(caching()).build();
        server.enqueue(json(
                400,
                "{\"message\":\"your token token-1 and refresh refresh-1 are not for this\","
                        + "\"details\":[{\"field\":\"refresh-1\",\"message\":\"refresh-1\"}]}"));

        ApiException e = catchThrowableOfType(ApiException.class, () -> transport.execute(getThing("1"), THING));

        assertThat(e.getMessage() + e.bodyExcerpt() + e.error())
                .contains("your token *** and refresh ***")
                .doesNotContain("token-1", "refresh-1");
    }

    @Test
    void basicCredentialsAreEncoded() throws Exception {
        HttpTransport transport = TestTransports.builder(server, time)
                .credentials(CredentialProvider.basic("ann@example.com", "pässword"))
                .build();
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        transport.execute(getThing("1"), THING);

        assertThat(server.takeRequest().getHeaders().get("Authorization"))
                .isEqualTo("Basic YW5uQGV4YW1wbGUuY29tOnDDpHNzd29yZA==");
    }

    @Test
    void unauthorizedRefreshesOnceAndRetrySucceeds() throws Exception {
        HttpTransport transport =
                TestTransports.builder(server, time).credentials(caching()).build();
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        var response = transport.execute(getThing("1"), THING);

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
        assertThat(fetches).hasValue(2);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void secondUnauthorizedIsAnAuthenticationException() {
        HttpTransport transport =
                TestTransports.builder(server, time).credentials(caching()).build();
        server.enqueue(new MockResponse.Builder()
                .code(401)
                .body("{\"message\":\"bad token\"}")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(401)
                .body("{\"message\":\"still bad\"}")
                .build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        AuthenticationException e =
                catchThrowableOfType(AuthenticationException.class, () -> transport.execute(getThing("1"), THING));

        assertThat(e.errorMessage()).contains("still bad");
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aRefreshThatFailsIsAnAuthenticationExceptionCarryingWhy() {
        CachingTokenProvider failing = CachingTokenProvider.builder(previous -> {
                    if (previous == null) {
                        return new AccessToken("token-1", time.now().plus(Duration.ofHours(1)), null);
                    }
                    throw new dev.jobstatus.core.exception.BadRequestException(
                            new dev.jobstatus.core.exception.ApiError(
                                    "acme",
                                    400,
                                    null,
                                    "invalid_grant",
                                    "refresh token expired",
                                    List.of(),
                                    null,
                                    "",
                                    1,
                                    "POST /token"));
                })
                .timeSource(time)
                .build();
        HttpTransport transport =
                TestTransports.builder(server, time).credentials(failing).build();
        server.enqueue(new MockResponse.Builder()
                .code(401)
                .body("{\"message\":\"token expired\"}")
                .build());

        AuthenticationException e =
                catchThrowableOfType(AuthenticationException.class, () -> transport.execute(getThing("1"), THING));

        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(e.getMessage())
                .contains(
                        "token expired; renewing the credentials failed: acme API returned HTTP 400 for POST /token [invalid_grant]");
        assertThat(e.getCause()).isInstanceOf(dev.jobstatus.core.exception.BadRequestException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void staticCredentialsRejectedAreNotRetried() {
        HttpTransport transport = TestTransports.builder(server, time)
                .credentials(CredentialProvider.bearerToken("t0ken-abc"))
                .build();
        server.enqueue(new MockResponse.Builder().code(401).build());

        assertThat(catchThrowableOfType(AuthenticationException.class, () -> transport.execute(getThing("1"), THING))
                        .attempts())
                .isEqualTo(1);
    }

    @Test
    void tokenIsRefreshedShortlyBeforeExpiry() throws Exception {
        HttpTransport transport =
                TestTransports.builder(server, time).credentials(caching()).build();
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(200, "{\"id\":\"1\"}"));
        }

        transport.execute(getThing("1"), THING);
        time.advance(Duration.ofMinutes(58));
        transport.execute(getThing("1"), THING);
        time.advance(Duration.ofSeconds(90)); // now within the one-minute margin
        transport.execute(getThing("1"), THING);

        assertThat(List.of(server.takeRequest(), server.takeRequest(), server.takeRequest()))
                .extracting(r -> r.getHeaders().get("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
    }

    @Test
    void twentyConcurrentCallersWithAnExpiredTokenCauseOneFetch() throws Exception {
        CountDownLatch fetchStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowFetches = new AtomicInteger();
        CachingTokenProvider provider = CachingTokenProvider.builder(previous -> {
                    int n = slowFetches.incrementAndGet();
                    if (n == 2) {
                        fetchStarted.countDown();
                        await(release);
                    }
                    return new AccessToken("token-" + n, time.now().plus(Duration.ofHours(1)), null);
                })
                .timeSource(time)
                .build();
        provider.headers(); // token-1
        time.advance(Duration.ofHours(2)); // token-1 has expired
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return json(200, "{\"id\":\"1\"}");
            }
        });
        HttpTransport transport =
                TestTransports.builder(server, time).credentials(provider).build();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> transport.execute(getThing("1"), THING)));
            }
            assertThat(fetchStarted.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            for (Future<?> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(slowFetches).hasValue(2);
        for (int i = 0; i < 20; i++) {
            assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
        }
    }

    @Test
    void concurrentUnauthorizedResponsesShareOneRefresh() throws Exception {
        CachingTokenProvider provider = caching();
        AuthHeaders rejected = provider.headers();

        assertThat(provider.refresh(rejected)).isTrue();
        assertThat(provider.refresh(rejected)).isTrue(); // a second thread that saw the same 401

        assertThat(fetches).hasValue(2);
        assertThat(provider.headers().asMap()).containsEntry("Authorization", "Bearer token-2");
    }

    @Test
    void credentialsAreNotSentToAnotherHostOnRedirect() throws Exception {
        HttpTransport transport = TestTransports.builder(server, time)
                .credentials(
                        CredentialProvider.staticHeaders(Map.of("Authorization", "key-123", "wix-account-id", "acc-1")))
                .build();
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", otherHost.url("/elsewhere"))
                .build());
        otherHost.enqueue(json(200, "{\"id\":\"1\"}"));

        transport.execute(getThing("1"), THING);

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("key-123");
        RecordedRequest redirected = otherHost.takeRequest();
        assertThat(redirected.getHeaders().get("Authorization")).isNull();
        assertThat(redirected.getHeaders().get("wix-account-id")).isNull();
    }

    @Test
    void a401FromAnotherHostAfterARedirectRenewsNothing() throws Exception {
        HttpTransport transport =
                TestTransports.builder(server, time).credentials(caching()).build();
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", otherHost.url("/elsewhere"))
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", otherHost.url("/elsewhere"))
                .build());
        otherHost.enqueue(new MockResponse.Builder()
                .code(401)
                .body("{\"message\":\"who are you?\"}")
                .build());
        otherHost.enqueue(json(200, "{\"id\":\"1\"}"));

        AuthenticationException e =
                catchThrowableOfType(AuthenticationException.class, () -> transport.execute(getThing("1"), THING));

        // The other host never had our credentials: its 401 says nothing about them, so no token is renewed or re-sent.
        assertThat(e.errorMessage()).isEqualTo("who are you?");
        assertThat(fetches).hasValue(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(otherHost.getRequestCount()).isEqualTo(1);
        assertThat(otherHost.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void credentialsFollowARedirectOnTheSameOrigin() throws Exception {
        HttpTransport transport = TestTransports.builder(server, time)
                .credentials(CredentialProvider.bearerToken("secret-tok"))
                .build();
        server.enqueue(new MockResponse.Builder()
                .code(301)
                .setHeader("Location", "/v1/things/moved")
                .build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));

        transport.execute(getThing("1"), THING);

        server.takeRequest();
        RecordedRequest moved = server.takeRequest();
        assertThat(moved.getTarget()).isEqualTo("/v1/things/moved");
        assertThat(moved.getHeaders().get("Authorization")).isEqualTo("Bearer secret-tok");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aCredentialsLookupIsBoundedByItsCallsDeadlineAndOnlyWhileItRuns() throws Exception {
        List<@Nullable Duration> seen = new ArrayList<>();
        // A token endpoint of its own, as a fetching provider has: its call is made inside the outer lookup.
        HttpTransport tokenEndpoint = TestTransports.builder(otherHost, time)
                .credentials(() -> {
                    seen.add(Deadlines.enclosingRemaining());
                    return AuthHeaders.of("Authorization", "client-secret");
                })
                .build();
        HttpTransport transport = TestTransports.builder(server, time)
                .credentials(() -> {
                    seen.add(Deadlines.enclosingRemaining());
                    tokenEndpoint.execute(getThing("token"), THING);
                    seen.add(Deadlines.enclosingRemaining());
                    return AuthHeaders.of("Authorization", "Bearer token-1");
                })
                .build();
        otherHost.enqueue(json(200, "{\"id\":\"token\"}"));
        otherHost.enqueue(json(200, "{\"id\":\"token\"}"));
        server.enqueue(json(200, "{\"id\":\"1\"}"));
        server.enqueue(json(200, "{\"id\":\"2\"}"));

        transport.execute(getThing("1"), THING, RequestOptions.timeout(Duration.ofSeconds(5)));
        transport.execute(getThing("2"), THING, RequestOptions.timeout(Duration.ofSeconds(7)));

        Duration five = Duration.ofSeconds(5);
        Duration seven = Duration.ofSeconds(7);
        // The token call's own budget is the default (minutes): its lookup sees the outer call's deadline, and the
        // outer lookup sees it again once the token call is done.
        assertThat(seen).containsExactly(five, five, five, seven, seven, seven);
        assertThat(Deadlines.enclosingRemaining()).as("outside a lookup").isNull();
    }
}
