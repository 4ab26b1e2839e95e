package dev.jobstatus.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure a simulator injects into the next request it receives, before any normal handling: an error
 * status, a connection dropped before the response, a body cut off halfway, or a delay.
 */
public sealed interface Fault {
    /**
     * Answers with {@code status} (for example 500 or 503) and the provider's usual error body.
     *
     * @param status the HTTP status
     * @return the fault
     */
    static Fault status(int status) {
        return new Status(status);
    }

    /**
     * Closes the connection before any response is written.
     *
     * @return the fault
     */
    static Fault dropConnection() {
        return new DropConnection();
    }

    /**
     * Serves the normal response but closes the connection halfway through its body.
     *
     * @return the fault
     */
    static Fault truncatedBody() {
        return new TruncatedBody();
    }

    /**
     * Serves the normal response after {@code delay}.
     *
     * @param delay how long to wait before answering
     * @return the fault
     */
    static Fault delay(Duration delay) {
        return new Delay(Objects.requireNonNull(delay));
    }

    /**
     * Answers as the provider answers a throttled request, asking for {@code retryAfter}.
     *
     * @param retryAfter the delay the response asks for
     * @return the fault
     */
    static Fault throttle(Duration retryAfter) {
        return new Throttle(Objects.requireNonNull(retryAfter));
    }

    /**
     * Answers with an error status.
     *
     * @param status the HTTP status to answer with
     */
    record Status(int status) implements Fault {}

    /** Closes the connection before responding. */
    record DropConnection() implements Fault {}

    /** Closes the connection halfway through the body. */
    record TruncatedBody() implements Fault {}

    /**
     * Serves the normal response late.
     *
     * @param delay how long to wait before the response headers
     */
    record Delay(Duration delay) implements Fault {}

    /**
     * Answers as a throttled request.
     *
     * @param retryAfter the wait the throttled answer asks for
     */
    record Throttle(Duration retryAfter) implements Fault {}
}
