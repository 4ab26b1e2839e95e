package dev.jobstatus.core.auth;

import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.exception.JobStatusException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Supplies the headers that authenticate each request, and renews them after the server rejects them.
 *
 * <p>The SDK asks for {@link #headers()} before every attempt. When a response is HTTP 401 it calls
 * {@link #refresh(AuthHeaders)} once with the headers that were rejected and, if that returns {@code true},
 * repeats the request with fresh headers; a second 401 becomes an {@link AuthenticationException}.
 * Implementations must be thread-safe and must never reveal a secret in {@code toString()}.
 */
public interface CredentialProvider {

    /**
     * {@return the headers to send with the next request}
     * @throws JobStatusException if fresh credentials are needed and fetching them failed
     */
    AuthHeaders headers();

    /**
     * Returns the headers for the next request without blocking, if they are at hand: the SDK's asynchronous calls use
     * them on the thread they are on, and otherwise call {@link #headers()} on a thread of their own, since it may block
     * (a token fetch). By default {@code null}.
     *
     * @return the same headers {@link #headers()} would return now, or {@code null} when getting them may block
     */
    default @Nullable AuthHeaders headersIfReady() {
        return null;
    }

    /**
     * Renews the credentials after the server rejected {@code rejected} with HTTP 401.
     *
     * @param rejected the headers the server refused
     * @return {@code true} if a retry with {@link #headers()} may succeed; {@code false} for credentials
     *     that cannot be renewed
     * @throws JobStatusException if renewing failed
     */
    default boolean refresh(AuthHeaders rejected) {
        return false;
    }

    /** {@return a provider that sends no authentication} */
    static CredentialProvider none() {
        return StaticCredentials.NONE;
    }

    /**
     * {@return a provider that sends {@code Authorization: Bearer <token>}}
     *
     * @param token the token
     * @throws IllegalArgumentException if the token is null or blank
     */
    static CredentialProvider bearerToken(String token) {
        requireText(token, "token");
        return new StaticCredentials("bearer token", AuthHeaders.of("Authorization", "Bearer " + token));
    }

    /**
     * {@return a provider that sends HTTP Basic credentials}
     *
     * @param username the user name
     * @param password the password
     * @throws IllegalArgumentException if the username or password is null or blank
     */
    static CredentialProvider basic(String username, String password) {
        requireText(username, "username");
        requireText(password, "password");
        String encoded =
                Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new StaticCredentials("basic credentials", AuthHeaders.of("Authorization", "Basic " + encoded));
    }

    /**
     * {@return a provider that sends fixed headers, such as an API key and an account id}
     *
     * @param headers the headers, values secret
     * @throws IllegalArgumentException if a name or value is null or blank
     */
    static CredentialProvider staticHeaders(Map<String, String> headers) {
        return new StaticCredentials("static headers", AuthHeaders.of(headers));
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be null or blank");
        }
    }
}
