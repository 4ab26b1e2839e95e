package dev.jobstatus.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.ContextAttributes;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.asana.model.Job;
import dev.jobstatus.core.client.ClientBuilder;
import dev.jobstatus.core.internal.json.InstantDeserializer;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.opentelemetry.JobstatusTelemetry;
import dev.jobstatus.wix.AsyncJobItemsQuery;
import dev.jobstatus.wix.WixClient;
import dev.jobstatus.wix.model.AsyncJob;
import dev.jobstatus.wix.model.AsyncJobItemsPage;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One {@code get()} of each provider through the SDK, against a hand-written baseline: a raw OkHttp call with
 * the same credentials and Jackson databind of the body into the same record, on the same loopback server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GetOverheadBenchmark {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WixEnvelope(AsyncJob job) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AsanaEnvelope(Job data) {}

    private MockWebServer server;
    private Thread drain;
    private NexudusClient nexudus;
    private NexudusClient nexudusUntimed;
    private NexudusClient nexudusObserved;
    private NexudusClient nexudusOpenTelemetry;
    private WixClient wix;
    private AsanaClient asana;
    private OkHttpClient raw;
    private OkHttpClient rawWithCallTimeout;
    private ObjectMapper mapper;
    private String base;
    private Lean lean;
    private String asanaUrl;
    private String wixItemsUrl;

    @Setup(Level.Trial)
    public void start() {
        start(null);
    }

    /**
     * Sets up against {@code externalBase}, the base URL of a {@link LoopbackServer} in another JVM, or, when it is
     * null, against a server in this JVM. The local server starts either way: the lean side sends the very URLs the
     * SDK sends, learned from throwaway clients there.
     */
    void start(String externalBase) {
        start(externalBase, null);
    }

    /**
     * Sets up with every client, the lean one too, on one OkHttp client whose interceptor answers each request with its
     * fixture ({@link Fixtures#cannedClient()}): no network, so what differs between the two sides is each client's own
     * work, without the system calls and scheduling that make a loopback call's figures move from run to run.
     */
    void startOffline() {
        start(null, Fixtures.cannedClient());
    }

    private void start(String externalBase, OkHttpClient offline) {
        server = Fixtures.jobServer();
        String local = server.url("/").toString();
        base = externalBase != null ? externalBase : local;
        try (AsanaClient probeAsana = asanaClient(local);
                WixClient probeWix = wixClient(local)) {
            asanaUrl = base + urlOf(() -> probeAsana.jobs().get("12345")).substring(local.length());
            wixItemsUrl = base
                    + urlOf(() -> probeWix.asyncJobs()
                                    .listItems(
                                            "076e0505-6944-4645-a248-80b197ee9cfd",
                                            AsyncJobItemsQuery.builder().build()))
                            .substring(local.length());
        }
        drain = LoopbackServer.drain(server);
        nexudus = on(NexudusClient.builder(), offline)
                .baseUrl(base)
                .bearerToken("bench-token")
                .rateLimiter(RateLimiter.unlimited())
                .build();
        wix = on(wixBuilder(base), offline).build();
        asana = on(asanaBuilder(base), offline).build();
        raw = new OkHttpClient();
        nexudusUntimed = NexudusClient.builder()
                .baseUrl(base)
                .bearerToken("bench-token")
                .callTimeout(java.time.Duration.ZERO)
                .rateLimiter(RateLimiter.unlimited())
                .build();
        nexudusObserved = NexudusClient.builder()
                .baseUrl(base)
                .bearerToken("bench-token")
                .rateLimiter(RateLimiter.unlimited())
                .listener(new ObservingListener())
                .build();
        // OpenTelemetry's API with no SDK installed, as in an application that has not configured one.
        nexudusOpenTelemetry = NexudusClient.builder()
                .baseUrl(base)
                .bearerToken("bench-token")
                .rateLimiter(RateLimiter.unlimited())
                .listener(JobstatusTelemetry.create(OpenTelemetry.noop()))
                .build();
        // The SDK bounds every call (60 s by default); OkHttp's default client does not.
        rawWithCallTimeout =
                raw.newBuilder().callTimeout(java.time.Duration.ofSeconds(60)).build();
        // Like for like: the SDK's records read with the SDK's Instant reader (Nexudus's times carry no zone: UTC).
        mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new SimpleModule().addDeserializer(Instant.class, new InstantDeserializer()))
                .defaultAttributes(
                        ContextAttributes.getEmpty().withSharedAttribute(InstantDeserializer.ZONE, ZoneOffset.UTC))
                .build();
        lean = offline == null ? new Lean() : new Lean(offline);
    }

    private static <B extends ClientBuilder<B>> B on(B builder, OkHttpClient offline) {
        return offline == null ? builder : builder.httpClient(offline);
    }

    private static AsanaClient asanaClient(String url) {
        return asanaBuilder(url).build();
    }

    private static AsanaClient.Builder asanaBuilder(String url) {
        return AsanaClient.builder()
                .baseUrl(url + "api/1.0")
                .bearerToken("bench-token")
                .rateLimiter(RateLimiter.unlimited());
    }

    private static WixClient wixClient(String url) {
        return wixBuilder(url).build();
    }

    private static WixClient.Builder wixBuilder(String url) {
        return WixClient.builder()
                .baseUrl(url)
                .apiKey("bench-key")
                .siteId("site")
                .rateLimiter(RateLimiter.unlimited());
    }

    private String urlOf(Runnable call) {
        try {
            while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
                // drain earlier requests
            }
            call.run();
            return server.takeRequest().getUrl().toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        nexudus.close();
        nexudusUntimed.close();
        nexudusObserved.close();
        nexudusOpenTelemetry.close();
        wix.close();
        asana.close();
        lean.close();
        raw.dispatcher().executorService().shutdown();
        raw.connectionPool().evictAll();
        drain.interrupt();
        server.close();
    }

    @Benchmark
    public BusinessBackgroundJob nexudusSdk() {
        return nexudus.backgroundJobs().get(87654321);
    }

    /**
     * The SDK with its call timeout turned off, the SDK's side of the untimed raw baseline (used
     * by {@link Interleaved}, not by JMH).
     */
    BusinessBackgroundJob nexudusSdkUntimed() {
        return nexudusUntimed.backgroundJobs().get(87654321);
    }

    /** The SDK with a listener that observes every operation and attempt and does nothing with them. */
    @Benchmark
    public BusinessBackgroundJob nexudusObservedSdk() {
        return nexudusObserved.backgroundJobs().get(87654321);
    }

    /** The SDK with {@link JobstatusTelemetry} on OpenTelemetry's API alone (no SDK installed). */
    @Benchmark
    public BusinessBackgroundJob nexudusOpenTelemetrySdk() {
        return nexudusOpenTelemetry.backgroundJobs().get(87654321);
    }

    @Benchmark
    public BusinessBackgroundJob nexudusRaw() throws IOException {
        return mapper.readValue(
                fetch("api/sys/businessbackgroundjobs/87654321", "Bearer bench-token", null),
                BusinessBackgroundJob.class);
    }

    /** The raw baseline with the SDK's whole-call timeout, which arms Okio's watchdog on every call. */
    @Benchmark
    public BusinessBackgroundJob nexudusRawCallTimeout() throws IOException {
        Request request = new Request.Builder()
                .url(base + "api/sys/businessbackgroundjobs/87654321")
                .header("Authorization", "Bearer bench-token")
                .build();
        try (Response response = rawWithCallTimeout.newCall(request).execute()) {
            return mapper.readValue(response.body().bytes(), BusinessBackgroundJob.class);
        }
    }

    /** The lean raw baseline: default ObjectMapper, plain record, no call timeout, the SDK's URL. */
    @Benchmark
    public Lean.NexudusJob nexudusLean() throws IOException {
        return lean.get(
                base + "api/sys/businessbackgroundjobs/87654321",
                Lean.NexudusJob.class,
                "Authorization",
                "Bearer bench-token");
    }

    @Benchmark
    public Lean.WixEnvelope wixLean() throws IOException {
        return lean.get(
                base + "async-jobs/v1/async-jobs/076e0505-6944-4645-a248-80b197ee9cfd",
                Lean.WixEnvelope.class,
                "Authorization",
                "bench-key",
                "wix-site-id",
                "site");
    }

    @Benchmark
    public Lean.AsanaEnvelope asanaLean() throws IOException {
        return lean.get(asanaUrl, Lean.AsanaEnvelope.class, "Authorization", "Bearer bench-token");
    }

    /** One page of 50 job items through the SDK. */
    @Benchmark
    public AsyncJobItemsPage wixItemsSdk() {
        return wix.asyncJobs()
                .listItems(
                        "076e0505-6944-4645-a248-80b197ee9cfd",
                        AsyncJobItemsQuery.builder().build());
    }

    @Benchmark
    public Lean.WixItemsPage wixItemsLean() throws IOException {
        return lean.get(wixItemsUrl, Lean.WixItemsPage.class, "Authorization", "bench-key", "wix-site-id", "site");
    }

    @Benchmark
    public AsyncJob wixSdk() {
        return wix.asyncJobs().get("076e0505-6944-4645-a248-80b197ee9cfd");
    }

    @Benchmark
    public AsyncJob wixRaw() throws IOException {
        return mapper.readValue(
                        fetch("async-jobs/v1/async-jobs/076e0505-6944-4645-a248-80b197ee9cfd", "bench-key", "site"),
                        WixEnvelope.class)
                .job();
    }

    @Benchmark
    public Job asanaSdk() {
        return asana.jobs().get("12345");
    }

    @Benchmark
    public Job asanaRaw() throws IOException {
        return mapper.readValue(fetch("api/1.0/jobs/12345", "Bearer bench-token", null), AsanaEnvelope.class)
                .data();
    }

    /** A listener that asks to observe everything, so every hook of a call runs, and keeps nothing. */
    static final class ObservingListener implements ClientListener {
        private static final ClientListener.Operation OBSERVING = new ClientListener.Operation() {
            @Override
            public ClientListener.Attempt attemptStarted(
                    String method, String host, int port, String urlTemplate, int resendCount) {
                return new ClientListener.Attempt() {};
            }
        };

        @Override
        public ClientListener.Operation operationStarted(
                String provider, String operation, String jobId, ClientListener.Operation parent) {
            return OBSERVING;
        }
    }

    private byte[] fetch(String path, String authorization, String siteId) throws IOException {
        Request.Builder request = new Request.Builder().url(base + path).header("Authorization", authorization);
        if (siteId != null) {
            request.header("wix-site-id", siteId);
        }
        try (Response response = raw.newCall(request.build()).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return response.body().bytes();
        }
    }
}
