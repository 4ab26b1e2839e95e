package dev.jobstatus.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The JVM's own clocks and {@link Thread#sleep}. */
enum SystemTimeSource implements TimeSource {
    INSTANCE;

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
    }
}
