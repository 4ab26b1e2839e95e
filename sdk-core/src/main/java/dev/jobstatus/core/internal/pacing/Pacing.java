package dev.jobstatus.core.internal.pacing;

import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.internal.timing.Deadline;
import dev.jobstatus.core.retry.RateLimiter;
import dev.jobstatus.core.telemetry.ClientListener;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One call's rate-limit permits, each reserved within the call's deadline: for an asynchronous attempt before it is
 * enqueued, for a blocking one as its {@link BlockingPermit}, taken once its connection is open.
 */
public final class Pacing {
    private final RateLimiter limiter;
    private final Deadline deadline;
    private final ClientListener.Operation operation;

    /** Paces the call of {@code deadline} (its provider and clock too) on {@code limiter}, telling {@code operation}. */
    public Pacing(RateLimiter limiter, Deadline deadline, ClientListener.Operation operation) {
        this.limiter = limiter;
        this.deadline = deadline;
        this.operation = operation;
    }

    /**
     * Reserves a permit for the attempt {@code attempts} of the call {@code what}.
     *
     * @return how long to wait before sending it
     * @throws RequestTimeoutException if the limiter has no permit before the call's deadline
     */
    public Duration reserve(int attempts, String what) {
        Duration remaining =
                Duration.ofNanos(deadline.remainingNanos(deadline.time().nanoTime()));
        Duration wait = limiter.tryReserve(remaining);
        if (wait == null) {
            Duration next = limiter.nextPermitIn();
            throw new RequestTimeoutException(
                    deadline.provider(),
                    attempts,
                    "the client-side rate limit allows no "
                            + deadline.provider() + " request for " + what + " within the " + remaining.toMillis()
                            + " ms left of the call's " + deadline.lengthMillis() + " ms deadline"
                            + (next == null ? "" : " (the next permit is " + next.toMillis() + " ms away)"),
                    null,
                    next);
        }
        if (!wait.isZero()) {
            operation.rateLimited(wait);
        }
        return wait;
    }

    /** Returns the permit of a blocking attempt, reserved by {@code reserve} and waited for by {@code pause}. */
    public BlockingPermit blocking(Supplier<Duration> reserve, BlockingPermit.Pause pause) {
        return new BlockingPermit(reserve, pause, deadline.time(), limiter.shared());
    }
}
