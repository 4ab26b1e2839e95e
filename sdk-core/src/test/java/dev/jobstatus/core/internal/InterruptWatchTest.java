package dev.jobstatus.core.internal;

import static dev.jobstatus.core.internal.TestTransports.THING;
import static dev.jobstatus.core.internal.TestTransports.getThing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jobstatus.core.exception.InterruptedOperationException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** An interrupt ends a blocking call on plain sockets: the SDK's own client's, or one the caller passed in. */
class InterruptWatchTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void anInterruptCancelsACallOnTheCallersOwnClient() throws Exception {
        OkHttpClient callers = new OkHttpClient();
        try (SilentServer silent = new SilentServer();
             HttpTransport transport = HttpTransport.builder("acme").baseUrl(silent.url("/v1/")).httpClient(callers).build()) {
            // The client's read timeout is 10 s; the watch polls every 50 ms.
            assertInterruptEndsACall(transport, silent);
        }
    }

    @Test
    void aWatchThatWentToSleepWakesForTheNextCall() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\"}").build());
        try (HttpTransport quick = HttpTransport.builder("acme").baseUrl(server.url("/v1/")).build()) {
            quick.execute(getThing("1"), THING);
        }
        // A second without calls: the watch thread stops polling and sleeps.
        Thread.sleep(InterruptWatch.POLL_MILLIS * 30);

        try (SilentServer silent = new SilentServer(); HttpTransport transport = HttpTransport.builder("acme").baseUrl(silent.url("/v1/")).build()) {
            assertInterruptEndsACall(transport, silent);
        }
    }

    private static void assertInterruptEndsACall(HttpTransport transport, SilentServer silent) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        Thread calling = new Thread(() -> {
            thrown.set(catchThrowable(() -> transport.execute(getThing("1"), THING)));
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        calling.start();
        while (silent.accepted() == 0) {
            Thread.sleep(10);
        }
        long start = System.nanoTime();
        calling.interrupt();
        calling.join(5_000);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(thrown.get()).isInstanceOf(InterruptedOperationException.class)
                .hasMessage("interrupted while calling the acme API");
        assertThat(flagKept.get()).isTrue();
        assertThat(silent.awaitClientClose(500)).isTrue();
    }

    @Test
    void aThreadInterruptedBeforeTheCallSendsNothing() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\"}").build());
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\"}").build());
        try (HttpTransport transport = HttpTransport.builder("acme").baseUrl(server.url("/v1/")).build()) {
            // A pooled connection: opening a new one would notice the interrupt on its own.
            transport.execute(getThing("1"), THING);
            Thread.currentThread().interrupt();
            Throwable thrown;
            try {
                thrown = catchThrowable(() -> transport.execute(getThing("1"), THING));
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt flag is kept").isTrue();
            }

            assertThat(thrown).isInstanceOf(InterruptedOperationException.class);
            assertThat(server.getRequestCount()).isOne();
            // Not interrupted, the same transport works.
            assertThat(transport.execute(getThing("1"), THING).value().id()).isEqualTo("1");
        }
    }

    @Test
    void callsThatEndAreNoLongerWatched() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\"}").build());
        server.enqueue(new MockResponse.Builder().code(404).body("{}").build());
        try (HttpTransport transport = HttpTransport.builder("acme").baseUrl(server.url("/v1/")).build()) {
            transport.execute(getThing("1"), THING);
            catchThrowable(() -> transport.execute(getThing("2"), THING));
        }

        assertThat(InterruptWatch.watched()).isZero();
    }
}
