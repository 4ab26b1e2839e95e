package dev.jobstatus.redis;

import java.time.Duration;

/**
 * Shared state that does not take a busy machine for a Redis outage: a test that needs Redis to answer gives each
 * command, and the first connection, far longer than a loaded machine takes. Only an outage the test makes (a stopped
 * or refusing Redis, which fails at once) sends clients to their own process; a frozen one is given a short command
 * timeout of its own.
 */
final class Patient {
    private Patient() {}

    /** {@return a builder for {@code url} with safety-net timeouts, trying Redis again 300 ms after a failure} */
    static RedisSharedState.Builder redis(String url) {
        return RedisSharedState.builder(url)
                .commandTimeout(Duration.ofSeconds(20))
                .connectTimeout(Duration.ofSeconds(30))
                .retryInterval(Duration.ofMillis(300));
    }
}
