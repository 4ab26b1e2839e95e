package dev.jobstatus.benchmarks;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.polling.JobView;
import dev.jobstatus.core.polling.PollPolicy;
import dev.jobstatus.core.retry.RetryPolicy;
import dev.jobstatus.core.telemetry.ClientListener;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.core.watch.JobWatcher;
import dev.jobstatus.core.watch.WatchEvent;
import dev.jobstatus.core.watch.WatchOptions;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.testkit.AsanaSimulator;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.testkit.Simulator;
import dev.jobstatus.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Waiting on many jobs: one watcher against one wait per job, on the simulators under the providers' real quotas, in
 * virtual time (the clients' clock and the simulators' move together, so hours of polling take seconds). Jobs end at
 * seeded random times over 20 minutes; the delay of a job is from its end to its report, on that clock.
 */
final class Watching {
    static final Duration SPAN = Duration.ofMinutes(20);
    static final PollPolicy POLICY = PollPolicy.builder()
            .initialInterval(Duration.ofSeconds(1))
            .multiplier(1.5)
            .maxInterval(Duration.ofSeconds(30))
            .jitter(0)
            .timeout(Duration.ofHours(12))
            .build();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private Watching() {}

    /**
     * One run's figures.
     *
     * @param requests every request the simulator served
     * @param rounds the watcher's rounds (0 for waits)
     * @param perRoundMean requests per round, on average (waits: one per pending job, by construction)
     * @param perRoundMax the most requests in one round
     */
    record Result(
            int jobs,
            long requests,
            int rounds,
            double perRoundMean,
            int perRoundMax,
            double meanDelayS,
            double p95DelayS,
            double maxDelayS,
            double virtualMinutes,
            double realSeconds,
            int throttled) {}

    /** The clock, scheduler and HTTP client of one run, and what it recorded. */
    private static final class Run {
        final ManualTimeSource time = new ManualTimeSource(START);
        final VirtualScheduler scheduler = new VirtualScheduler(time::nanoTime, time::advance);
        final OkHttpClient http = new OkHttpClient();
        final Map<String, Instant> endsAt = new LinkedHashMap<>();
        final Map<String, Instant> reportedAt = new ConcurrentHashMap<>();
        final List<Integer> rounds = new CopyOnWriteArrayList<>();
        final long realStart = System.nanoTime();

        ClientListener listener() {
            return (provider, operation, jobId, parent) -> new ClientListener.Operation() {
                @Override
                public void watchRound(int requests, int watched) {
                    rounds.add(requests);
                }
            };
        }

        void reported(String id) {
            reportedAt.putIfAbsent(id, time.now());
        }

        Result result(Simulator<?> simulator, CompletableFuture<?> all) {
            scheduler.runUntil(all::isDone, http.dispatcher(), Duration.ofMinutes(10));
            double realSeconds = (System.nanoTime() - realStart) / 1e9;
            List<Double> delays = new ArrayList<>();
            endsAt.forEach((id, end) ->
                    delays.add(Duration.between(end, reportedAt.get(id)).toMillis() / 1000.0));
            Collections.sort(delays);
            double mean =
                    delays.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            int perRoundMax = rounds.stream().mapToInt(Integer::intValue).max().orElse(endsAt.size());
            double perRoundMean =
                    rounds.stream().mapToInt(Integer::intValue).average().orElse(endsAt.size());
            http.dispatcher().executorService().shutdown();
            return new Result(
                    endsAt.size(),
                    simulator.requestCount(),
                    rounds.size(),
                    perRoundMean,
                    perRoundMax,
                    mean,
                    delays.get((int) Math.min(delays.size() - 1, Math.ceil(delays.size() * 0.95) - 1)),
                    delays.get(delays.size() - 1),
                    Duration.between(START, time.now()).toMillis() / 60_000.0,
                    realSeconds,
                    simulator.throttledCount());
        }
    }

    /** Nexudus: {@code jobs} running jobs ending over {@link #SPAN}; one watcher, or one asynchronous wait each. */
    static Result nexudus(int jobs, boolean watcher, long seed) {
        Run run = new Run();
        Random random = new Random(seed);
        try (NexudusSimulator simulator = NexudusSimulator.start().clock(run.time::now)) {
            for (long id = jobs; id >= 1; id--) {
                Map<String, Object> job = new LinkedHashMap<>();
                job.put("Id", id);
                job.put("Status", "Running");
                job.put("UpdatedOn", START.minusSeconds(60).toString());
                simulator.addJob(job);
            }
            for (long id = 1; id <= jobs; id++) {
                Instant end = START.plusMillis((long) (random.nextDouble() * SPAN.toMillis()));
                simulator.changeJob(id, "Completed", end);
                run.endsAt.put(Long.toString(id), end);
            }
            try (NexudusClient client = NexudusClient.builder()
                    .baseUrl(simulator.baseUrl())
                    .basicAuth(NexudusSimulator.USERNAME, NexudusSimulator.PASSWORD)
                    .timeSource(run.time)
                    .scheduler(run.scheduler)
                    .httpClient(run.http)
                    .listener(run.listener())
                    .retryPolicy(
                            RetryPolicy.builder().timeout(Duration.ofHours(12)).build())
                    .build()) {
                CompletableFuture<?> all = watcher
                        ? watch(
                                client.backgroundJobs()
                                        .watcher(
                                                WatchOptions.builder()
                                                        .policy(POLICY)
                                                        .build(),
                                                event -> ended(run, event)),
                                run)
                        : waitEach(
                                run,
                                id -> client.backgroundJobs()
                                        .waiter(Long.parseLong(id))
                                        .policy(POLICY)
                                        .awaitAsync());
                return run.result(simulator, all);
            }
        }
    }

    /** Asana: {@code jobs} running jobs ending over {@link #SPAN}; one watcher, or one asynchronous wait each. */
    static Result asana(int jobs, boolean watcher, long seed) {
        Run run = new Run();
        Random random = new Random(seed);
        try (AsanaSimulator simulator = AsanaSimulator.start().clock(run.time::now)) {
            for (int i = 0; i < jobs; i++) {
                Instant end = START.plusMillis((long) (random.nextDouble() * SPAN.toMillis()));
                simulator.addJob(Integer.toString(1000 + i), end, "succeeded");
                run.endsAt.put(Integer.toString(1000 + i), end);
            }
            try (AsanaClient client = AsanaClient.builder()
                    .baseUrl(simulator.baseUrl())
                    .bearerToken(AsanaSimulator.TOKEN)
                    .timeSource(run.time)
                    .scheduler(run.scheduler)
                    .httpClient(run.http)
                    .listener(run.listener())
                    .retryPolicy(
                            RetryPolicy.builder().timeout(Duration.ofHours(12)).build())
                    .build()) {
                CompletableFuture<?> all = watcher
                        ? watch(
                                client.jobs()
                                        .watcher(
                                                WatchOptions.builder()
                                                        .policy(POLICY)
                                                        .build(),
                                                event -> ended(run, event)),
                                run)
                        : waitEach(
                                run,
                                id -> client.jobs().waiter(id).policy(POLICY).awaitAsync());
                return run.result(simulator, all);
            }
        }
    }

    /**
     * Runs the comparison and prints its section of RESULTS.md: {@code java -cp benchmarks/target/benchmarks.jar
     * dev.jobstatus.benchmarks.Watching [nexudus sizes, comma-separated] [asana jobs]}.
     */
    public static void main(String[] args) {
        List<Integer> sizes = args.length > 0
                ? java.util.Arrays.stream(args[0].split(","))
                        .map(Integer::valueOf)
                        .toList()
                : List.of(100, 1_000, 10_000);
        System.out.println(section(sizes, args.length > 1 ? Integer.parseInt(args[1]) : 300));
    }

    /** Runs every size and returns the report's section. */
    static String section(List<Integer> nexudusSizes, int asanaJobs) {
        StringBuilder md = new StringBuilder("## 7. Waiting on many jobs: one watcher against one wait per job\n\n");
        md.append("Jobs end at seeded random times over ")
                .append(SPAN.toMinutes())
                .append(" minutes, on the simulators ")
                .append(
                        "under the providers' quotas (Nexudus 1 per 100 ms and 120 per minute, Asana 150 per minute), in ")
                .append(
                        "virtual time. Poll policy 1 s growing ×1.5 to 30 s, no jitter. Delay: from a job's end to its ")
                .append("report. A wait per job polls every pending job each round, so its requests per round are the ")
                .append("jobs pending.\n\n");
        md.append(
                        "| provider | jobs | how | requests | rounds | requests/round (mean, max) | delay mean s | delay p95 s | ")
                .append(
                        "delay max s | virtual min | real s | throttled |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int jobs : nexudusSizes) {
            row(md, "nexudus", "watcher", nexudus(jobs, true, 31));
            row(md, "nexudus", "a wait each", nexudus(jobs, false, 31));
        }
        row(md, "asana", "watcher", asana(asanaJobs, true, 31));
        row(md, "asana", "a wait each", asana(asanaJobs, false, 31));
        return md.toString();
    }

    private static void row(StringBuilder md, String provider, String how, Result r) {
        md.append(String.format(
                "| %s | %,d | %s | %,d | %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %d |%n",
                provider,
                r.jobs(),
                how,
                r.requests(),
                r.rounds() == 0 ? "-" : String.format("%,d", r.rounds()),
                r.rounds() == 0
                        ? "up to " + String.format("%,d", r.jobs())
                        : String.format("%.2f, %d", r.perRoundMean(), r.perRoundMax()),
                r.meanDelayS(),
                r.p95DelayS(),
                r.maxDelayS(),
                r.virtualMinutes(),
                r.realSeconds(),
                r.throttled()));
    }

    private static CompletableFuture<?> watch(JobWatcher<?> watcher, Run run) {
        watcher.addAll(List.copyOf(run.endsAt.keySet()));
        return watcher.awaitAllAsync();
    }

    private static void ended(Run run, WatchEvent<?> event) {
        if (event instanceof WatchEvent.Ended<?>) {
            run.reported(event.jobId());
        }
    }

    private static CompletableFuture<?> waitEach(
            Run run, Function<String, CompletableFuture<? extends @Nullable JobView>> wait) {
        List<CompletableFuture<?>> waits = new ArrayList<>();
        for (String id : run.endsAt.keySet()) {
            waits.add(wait.apply(id).whenComplete((job, error) -> run.reported(id)));
        }
        return CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new));
    }
}
