package dev.jobstatus.core.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jobstatus.core.auth.AccessToken;
import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.AuthenticationException;
import java.util.Set;

/**
 * Calls an OAuth 2.0 token endpoint and reads its standard answer (RFC 6749, 5.1): {@code access_token},
 * {@code expires_in} and an optional {@code refresh_token}. Each provider builds its own request (grant, body
 * format, headers); the answer is read here once for all.
 */
public final class TokenEndpoint {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") Long expiresIn,
                  @JsonProperty("refresh_token") String refreshToken) { }

    private static final BodyReader<Answer> READER = BodyReader.json(Answer.class);

    /**
     * The token endpoints' ways of saying the credentials are wrong: OAuth's codes (RFC 6749, 5.2) and Wix's. They come
     * as HTTP 400, but code that catches {@link AuthenticationException} for bad credentials must see them.
     */
    private static final Set<String> CREDENTIALS_REFUSED = Set.of("invalid_grant", "invalid_client", "unauthorized_client",
            "INVALID_CLIENT", "INVALID_GRANT", "UNAUTHORIZED");

    private TokenEndpoint() {
    }

    private static ApiException refusedCredentials(ApiException e) {
        if (e instanceof AuthenticationException || e.statusCode() != 400 || e.errorCode() == null
                || !CREDENTIALS_REFUSED.contains(e.errorCode())) {
            return e;
        }
        AuthenticationException refused = new AuthenticationException(e.error());
        refused.initCause(e);
        return refused;
    }

    /**
     * Sends {@code request} through {@code transport} (its retries, rate limit and errors) and returns the token.
     *
     * @param previousRefreshToken the refresh token to keep when the answer carries none, or {@code null}
     * @throws dev.jobstatus.core.exception.JobStatusException if the endpoint refuses or the call fails
     */
    public static AccessToken fetch(HttpTransport transport, ApiRequest request, String previousRefreshToken) {
        Answer answer;
        try {
            answer = transport.execute(request, READER).value();
        } catch (ApiException e) {
            throw refusedCredentials(e);
        }
        return new AccessToken(answer.accessToken(),
                answer.expiresIn() == null ? null : transport.time().now().plusSeconds(answer.expiresIn()),
                answer.refreshToken() != null ? answer.refreshToken() : previousRefreshToken);
    }
}
