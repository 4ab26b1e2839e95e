package dev.jobstatus.core.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jobstatus.core.ApiResponse;
import dev.jobstatus.core.auth.AccessToken;
import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.exception.MalformedResponseException;
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

    /**
     * Refuses an access token that no HTTP header can carry (a control character, or one outside ASCII): OkHttp would
     * refuse the request it goes on with an {@link IllegalArgumentException}. The token is not quoted.
     */
    private static void requireSendable(HttpTransport transport, ApiResponse<?> response, String token) {
        if (token == null) {
            return;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c != '\t' && (c < 0x20 || c >= 0x7f)) {
                throw new MalformedResponseException(transport.provider(), response.attempts(), response.statusCode(),
                        response.requestId(), "an OAuth token answer", "its access_token holds a character no HTTP header can carry"
                        + " (a control character or one outside ASCII)", "<not shown: a token answer holds secrets>", null);
            }
        }
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
        ApiResponse<Answer> response;
        try {
            response = transport.execute(request, READER);
        } catch (ApiException e) {
            throw refusedCredentials(e);
        }
        Answer answer = response.value();
        requireSendable(transport, response, answer.accessToken());
        return new AccessToken(answer.accessToken(),
                answer.expiresIn() == null ? null : transport.time().now().plusSeconds(answer.expiresIn()),
                answer.refreshToken() != null ? answer.refreshToken() : previousRefreshToken);
    }
}
