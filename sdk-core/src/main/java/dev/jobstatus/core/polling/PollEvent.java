package dev.jobstatus.core.polling;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one poll of a wait saw.
 *
 * @param job the job as this poll returned it
 * @param poll the number of this poll, counting from 1
 * @param elapsed the time since the wait started
 * @param nextDelay the wait before the next poll, or {@code null} when this poll ended the wait
 * @param fromRetryAfter whether {@code nextDelay} was set by the server's {@code Retry-After}
 * @param <J> the job type
 */
public record PollEvent<J>(
        J job, int poll, Duration elapsed, @Nullable Duration nextDelay, boolean fromRetryAfter) {}
