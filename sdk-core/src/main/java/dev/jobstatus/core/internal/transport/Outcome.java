package dev.jobstatus.core.internal.transport;

import dev.jobstatus.core.ApiResponse;
import java.time.Duration;

/** What one attempt of an exchange led to: a result, a retry after a delay, or a final failure. */
sealed interface Outcome<T> {
    /** The call succeeded. */
    record Done<T>(ApiResponse<T> response) implements Outcome<T> {}

    /** Try again after {@code delay}. */
    record Retry<T>(Duration delay) implements Outcome<T> {}

    /** The call failed for good. */
    record Fail<T>(RuntimeException exception) implements Outcome<T> {}
}
