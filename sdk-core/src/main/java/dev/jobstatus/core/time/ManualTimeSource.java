package dev.jobstatus.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for tests: time stands still until it is advanced, and a sleep returns at once after moving time
 * forward by its duration. Every sleep is recorded, so a test can assert the exact backoff or polling schedule
 * of a client without waiting for it. Thread-safe.
 *
 * <pre>{@code
 * ManualTimeSource time = new ManualTimeSource();
 * AsanaClient client = AsanaClient.builder().bearerToken(token).timeSource(time).build();
 * client.jobs().waitFor(gid);
 * assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(1500));
 * }</pre>
 *
 * <p>It drives blocking calls and waits; asynchronous waits run on real timers.
 */
public final class ManualTimeSource implements TimeSource {
    private final Instant epoch;
    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    /** Creates a clock that starts at 2026-01-01T00:00:00Z. */
    public ManualTimeSource() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * Creates a clock that starts at {@code start}.
     *
     * @param start the first instant
     */
    public ManualTimeSource(Instant start) {
        this.epoch = start;
    }

    @Override
    public Instant now() {
        return epoch.plusNanos(nanos.get());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    /**
     * Records the sleep and moves time forward by {@code duration}, without blocking.
     *
     * @throws InterruptedException if the calling thread's interrupt flag is set (the flag is cleared, as
     *     {@link Thread#sleep(long)} would)
     */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(duration);
        advance(duration);
    }

    /**
     * Moves time forward by {@code duration} without recording a sleep.
     *
     * @param duration how far to move, zero or more
     */
    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** {@return every sleep made so far, in order} */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public String toString() {
        return "ManualTimeSource[" + now() + "]";
    }
}
