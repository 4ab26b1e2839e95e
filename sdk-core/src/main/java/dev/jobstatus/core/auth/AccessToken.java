package dev.jobstatus.core.auth;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An access token fetched from a provider's token endpoint.
 *
 * <p>{@link #toString()} never shows the token or the refresh token.
 *
 * @param token the access token
 * @param expiresAt when the token expires, or {@code null} if the provider did not say
 * @param refreshToken a token that renews the access token, or {@code null} if the provider issues none
 */
public record AccessToken(
        String token, @Nullable Instant expiresAt, @Nullable String refreshToken) {
    /**
     * Validates the token.
     *
     * @param token the access token
     * @param expiresAt when the token expires, or {@code null} if the provider did not say
     * @param refreshToken a token that renews the access token, or {@code null} if the provider issues none
     * @throws IllegalArgumentException if {@code token} is null or blank
     */
    public AccessToken {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("access token must not be null or blank");
        }
    }

    @Override
    public String toString() {
        return "AccessToken[token=***, expiresAt=" + expiresAt + ", refreshToken="
                + (refreshToken == null ? "none" : "***") + "]";
    }
}
