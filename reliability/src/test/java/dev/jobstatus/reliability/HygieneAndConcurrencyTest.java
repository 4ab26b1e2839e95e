package dev.jobstatus.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.client.ProviderClient;
import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.internal.transport.Threads;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.WixSimulator;
import dev.jobstatus.wix.WixClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
    private static final PollPolicy FAST = PollPolicy.builder()
            .initialInterval(Duration.ofMillis(5))
            .multiplier(1)
            .build();

    private NexudusSimulator nexudusApi;
    private WixSimulator wixApi;
    private AsanaSimulator asanaApi;

    @BeforeEach
    void start() {
        nexudusApi = NexudusSimulator.start()
                .seed(500)
                .withoutRateLimits()
                .addJob(1, "Running", "Completed")
                .addJob(2, "Running");
        wixApi = WixSimulator.start()
                .withoutRateLimits()
                .addJob("w-run", 10L, new WixSimulator.Step("PROCESSING", 1, 0));
        asanaApi = AsanaSimulator.start().withoutRateLimits().addJob("a-run", "in_progress");
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
        return NexudusClient.builder()
                .baseUrl(nexudusApi.baseUrl())
                .rateLimiter(dev.jobstatus.core.retry.RateLimiter.unlimited())
                .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .pollPolicy(FAST)
                .build();
    }

    private WixClient wix() {
        return WixClient.builder()
                .baseUrl(wixApi.baseUrl())
                .rateLimiter(dev.jobstatus.core.retry.RateLimiter.unlimited())
                .apiKey(WixSimulator.API_KEY)
                .siteId(WixSimulator.SITE_ID)
                .pollPolicy(FAST)
                .build();
    }

    private AsanaClient asana() {
        return AsanaClient.builder()
                .baseUrl(asanaApi.baseUrl())
                .rateLimiter(dev.jobstatus.core.retry.RateLimiter.unlimited())
                .bearerToken(AsanaSimulator.TOKEN)
                .pollPolicy(FAST)
                .build();
    }

    @Test
    void afterCloseNoSdkThreadRemainsAndAClosedClientFailsClearly() throws Exception {
        // Threads the SDK started before, for other tests' clients, are theirs: only the ones started here count.
        Set<Thread> before = Threads.live();
        // A password grant: the token is fetched on the client's credential threads.
        NexudusClient nexudus = NexudusClient.builder()
                .baseUrl(nexudusApi.baseUrl())
                .rateLimiter(RateLimiter.unlimited())
                .passwordGrant(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                .pollPolicy(FAST)
                .build();
        WixClient wix = wix();
        AsanaClient asana = asana();
        nexudus.backgroundJobs().waiter(1).awaitAsync().get(30, TimeUnit.SECONDS);
        wix.asyncJobs().waiter("w1").awaitAsync().get(30, TimeUnit.SECONDS);
        asana.jobs().waiter("a1").awaitAsync().get(30, TimeUnit.SECONDS);
        assertThat(wix.asyncJobs().get("w2").id()).isEqualTo("w2");
        // Waits still in progress at close(), between two polls ten minutes apart.
        PollPolicy slow = PollPolicy.builder()
                .initialInterval(Duration.ofMinutes(10))
                .maxInterval(Duration.ofMinutes(10))
                .timeout(Duration.ofHours(1))
                .build();
        List<CompletableFuture<?>> pending = List.of(
                nexudus.backgroundJobs().waiter(2).policy(slow).awaitAsync(),
                wix.asyncJobs().waiter("w-run").policy(slow).awaitAsync(),
                asana.jobs().waiter("a-run").policy(slow).awaitAsync());
        Set<Thread> started = Threads.live();
        started.removeAll(before);
        assertThat(started)
                .extracting(Thread::getName)
                .anyMatch(name -> name.startsWith("jobstatus-nexudus-credentials-"))
                .anyMatch(name -> name.startsWith("jobstatus-wix-"))
                .anyMatch(name -> name.startsWith("jobstatus-asana-"));

        for (ProviderClient client : List.of(nexudus, wix, asana)) {
            client.close();
            client.close(); // harmless
        }

        for (CompletableFuture<?> wait : pending) {
            assertThatThrownBy(() -> wait.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(ClientClosedException.class)
                    .hasMessageContaining("client was closed while waiting for job");
        }
        // And those started meanwhile (a wait's timer thread), still alive now.
        started.addAll(Threads.live());
        started.removeAll(before);
        for (Thread thread : started) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(started)
                .as("threads the clients started")
                .filteredOn(Thread::isAlive)
                .isEmpty();
        assertThatThrownBy(() -> nexudus.backgroundJobs().get(1))
                .isInstanceOf(ClientClosedException.class)
                .hasMessage("the nexudus client is closed");
        assertThatThrownBy(() -> wix.asyncJobs().getAsync("w1"))
                .isInstanceOf(ClientClosedException.class)
                .hasMessage("the wix client is closed");
        assertThatThrownBy(() -> asana.jobs().waitFor("a1"))
                .isInstanceOf(ClientClosedException.class)
                .hasMessage("the asana client is closed");
    }

    @Test
    void aJvmWhoseClientsWereNeverClosedStillExits() throws Exception {
        Path output = Files.createTempFile("unclosed-clients", ".log");
        try {
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            UnclosedClientsMain.class.getName(),
                            nexudusApi.baseUrl().toString(),
                            wixApi.baseUrl().toString(),
                            asanaApi.baseUrl().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();

            boolean exited = child.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                child.destroyForcibly();
            }

            assertThat(exited)
                    .as("the JVM exited; its output:%n%s", Files.readString(output))
                    .isTrue();
            assertThat(child.exitValue()).as(Files.readString(output)).isZero();
            assertThat(Files.readString(output)).contains("main returns");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    void aCallersOkHttpClientIsLeftUntouched() throws Exception {
        OkHttpClient callers = new OkHttpClient();
        try (AsanaClient asana = AsanaClient.builder()
                .baseUrl(asanaApi.baseUrl())
                .bearerToken(AsanaSimulator.TOKEN)
                .httpClient(callers)
                .build()) {
            asana.jobs().get("a1");
        }

        assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();
        try (Response response = callers.newCall(new Request.Builder()
                        .url(asanaApi.baseUrl() + "/jobs/a2")
                        .header("Authorization", "Bearer " + AsanaSimulator.TOKEN)
                        .build())
                .execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        callers.dispatcher().executorService().shutdown();
    }

    @Test
    void thirtyTwoThreadsShareTheClientsForSixteenThousandCallsWithoutCrossTalk() throws Exception {
        AtomicInteger wrong = new AtomicInteger();
        try (NexudusClient nexudus = nexudus();
                WixClient wix = wix();
                AsanaClient asana = asana()) {
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                List<Future<Integer>> workers = new ArrayList<>();
                for (int t = 0; t < 32; t++) {
                    int thread = t;
                    workers.add(pool.submit(() -> {
                        int done = 0;
                        for (int i = 0; i < 500; i++) {
                            // Each thread walks the ids in its own order, so that threads ask for different jobs at
                            // once.
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
        assertThat(nexudusApi.requestCount() + wixApi.requestCount() + asanaApi.requestCount())
                .isEqualTo(16_000);
    }
}
