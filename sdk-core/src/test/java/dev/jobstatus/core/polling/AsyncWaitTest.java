package dev.jobstatus.core.polling;

import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.exception.JobFailedException;
import dev.jobstatus.core.exception.JobWaitTimeoutException;
import dev.jobstatus.core.exception.PermissionDeniedException;
import dev.jobstatus.core.time.TimeSource;
import dev.jobstatus.testkit.NoDelayServerSockets;
import static dev.jobstatus.core.polling.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobstatus.core.polling.TestJobs.TestJob;
import dev.jobstatus.core.internal.HttpTransport;
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

/** Asynchronous waits run on real timers, with millisecond intervals; assertions are on counts, not times. */
class AsyncWaitTest {
    @StartStop
    final MockWebServer server = NoDelayServerSockets.apply(new MockWebServer());

    private final PollPolicy fast = PollPolicy.builder().initialInterval(Duration.ofMillis(5)).multiplier(1)
            .jitter(0).timeout(Duration.ofMinutes(2)).build();
    private HttpTransport transport;

    private HttpTransport transport() {
        transport = TestJobs.transport(server, TimeSource.system()).build();
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

        TestJob job = TestJobs.waiter(transport(), "a1").policy(fast).listener(e -> seen.add(e.poll()))
                .awaitAsync().get(30, TimeUnit.SECONDS);

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(seen).containsExactly(1, 2, 3, 4);
        assertThat(polls.get("a1")).hasValue(4);
    }

    @Test
    void asyncSuccessWaitFailsWithTheFailedJob() {
        server.enqueue(job("a1", "failed", 2));

        assertThatThrownBy(() -> TestJobs.waiter(transport(), "a1").policy(fast).awaitSuccessAsync().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(JobFailedException.class);
    }

    @Test
    void asyncWaitEndsWithTheTypedErrorOfAPoll() {
        server.enqueue(job("a1", "running", 1));
        server.enqueue(new MockResponse.Builder().code(403).body("{\"message\":\"forbidden\"}").build());

        assertThatThrownBy(() -> TestJobs.waiter(transport(), "a1").policy(fast).awaitAsync().get(30, TimeUnit.SECONDS))
                .cause().isInstanceOf(PermissionDeniedException.class).hasMessageContaining("forbidden");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void asyncWaitTimesOutWithTheLastJob() {
        server.setDispatcher(finishingAfter(Integer.MAX_VALUE, new ConcurrentHashMap<>()));
        PollPolicy short50ms = fast.toBuilder().timeout(Duration.ofMillis(50)).build();

        assertThatThrownBy(() -> TestJobs.waiter(transport(), "a1").policy(short50ms).awaitAsync().get(30, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(JobWaitTimeoutException.class, e -> {
                    assertThat(e.polls()).isGreaterThanOrEqualTo(2);
                    assertThat(e.lastJob(TestJob.class)).extracting(TestJob::status).isEqualTo("running");
                });
    }

    @Test
    void cancellingStopsFurtherPollsAndCancelsTheRequestInFlight() throws Exception {
        CountDownLatch thirdPollArrived = new CountDownLatch(1);
        CountDownLatch releaseThirdPoll = new CountDownLatch(1);
        AtomicInteger polls = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (polls.incrementAndGet() == 3) {
                    thirdPollArrived.countDown();
                    releaseThirdPoll.await(10, TimeUnit.SECONDS);
                }
                return job("a1", "running", 1);
            }
        });
        CompletableFuture<TestJob> wait = TestJobs.waiter(transport(), "a1").policy(fast).awaitAsync();
        assertThat(thirdPollArrived.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(wait.cancel(true)).isTrue();
        releaseThirdPoll.countDown();
        Thread.sleep(300); // long enough for dozens of further polls at 5 ms, were any scheduled

        assertThat(wait).isCancelled();
        assertThatThrownBy(wait::join).isInstanceOf(CancellationException.class);
        assertThat(polls).hasValue(3);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void twoThousandConcurrentWaitsUseAFewFixedThreads() throws Exception {
        Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
        server.setDispatcher(finishingAfter(3, polls));
        HttpTransport shared = transport();
        AtomicInteger maxSdkThreads = new AtomicInteger();
        AtomicInteger samples = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxSdkThreads.accumulateAndGet(sdkThreads(), Math::max);
                samples.incrementAndGet();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();

        List<CompletableFuture<TestJob>> waits = new ArrayList<>();
        try {
            for (int i = 0; i < 2000; i++) {
                waits.add(TestJobs.waiter(shared, "job-" + i).policy(fast).awaitAsync());
            }
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            sampler.interrupt();
            sampler.join();
        }

        assertThat(waits).allSatisfy(w -> assertThat(w.join().state()).isEqualTo(JobState.SUCCEEDED));
        assertThat(polls).hasSize(2000).allSatisfy((id, n) -> assertThat(n).hasValue(3));
        // 4 HTTP dispatcher threads and 1 scheduler thread, however many jobs are waited on.
        assertThat(samples.get()).isPositive();
        assertThat(maxSdkThreads.get()).isBetween(1, 5);
        assertThat(sdkThreads()).isLessThanOrEqualTo(5);
    }

    @Test
    void closingTheClientStopsItsThreads() throws Exception {
        server.enqueue(job("a1", "running", 1));
        server.enqueue(job("a1", "done", 10));
        java.util.Set<Thread> before = dev.jobstatus.core.internal.Threads.live();
        TestJobs.waiter(transport(), "a1").policy(fast).awaitAsync().get(30, TimeUnit.SECONDS);
        java.util.Set<Thread> started = dev.jobstatus.core.internal.Threads.live();
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
        PollPolicy slow = PollPolicy.builder().initialInterval(Duration.ofMinutes(10)).maxInterval(Duration.ofMinutes(10))
                .jitter(0).timeout(Duration.ofHours(1)).build();
        CompletableFuture<TestJob> wait = TestJobs.waiter(transport(), "a1").policy(slow).listener(e -> polled.countDown())
                .awaitAsync();
        assertThat(polled.await(30, TimeUnit.SECONDS)).isTrue();

        transport.close();

        ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> wait.get(30, TimeUnit.SECONDS));
        assertThat(failed).as("the wait ended within the safety net").isNotNull();
        assertThat(failed.getCause()).isInstanceOf(ClientClosedException.class)
                .hasMessage("the acme client was closed while waiting for job a1");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** Counts by thread group: OkHttp renames a worker to "OkHttp <url>" while it runs a call. */
    private static int sdkThreads() {
        return dev.jobstatus.core.internal.Threads.liveThreads();
    }
}
