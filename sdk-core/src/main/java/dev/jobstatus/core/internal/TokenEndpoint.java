package dev.jobstatus.core.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jobstatus.core.auth.AccessToken;

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

    private TokenEndpoint() {
    }

    /**
     * Sends {@code request} through {@code transport} (its retries, rate limit and errors) and returns the token.
     *
     * @param previousRefreshToken the refresh token to keep when the answer carries none, or {@code null}
     * @throws dev.jobstatus.core.exception.JobStatusException if the endpoint refuses or the call fails
     */
    public static AccessToken fetch(HttpTransport transport, ApiRequest request, String previousRefreshToken) {
        Answer answer = transport.execute(request, READER).value();
        return new AccessToken(answer.accessToken(),
                answer.expiresIn() == null ? null : transport.time().now().plusSeconds(answer.expiresIn()),
                answer.refreshToken() != null ? answer.refreshToken() : previousRefreshToken);
    }
}
