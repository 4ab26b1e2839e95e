package dev.jobstatus.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link TimeSource} whose sleeps return at once and move the clock forward; it records every sleep. */
public final class FakeTime implements TimeSource {
    private final Instant epoch;
    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public FakeTime() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public FakeTime(Instant start) {
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

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(duration);
        advance(duration);
    }

    /** Moves the clock forward without recording a sleep. */
    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Returns every sleep made so far, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
