package dev.jobstatus.core.internal.pacing;

import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.internal.transport.CallBudget;
import dev.jobstatus.core.internal.transport.TransportSettings;
import dev.jobstatus.core.telemetry.ClientListener;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One call's rate-limit permits, each reserved within the call's deadline: for an asynchronous attempt before it is
 * enqueued, for a blocking one as its {@link BlockingPermit}, taken once its connection is open.
 */
public final class Pacing {
    private final TransportSettings transport;
    private final CallBudget budget;
    private final ClientListener.Operation operation;

    public Pacing(TransportSettings transport, CallBudget budget, ClientListener.Operation operation) {
        this.transport = transport;
        this.budget = budget;
        this.operation = operation;
    }

    /**
     * Reserves a permit for the attempt {@code attempts} of the call {@code what}.
     *
     * @return how long to wait before sending it
     * @throws RequestTimeoutException if the limiter has no permit before the call's deadline
     */
    public Duration reserve(int attempts, String what) {
        Duration remaining = Duration.ofNanos(budget.remainingNanos(transport.time().nanoTime()));
        Duration wait = transport.rateLimiter().tryReserve(remaining);
        if (wait == null) {
            Duration next = transport.rateLimiter().nextPermitIn();
            throw new RequestTimeoutException(transport.provider(), attempts, "the client-side rate limit allows no "
                    + transport.provider() + " request for " + what + " within the " + remaining.toMillis()
                    + " ms left of the call's " + budget.lengthMillis() + " ms deadline"
                    + (next == null ? "" : " (the next permit is " + next.toMillis() + " ms away)"), null, next);
        }
        if (!wait.isZero()) {
            operation.rateLimited(wait);
        }
        return wait;
    }

    /** Returns the permit of a blocking attempt, reserved by {@code reserve} and waited for by {@code pause}. */
    public BlockingPermit blocking(Supplier<Duration> reserve, BlockingPermit.Pause pause) {
        return new BlockingPermit(reserve, pause, transport.time(), transport.rateLimiter().shared());
    }
}
