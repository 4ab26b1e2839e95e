package dev.jobstatus.wix;

import static dev.jobstatus.testkit.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.exception.BadRequestException;
import dev.jobstatus.core.exception.ErrorDetail;
import dev.jobstatus.core.exception.MalformedResponseException;
import dev.jobstatus.core.exception.NotFoundException;
import dev.jobstatus.core.exception.ServerException;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.PollEvent;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.polling.Progress;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.testkit.NoDelayServerSockets;
import dev.jobstatus.testkit.WixSimulator;
import dev.jobstatus.testkit.WixSimulator.Step;
import dev.jobstatus.wix.model.AsyncJob;
import dev.jobstatus.wix.model.AsyncJobItem;
import dev.jobstatus.wix.model.AsyncJobItemsPage;
import dev.jobstatus.wix.model.AsyncJobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WixClientTest {
    @StartStop
    final MockWebServer raw = NoDelayServerSockets.apply(new MockWebServer());

    private final ManualTimeSource time = new ManualTimeSource();
    private WixSimulator simulator;
    private MockWebServer server;

    @BeforeEach
    void start() {
        simulator = WixSimulator.start()
                .withoutRateLimits()
                .addJob(
                        "j-ok",
                        100L,
                        new Step("INITIALIZED", 0, 0),
                        new Step("PROCESSING", 30, 2),
                        new Step("PROCESSING", 70, 3),
                        new Step("FINISHED", 95, 5))
                .addJob("j-bad", null, new Step("PROCESSING", 1, 0), new Step("FAILED", 1, 4))
                .items("j-ok", 23);
        server = simulator.server();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private WixClient.Builder builder() {
        return WixClient.builder().baseUrl(simulator.baseUrl()).timeSource(time).rateLimiter(RateLimiter.unlimited());
    }

    private WixClient apiKeyClient() {
        return builder()
                .apiKey(WixSimulator.API_KEY)
                .siteId(WixSimulator.SITE_ID)
                .build();
    }

    private WixClient oauthClient() {
        return builder()
                .oauth(WixSimulator.CLIENT_ID, WixSimulator.CLIENT_SECRET, WixSimulator.INSTANCE_ID)
                .build();
    }

    private List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            all.add(server.takeRequest());
        }
        return all;
    }

    @Test
    void anApiKeyGoesWithExactlyOneOfSiteIdOrAccountId() throws Exception {
        try (WixClient wix = apiKeyClient()) {
            wix.asyncJobs().get("j-ok");
        }
        try (WixClient wix = builder().apiKey("key-2").accountId("acc-5").build()) {
            AuthenticationException refused = catchThrowableOfType(
                    AuthenticationException.class, () -> wix.asyncJobs().get("j-ok"));
            assertThat(refused).as("the simulator knows only the site's key").isNotNull();
            assertThat(refused.statusCode()).isEqualTo(401);
        }

        RecordedRequest site = server.takeRequest();
        assertThat(site.getHeaders().get("Authorization")).isEqualTo(WixSimulator.API_KEY);
        assertThat(site.getHeaders().get("wix-site-id")).isEqualTo(WixSimulator.SITE_ID);
        assertThat(site.getHeaders().get("wix-account-id")).isNull();
        RecordedRequest account = server.takeRequest();
        assertThat(account.getHeaders().get("Authorization")).isEqualTo("key-2");
        assertThat(account.getHeaders().get("wix-account-id")).isEqualTo("acc-5");
        assertThat(account.getHeaders().get("wix-site-id")).isNull();

        assertThatThrownBy(() -> WixClient.builder().apiKey("k").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly one of siteId or accountId");
        assertThatThrownBy(() -> WixClient.builder()
                        .apiKey("k")
                        .siteId("s")
                        .accountId("a")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly one of siteId or accountId");
        assertThatThrownBy(() -> WixClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Credentials required");
        assertThatThrownBy(() -> WixClient.builder()
                        .apiKey("k")
                        .siteId("s")
                        .accessToken("t")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Choose one");
        // As on the other builders (CredentialChecksTest): refused when given, not at build().
        assertThatThrownBy(() -> WixClient.builder().oauth("id", null, "inst"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clientSecret must not be null or blank");
    }

    @Test
    void oauthMintsWithAJsonBodyAndReusesTheTokenWhileValid() throws Exception {
        try (WixClient wix = oauthClient()) {
            wix.asyncJobs().get("j-ok");
            wix.asyncJobs().get("j-ok");
        }

        List<RecordedRequest> requests = requests();
        RecordedRequest mint = requests.get(0);
        assertThat(mint.getRequestLine()).isEqualTo("POST /oauth2/token HTTP/1.1");
        assertThat(mint.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(mint.getBody().utf8())
                .isEqualTo("{\"grant_type\":\"client_credentials\",\"client_id\":\"app-1\","
                        + "\"client_secret\":\"app-secret-xyz\",\"instance_id\":\"inst-9\"}");
        assertThat(requests.subList(1, 3))
                .extracting(r -> r.getHeaders().get("Authorization"))
                .containsOnly("OauthNG.JWS.token-1");
        assertThat(simulator.mintedTokens()).isEqualTo(1);
    }

    @Test
    void oauthReMintsShortlyBeforeExpiryAndAfterA401() throws Exception {
        try (WixClient wix = oauthClient()) {
            wix.asyncJobs().get("j-ok");
            time.advance(Duration.ofHours(4).minusSeconds(30));
            wix.asyncJobs().get("j-ok");
            simulator.revokeAccessTokens();
            wix.asyncJobs().get("j-ok");
        }

        assertThat(simulator.mintedTokens()).isEqualTo(3);
        assertThat(requests())
                .filteredOn(r -> r.getUrl().encodedPath().startsWith("/async-jobs"))
                .extracting(r -> r.getHeaders().get("Authorization"))
                .containsExactly(
                        "OauthNG.JWS.token-1", "OauthNG.JWS.token-2", "OauthNG.JWS.token-2", "OauthNG.JWS.token-3");
    }

    @Test
    void aWrongOAuthSecretIsAnAuthenticationException() {
        try (WixClient wix = builder()
                .oauth(WixSimulator.CLIENT_ID, "not-the-secret", WixSimulator.INSTANCE_ID)
                .build()) {
            AuthenticationException refused = catchThrowableOfType(
                    AuthenticationException.class, () -> wix.asyncJobs().get("j-ok"));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("INVALID_CLIENT");
            assertThat(refused.getMessage()).contains("for POST /oauth2/token").doesNotContain("not-the-secret");
        }
    }

    @Test
    void aReadyAccessTokenIsSentAsIs() throws Exception {
        try (WixClient wix = builder().accessToken("ready-token").build()) {
            AuthenticationException e = catchThrowableOfType(
                    AuthenticationException.class, () -> wix.asyncJobs().get("j-ok"));
            assertThat(e.errorCode()).isEqualTo("UNAUTHORIZED");
            assertThat(e.requestId()).startsWith("wix-");
        }
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("ready-token");
    }

    /** Lists every item of {@code j-ok} in pages of 10 and checks that each came once, in order. */
    private List<AsyncJobItem> everyItemInOrder() {
        List<AsyncJobItem> items;
        try (WixClient wix = apiKeyClient()) {
            items = wix
                    .asyncJobs()
                    .listAllItems(
                            "j-ok", AsyncJobItemsQuery.builder().pageSize(10).build())
                    .stream()
                    .toList();
        }
        assertThat(items)
                .extracting(AsyncJobItem::id)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 23)
                        .mapToObj(i -> "item-" + i)
                        .toList());
        return items;
    }

    @Test
    void itemsAreFollowedCursorByCursor() throws Exception {
        List<AsyncJobItem> items = everyItemInOrder();

        assertThat(requests())
                .extracting(RecordedRequest::getTarget)
                .containsExactly(
                        "/async-jobs/v1/async-jobs/j-ok/items?paging.limit=10",
                        "/async-jobs/v1/async-jobs/j-ok/items?paging.limit=10&paging.cursor=cur-10",
                        "/async-jobs/v1/async-jobs/j-ok/items?paging.limit=10&paging.cursor=cur-20");
        AsyncJobItem failed = items.get(9);
        assertThat(failed.entityId()).isEqualTo("entity-9");
        assertThat(failed.success()).isFalse();
        assertThat(failed.failed()).isTrue();
        assertThat(failed.data()).containsEntry("row", 9);
        assertThat(items.get(10).success()).isTrue();
        assertThat(items.get(10).failed()).isFalse();
        assertThat(failed.error().code()).isEqualTo("INVALID_ROW");
        assertThat(failed.error().description()).isEqualTo("row 9 is invalid");
        assertThat(failed.error().data()).containsEntry("row", 9);
        assertThat(failed.fields()).containsEntry("data", Map.of("row", 9));
        assertThat(items.get(1).error()).isNull();
    }

    @Test
    void anEmptyPageWithANextCursorIsFollowedAndNoItemIsLost() throws Exception {
        simulator.emptyPageAt(10);

        everyItemInOrder();
        assertThat(requests())
                .extracting(RecordedRequest::getTarget)
                .containsExactly(
                        "/async-jobs/v1/async-jobs/j-ok/items?paging.limit=10",
                        "/async-jobs/v1/async-jobs/j-ok/items?paging.limit=10&paging.cursor=cur-10",
                        "/async-jobs/v1/async-jobs/j-ok/items?paging.limit=10&paging.cursor=cur-10~",
                        "/async-jobs/v1/async-jobs/j-ok/items?paging.limit=10&paging.cursor=cur-20");
    }

    @Test
    void theStatusFilterIsSentWithTheHasErrorItMeans() throws Exception {
        List<AsyncJobItem> failed;
        try (WixClient wix = apiKeyClient()) {
            failed = wix
                    .asyncJobs()
                    .listAllItems(
                            "j-ok",
                            AsyncJobItemsQuery.builder()
                                    .status(ItemStatusFilter.FAILED_ONLY)
                                    .build())
                    .stream()
                    .toList();
        }

        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/async-jobs/v1/async-jobs/j-ok/items?status=FAILED_ONLY&hasError=true");
        assertThat(failed).extracting(AsyncJobItem::id).containsExactly("item-9", "item-19");
        assertThatThrownBy(() -> AsyncJobItemsQuery.builder()
                        .status(ItemStatusFilter.SUCCESSFUL_ONLY)
                        .hasError(true)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contradicts");
    }

    @Test
    void onePageOfFailedItemsWithItsMetadata() throws Exception {
        AsyncJobItemsPage page;
        try (WixClient wix = apiKeyClient()) {
            page = wix.asyncJobs()
                    .listItems(
                            "j-ok",
                            AsyncJobItemsQuery.builder()
                                    .hasError(true)
                                    .pageSize(1)
                                    .build());
        }

        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/async-jobs/v1/async-jobs/j-ok/items?paging.limit=1&hasError=true");
        assertThat(page.items()).extracting(AsyncJobItem::id).containsExactly("item-9");
        assertThat(page.count()).isEqualTo(1);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.nextCursor()).isEqualTo("cur-1");
        assertThat(page.prevCursor()).isNull();
    }

    @Test
    void aWaitFollowsTheCountsToFinished() {
        List<Progress> progress = new ArrayList<>();
        List<AsyncJobStatus> statuses = new ArrayList<>();
        AsyncJob done;
        try (WixClient wix = apiKeyClient()) {
            done = wix.asyncJobs()
                    .waiter("j-ok")
                    .listener((PollEvent<? extends AsyncJob> e) -> {
                        progress.add(e.job().progress());
                        statuses.add(e.job().status());
                    })
                    .await();
        }

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(statuses)
                .containsExactly(
                        AsyncJobStatus.INITIALIZED,
                        AsyncJobStatus.PROCESSING,
                        AsyncJobStatus.PROCESSING,
                        AsyncJobStatus.FINISHED);
        assertThat(progress).extracting(Progress::done).containsExactly(0L, 32L, 73L, 100L);
        assertThat(progress).extracting(Progress::total).containsOnly(100L);
        assertThat(time.sleeps()).hasSize(3);
    }

    @Test
    void aWaitEndsOnFailedAndTheAsyncWaitToo() throws Exception {
        try (WixClient wix = apiKeyClient()) {
            AsyncJob failed = wix.asyncJobs().waitFor("j-bad");
            assertThat(failed.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.counts().errorByCodeCount()).containsEntry("INVALID_ROW", 4L);
        }
        simulator.addJob("j-bad2", null, new Step("PROCESSING", 1, 0), new Step("FAILED", 1, 4));
        try (WixClient wix = WixClient.builder()
                .baseUrl(simulator.baseUrl())
                .apiKey(WixSimulator.API_KEY)
                .siteId(WixSimulator.SITE_ID)
                .pollPolicy(PollPolicy.builder()
                        .initialInterval(Duration.ofMillis(5))
                        .build())
                .build()) {
            assertThat(wix.asyncJobs()
                            .waiter("j-bad2")
                            .awaitAsync()
                            .get(10, TimeUnit.SECONDS)
                            .state())
                    .isEqualTo(JobState.FAILED);
        }
    }

    @Test
    void errorEnvelopesMapToTypedExceptions() {
        try (WixClient wix = builder()
                .baseUrl(raw.url("/"))
                .accessToken("t")
                .retryPolicy(
                        RetryPolicy.builder().fullJitter(false).maxRetries(1).build())
                .build()) {
            raw.enqueue(json(
                    400,
                    Map.of(
                            "message",
                            "Invalid request",
                            "details",
                            Map.of(
                                    "validationError",
                                    Map.of(
                                            "fieldViolations",
                                            List.of(Map.of(
                                                    "field",
                                                    "jobId",
                                                    "description",
                                                    "must be a GUID",
                                                    "violatedRule",
                                                    "FORMAT",
                                                    "ruleName",
                                                    "GUID")))))));
            raw.enqueue(json(
                    404,
                    Map.of(
                            "message",
                            "Job not found",
                            "details",
                            Map.of(
                                    "applicationError",
                                    Map.of(
                                            "code",
                                            "JOB_NOT_FOUND",
                                            "description",
                                            "no such job",
                                            "data",
                                            Map.of("id", "x"))))));
            raw.enqueue(new MockResponse.Builder().code(503).build());
            raw.enqueue(new MockResponse.Builder().code(503).build());
            raw.enqueue(new MockResponse.Builder()
                    .code(429)
                    .setHeader("Retry-After", "4")
                    .build());
            raw.enqueue(json(200, Map.of("job", Map.of("id", "x", "status", "FINISHED"))));

            BadRequestException invalid = catchThrowableOfType(
                    BadRequestException.class, () -> wix.asyncJobs().get("x"));
            NotFoundException missing = catchThrowableOfType(
                    NotFoundException.class, () -> wix.asyncJobs().get("x"));
            ServerException down = catchThrowableOfType(
                    ServerException.class, () -> wix.asyncJobs().get("x"));
            AsyncJob recovered = wix.asyncJobs().get("x");

            assertThat(invalid.errorMessage()).contains("Invalid request");
            assertThat(invalid.details())
                    .containsExactly(new ErrorDetail(
                            "jobId", "must be a GUID", Map.of("violatedRule", "FORMAT", "ruleName", "GUID")));
            assertThat(missing.errorCode()).isEqualTo("JOB_NOT_FOUND");
            assertThat(missing.details()).singleElement().satisfies(d -> {
                assertThat(d.message()).isEqualTo("no such job");
                assertThat(d.attributes()).containsEntry("data", "{\"id\":\"x\"}");
            });
            assertThat(missing.getMessage())
                    .contains(
                            "wix API returned HTTP 404 for GET /async-jobs/v1/async-jobs/x [JOB_NOT_FOUND]: Job not found");
            assertThat(down.attempts()).isEqualTo(2);
            assertThat(down.errorMessage()).isNull();
            assertThat(recovered.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(time.sleeps()).endsWith(Duration.ofSeconds(4));
        }
    }

    @Test
    void theJobsPathCanBeChangedAndHostileIdsStayOneSegment() throws Exception {
        raw.enqueue(json(200, Map.of("job", Map.of("id", "x"))));
        try (WixClient wix = builder()
                .baseUrl(raw.url("/"))
                .accessToken("t")
                .jobsPath("/v1/async-jobs/")
                .build()) {
            wix.asyncJobs().get("../x?y#z");
            assertThatThrownBy(() -> wix.asyncJobs().get(" ")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(raw.takeRequest().getRequestLine()).isEqualTo("GET /v1/async-jobs/..%2Fx%3Fy%23z HTTP/1.1");
        assertThat(raw.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theDefaultLimitIsTheDocumentedQuota() {
        for (int i = 0; i < 201; i++) {
            raw.enqueue(json(200, Map.of("job", Map.of("id", "x"))));
        }
        try (WixClient wix = WixClient.builder()
                .baseUrl(raw.url("/"))
                .accessToken("t")
                .timeSource(time)
                .build()) {
            for (int i = 0; i < 201; i++) {
                wix.asyncJobs().get("x");
            }
        }
        assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(1));
    }

    @Test
    void theTokenEndpointsAnswerAndTheClientSecretAreNeverQuoted() {
        raw.enqueue(json(
                400,
                "{\"message\":\"client secret wix-s3cret-9 is not valid\",\"details\":"
                        + "{\"applicationError\":{\"code\":\"INVALID_CLIENT\",\"description\":\"Invalid client\"}}}"));
        raw.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/x-www-form-urlencoded")
                .body("access_token=at-s3cret-1&expires_in=14400")
                .build());
        try (WixClient wix = WixClient.builder()
                .baseUrl(raw.url("/"))
                .timeSource(time)
                .rateLimiter(RateLimiter.unlimited())
                .oauth("client-1", "wix-s3cret-9", "instance-1")
                .build()) {
            dev.jobstatus.core.exception.ApiException refused = catchThrowableOfType(
                    dev.jobstatus.core.exception.ApiException.class,
                    () -> wix.asyncJobs().get("j-ok"));
            dev.jobstatus.core.exception.MalformedResponseException malformed = catchThrowableOfType(
                    dev.jobstatus.core.exception.MalformedResponseException.class,
                    () -> wix.asyncJobs().get("j-ok"));

            assertThat(refused.getMessage() + refused.error())
                    .contains("POST /oauth2/token", "client secret *** is not valid")
                    .doesNotContain("wix-s3cret-9");
            assertThat(malformed.getMessage())
                    .contains("wix", "200", "POST /oauth2/token")
                    .doesNotContain("at-s3cret-1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"job\": {}}", "{\"job\": {\"id\": null, \"status\": \"FINISHED\"}}"})
    void a200ThatIsNoJobIsMalformedNotAJobWithoutId(String body) {
        raw.enqueue(json(200, body));
        WixClient wix = WixClient.builder()
                .baseUrl(raw.url("/"))
                .timeSource(time)
                .rateLimiter(RateLimiter.unlimited())
                .apiKey(WixSimulator.API_KEY)
                .siteId(WixSimulator.SITE_ID)
                .build();

        MalformedResponseException e = catchThrowableOfType(
                MalformedResponseException.class, () -> wix.asyncJobs().get("j1"));

        assertThat(e.getMessage()).contains("wix API returned HTTP 200", "id");
    }
}
