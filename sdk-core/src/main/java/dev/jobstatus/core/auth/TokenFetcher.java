package dev.jobstatus.core.auth;

import dev.jobstatus.core.exception.JobStatusException;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a new access token from a provider's token endpoint, for a {@link CachingTokenProvider}.
 */
@FunctionalInterface
public interface TokenFetcher {
    /**
     * Fetches a new access token.
     *
     * @param previous the token being replaced (expired, expiring or rejected), whose refresh token may be
     *     used; {@code null} on the first fetch
     * @return the new token
     * @throws JobStatusException if the provider refused or could not be reached
     */
    AccessToken fetch(@Nullable AccessToken previous);
}
