package dev.jobstatus.core.polling;

import static dev.jobstatus.core.polling.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.exception.JobFailedException;
import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.exception.PermissionDeniedException;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.polling.TestJobs.TestJob;
import dev.jobstatus.core.time.ManualTimeSource;
import dev.jobstatus.core.time.TimeSource;
import dev.jobstatus.testkit.NoDelayServerSockets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous waits run on real timers, with millisecond intervals; assertions are on counts and events, not times.
 * Where a wait's timeout matters, its clock is a {@link ManualTimeSource} that the server moves forward.
 */
class AsyncWaitTest {
    @StartStop
    final MockWebServer server = NoDelayServerSockets.apply(new MockWebServer());

    private final PollPolicy fast = PollPolicy.builder()
            .initialInterval(Duration.ofMillis(5))
            .multiplier(1)
            .jitter(0)
            .timeout(Duration.ofMinutes(2))
            .build();
    private HttpTransport transport;

    private HttpTransport transport() {
        return transport(TimeSource.system());
    }

    private HttpTransport transport(TimeSource time) {
        transport = TestJobs.transport(server, time).build();
        return transport;
    }

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
    }

    /** Answers every job "running" until its {@code finishAfter}-th poll, then "done". */
    private static Dispatcher finishingAfter(int finishAfter, Map<String, AtomicInteger> polls) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String id = request.getUrl().pathSegments().get(2);
                int n = polls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                return job(id, n >= finishAfter ? "done" : "running", n);
            }
        };
    }

    @Test
    void asyncWaitCompletesWithTheTerminalJob() throws Exception {
        Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
        server.setDispatcher(finishingAfter(4, polls));
        List<Integer> seen = new ArrayList<>();

        TestJob job = TestJobs.waiter(transport(), "a1")
                .policy(fast)
                .listener(e -> seen.add(e.poll()))
                .awaitAsync()
                .get(30, TimeUnit.SECONDS);

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(seen).containsExactly(1, 2, 3, 4);
        assertThat(polls.get("a1")).hasValue(4);
    }

    @Test
    void asyncSuccessWaitFailsWithTheFailedJob() {
        server.enqueue(job("a1", "failed", 2));

        assertThatThrownBy(() -> TestJobs.waiter(transport(), "a1")
                        .policy(fast)
                        .awaitSuccessAsync()
                        .get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(JobFailedException.class);
    }

    @Test
    void asyncWaitEndsWithTheTypedErrorOfAPoll() {
        server.enqueue(job("a1", "running", 1));
        server.enqueue(new MockResponse.Builder()
                .code(403)
                .body("{\"message\":\"forbidden\"}")
                .build());

        assertThatThrownBy(() -> TestJobs.waiter(transport(), "a1")
                        .policy(fast)
                        .awaitAsync()
                        .get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("forbidden");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void asyncWaitTimesOutWithTheLastJob() {
        // The wait's clock moves four minutes with each poll the server answers: the third poll ends past the
        // ten-minute timeout, however long the machine takes to make it.
        ManualTimeSource time = new ManualTimeSource();
        Dispatcher running = finishingAfter(Integer.MAX_VALUE, new ConcurrentHashMap<>());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                time.advance(Duration.ofMinutes(4));
                return running.dispatch(request);
            }
        });
        PollPolicy tenMinutes = fast.toBuilder().timeout(Duration.ofMinutes(10)).build();

        assertThatThrownBy(() -> TestJobs.waiter(transport(time), "a1")
                        .policy(tenMinutes)
                        .awaitAsync()
                        .get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(JobWaitTimeoutException.class, e -> {
                    assertThat(e.polls()).isEqualTo(3);
                    assertThat(e.elapsed()).isEqualTo(Duration.ofMinutes(12));
                    assertThat(e.lastJob(TestJob.class))
                            .extracting(TestJob::status)
                            .isEqualTo("running");
                });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void cancellingStopsFurtherPollsAndCancelsTheRequestInFlight() throws Exception {
        CountDownLatch thirdPollArrived = new CountDownLatch(1);
        CountDownLatch releaseThirdPoll = new CountDownLatch(1);
        Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
        Dispatcher probeFinishingAfter5 = finishingAfter(5, polls);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (!request.getUrl().pathSegments().get(2).equals("a1")) {
                    return probeFinishingAfter5.dispatch(request);
                }
                if (polls.computeIfAbsent("a1", k -> new AtomicInteger()).incrementAndGet() == 3) {
                    thirdPollArrived.countDown();
                    releaseThirdPoll.await(30, TimeUnit.SECONDS);
                }
                return job("a1", "running", 1);
            }
        });
        HttpTransport shared = transport();
        CompletableFuture<TestJob> wait =
                TestJobs.waiter(shared, "a1").policy(fast).awaitAsync();
        assertThat(thirdPollArrived.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(wait.cancel(true)).isTrue();
        releaseThirdPoll.countDown();
        // A probe wait on the same client, on the same timer thread and at the same interval, makes five polls: a
        // poll the cancelled wait had still scheduled would have been made by then.
        TestJobs.waiter(shared, "probe").policy(fast).awaitAsync().get(30, TimeUnit.SECONDS);

        assertThat(wait).isCancelled();
        assertThatThrownBy(wait::join).isInstanceOf(CancellationException.class);
        assertThat(polls.get("a1")).hasValue(3);
        assertThat(polls.get("probe")).hasValue(5);
        assertThat(server.getRequestCount()).isEqualTo(3 + 5);
    }

    @Test
    void twoThousandConcurrentWaitsUseAFewFixedThreads() throws Exception {
        Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
        Dispatcher finishingAfter3 = finishingAfter(3, polls);
        // The SDK's threads are counted as each poll arrives, while the waits are running.
        AtomicInteger maxSdkThreads = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                maxSdkThreads.accumulateAndGet(sdkThreads(), Math::max);
                return finishingAfter3.dispatch(request);
            }
        });
        HttpTransport shared = transport();

        List<CompletableFuture<TestJob>> waits = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            waits.add(TestJobs.waiter(shared, "job-" + i).policy(fast).awaitAsync());
        }
        CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

        assertThat(waits).allSatisfy(w -> assertThat(w.join().state()).isEqualTo(JobState.SUCCEEDED));
        assertThat(polls).hasSize(2000).allSatisfy((id, n) -> assertThat(n).hasValue(3));
        // 4 HTTP dispatcher threads and 1 scheduler thread, however many jobs are waited on.
        assertThat(maxSdkThreads.get()).isBetween(1, 5);
        assertThat(sdkThreads()).isLessThanOrEqualTo(5);
    }

    @Test
    void closingTheClientStopsItsThreads() throws Exception {
        server.enqueue(job("a1", "running", 1));
        server.enqueue(job("a1", "done", 10));
        java.util.Set<Thread> before = dev.jobstatus.core.internal.transport.Threads.live();
        TestJobs.waiter(transport(), "a1").policy(fast).awaitAsync().get(30, TimeUnit.SECONDS);
        java.util.Set<Thread> started = dev.jobstatus.core.internal.transport.Threads.live();
        started.removeAll(before);
        assertThat(started).isNotEmpty();

        transport.close();

        for (Thread thread : started) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(started).noneMatch(Thread::isAlive);
    }

    @Test
    void closingTheClientBetweenPollsEndsTheWaitWithTheClosedException() throws Exception {
        server.enqueue(job("a1", "running", 1));
        CountDownLatch polled = new CountDownLatch(1);
        PollPolicy slow = PollPolicy.builder()
                .initialInterval(Duration.ofMinutes(10))
                .maxInterval(Duration.ofMinutes(10))
                .jitter(0)
                .timeout(Duration.ofHours(1))
                .build();
        CompletableFuture<TestJob> wait = TestJobs.waiter(transport(), "a1")
                .policy(slow)
                .listener(e -> polled.countDown())
                .awaitAsync();
        assertThat(polled.await(30, TimeUnit.SECONDS)).isTrue();

        transport.close();

        ExecutionException failed =
                catchThrowableOfType(ExecutionException.class, () -> wait.get(30, TimeUnit.SECONDS));
        assertThat(failed).as("the wait ended within the safety net").isNotNull();
        assertThat(failed.getCause())
                .isInstanceOf(ClientClosedException.class)
                .hasMessage("the acme client was closed while waiting for job a1");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** Counts by thread group: OkHttp renames a worker to "OkHttp <url>" while it runs a call. */
    private static int sdkThreads() {
        return dev.jobstatus.core.internal.transport.Threads.liveThreads();
    }
}
