package dev.jobstatus.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.core.retry.RateLimiter.Window;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bucket a quota becomes never grants more than a window's permits in any span of its length, however greedily
 * it is drained, and sustains the rate its burst share leaves: checked on Bucket4j's own bucket with a fake clock.
 */
class BucketWindowsTest {
    private static final List<Window> NEXUDUS =
            List.of(Window.of(1, Duration.ofMillis(110)), Window.of(120, Duration.ofSeconds(66)));

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9})
    void noSpanOfAWindowHoldsMoreThanItsPermits(double share) {
        long[] now = {0};
        Bucket bucket = Bucket.builder()
                .withCustomTimePrecision(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return now[0];
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return false;
                    }
                })
                .addLimit(RedisRateLimiter.configuration(NEXUDUS, share).getBandwidths()[0])
                .addLimit(RedisRateLimiter.configuration(NEXUDUS, share).getBandwidths()[1])
                .build();
        ArrayDeque<Long> minute = new ArrayDeque<>();
        long last = 0;
        int granted = 0;
        int busiestMinute = 0;
        long tenMinutes = Duration.ofMinutes(10).toNanos();
        for (long t = 0; t < tenMinutes; t += 1_000_000) {
            now[0] = t;
            if (bucket.tryConsume(1)) {
                if (granted++ > 0) {
                    assertThat(t - last)
                            .as("gap")
                            .isGreaterThanOrEqualTo(Duration.ofMillis(110).toNanos() - 1_000_000);
                }
                last = t;
                minute.addLast(t);
                while (t - minute.peekFirst() >= Duration.ofSeconds(66).toNanos()) {
                    minute.pollFirst();
                }
                busiestMinute = Math.max(busiestMinute, minute.size());
            }
        }
        assertThat(busiestMinute).as("most grants in any 66 s").isLessThanOrEqualTo(120);
        long burst = (long) Math.ceil(share * 120);
        double sustained = (120 - burst) / 66.0 * 600;
        assertThat(granted)
                .as("grants in ten minutes")
                .isBetween((int) (burst + sustained) - 2, (int) (burst + sustained) + 2);
    }
}
