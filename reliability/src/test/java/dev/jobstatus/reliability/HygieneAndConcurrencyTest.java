package dev.jobstatus.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.ProviderClient;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.WixSimulator;
import dev.jobstatus.wix.WixClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HygieneAndConcurrencyTest {
    private static final PollPolicy FAST = PollPolicy.builder().initialInterval(Duration.ofMillis(5)).multiplier(1).build();

    private NexudusSimulator nexudusApi;
    private WixSimulator wixApi;
    private AsanaSimulator asanaApi;

    @BeforeEach
    void start() {
        nexudusApi = NexudusSimulator.start().seed(500).withoutRateLimits().addJob(1, "Running", "Completed");
        wixApi = WixSimulator.start().withoutRateLimits();
        asanaApi = AsanaSimulator.start().withoutRateLimits();
        for (int i = 0; i < 500; i++) {
            wixApi.addJob("w" + i, 10L, new WixSimulator.Step("FINISHED", 10, 0));
            asanaApi.addJob("a" + i, "succeeded");
        }
    }

    @AfterEach
    void stop() {
        nexudusApi.close();
        wixApi.close();
        asanaApi.close();
    }

    private NexudusClient nexudus() {
        return NexudusClient.builder().baseUrl(nexudusApi.baseUrl()).rateLimiter(dev.jobstatus.core.retry.RateLimiter.unlimited())
                .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD).pollPolicy(FAST).build();
    }

    private WixClient wix() {
        return WixClient.builder().baseUrl(wixApi.baseUrl()).rateLimiter(dev.jobstatus.core.retry.RateLimiter.unlimited())
                .apiKey(WixSimulator.API_KEY).siteId(WixSimulator.SITE_ID).pollPolicy(FAST).build();
    }

    private AsanaClient asana() {
        return AsanaClient.builder().baseUrl(asanaApi.baseUrl()).rateLimiter(dev.jobstatus.core.retry.RateLimiter.unlimited())
                .bearerToken(AsanaSimulator.TOKEN).pollPolicy(FAST).build();
    }

    /** Counts by thread group: OkHttp renames a worker to "OkHttp <url>" while it runs a call. */
    private static long sdkThreads() {
        return dev.jobstatus.core.internal.Threads.liveThreads();
    }

    @Test
    void afterCloseNoSdkThreadRemainsAndAClosedClientFailsClearly() throws Exception {
        NexudusClient nexudus = nexudus();
        WixClient wix = wix();
        AsanaClient asana = asana();
        nexudus.backgroundJobs().waiter(1).awaitAsync().get(10, TimeUnit.SECONDS);
        wix.asyncJobs().waiter("w1").awaitAsync().get(10, TimeUnit.SECONDS);
        asana.jobs().waiter("a1").awaitAsync().get(10, TimeUnit.SECONDS);
        assertThat(sdkThreads()).isPositive();

        for (ProviderClient client : List.of(nexudus, wix, asana)) {
            client.close();
            client.close(); // harmless
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sdkThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sdkThreads()).isZero();
        assertThatThrownBy(() -> nexudus.backgroundJobs().get(1))
                .isInstanceOf(IllegalStateException.class).hasMessage("the nexudus client is closed");
        assertThatThrownBy(() -> wix.asyncJobs().getAsync("w1"))
                .isInstanceOf(IllegalStateException.class).hasMessage("the wix client is closed");
        assertThatThrownBy(() -> asana.jobs().waitFor("a1"))
                .isInstanceOf(IllegalStateException.class).hasMessage("the asana client is closed");
    }

    @Test
    void aCallersOkHttpClientIsLeftUntouched() throws Exception {
        OkHttpClient callers = new OkHttpClient();
        try (AsanaClient asana = AsanaClient.builder().baseUrl(asanaApi.baseUrl()).bearerToken(AsanaSimulator.TOKEN)
                .httpClient(callers).build()) {
            asana.jobs().get("a1");
        }

        assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();
        try (Response response = callers.newCall(new Request.Builder().url(asanaApi.baseUrl() + "/jobs/a2")
                .header("Authorization", "Bearer " + AsanaSimulator.TOKEN).build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        callers.dispatcher().executorService().shutdown();
    }

    @Test
    void thirtyTwoThreadsShareTheClientsForSixteenThousandCallsWithoutCrossTalk() throws Exception {
        AtomicInteger wrong = new AtomicInteger();
        try (NexudusClient nexudus = nexudus(); WixClient wix = wix(); AsanaClient asana = asana()) {
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                List<Future<Integer>> workers = new ArrayList<>();
                for (int t = 0; t < 32; t++) {
                    int thread = t;
                    workers.add(pool.submit(() -> {
                        int done = 0;
                        for (int i = 0; i < 500; i++) {
                            // Each thread walks the ids in its own order, so that threads ask for different jobs at once.
                            int id = (thread * 37 + i * 13) % 500;
                            boolean right = switch (i % 3) {
                                case 0 -> nexudus.backgroundJobs().get(id + 1).id() == id + 1;
                                case 1 -> wix.asyncJobs().get("w" + id).id().equals("w" + id);
                                default -> asana.jobs().get("a" + id).gid().equals("a" + id);
                            };
                            if (!right) {
                                wrong.incrementAndGet();
                            }
                            done++;
                        }
                        return done;
                    }));
                }
                int total = 0;
                for (Future<Integer> worker : workers) {
                    total += worker.get(5, TimeUnit.MINUTES);
                }
                assertThat(total).isEqualTo(16_000);
            } finally {
                pool.shutdownNow();
            }
        }
        // Each simulator answers a request without its own provider's credentials with 401, which would have
        // thrown: 16,000 successes mean no call carried another client's credentials.
        assertThat(wrong).hasValue(0);
        assertThat(nexudusApi.requestCount() + wixApi.requestCount() + asanaApi.requestCount()).isEqualTo(16_000);
    }
}
