package dev.jobstatus.redis;

import dev.jobstatus.core.exception.JobStatusException;
import org.jspecify.annotations.Nullable;

/**
 * Redis could not be reached, or did not answer in time, and the shared state was set to
 * {@linkplain RedisSharedState.Builder#failWhenUnavailable(boolean) fail} rather than fall back to this process.
 */
public class RedisUnavailableException extends JobStatusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param provider the provider whose call needed Redis
     * @param message the message, free of secrets
     * @param cause the Redis client's failure, or {@code null}
     */
    public RedisUnavailableException(String provider, String message, @Nullable Throwable cause) {
        super(provider, 0, message, cause);
    }
}
