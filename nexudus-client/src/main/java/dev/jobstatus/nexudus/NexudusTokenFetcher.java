package dev.jobstatus.nexudus;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jobstatus.core.AccessToken;
import dev.jobstatus.core.ApiException;
import dev.jobstatus.core.TokenFetcher;
import dev.jobstatus.core.internal.ApiRequest;
import dev.jobstatus.core.internal.BodyReader;
import dev.jobstatus.core.internal.HttpTransport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Obtains Nexudus access tokens: the password grant ({@code POST /api/token}, form-encoded — Nexudus refuses
 * JSON), and the refresh-token grant when the previous token has a refresh token. A refresh refused with
 * {@code invalid_grant} falls back to the password grant once. {@code client_id} goes with both grants.
 */
final class NexudusTokenFetcher implements TokenFetcher {
    private static final BodyReader<TokenResponse> READER = BodyReader.json(TokenResponse.class);

    private final HttpTransport transport;
    private final String username;
    private final String password;
    private final String totp;
    private final String clientId;

    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") Long expiresIn, @JsonProperty("refresh_token") String refreshToken) { }

    NexudusTokenFetcher(HttpTransport transport, String username, String password, String totp, String clientId) {
        this.transport = transport;
        this.username = username;
        this.password = password;
        this.totp = totp;
        this.clientId = clientId;
    }

    @Override
    public AccessToken fetch(AccessToken previous) {
        if (previous != null && previous.refreshToken() != null) {
            Map<String, String> refresh = new LinkedHashMap<>();
            refresh.put("grant_type", "refresh_token");
            refresh.put("refresh_token", previous.refreshToken());
            refresh.put("client_id", clientId);
            try {
                return grant(refresh);
            } catch (ApiException e) {
                if (!"invalid_grant".equals(e.errorCode().orElse(null))) {
                    throw e;
                }
            }
        }
        Map<String, String> passwordGrant = new LinkedHashMap<>();
        passwordGrant.put("grant_type", "password");
        passwordGrant.put("username", username);
        passwordGrant.put("password", password);
        passwordGrant.put("totp", totp);
        passwordGrant.put("client_id", clientId);
        return grant(passwordGrant);
    }

    private AccessToken grant(Map<String, String> form) {
        ApiRequest request = ApiRequest.post().path("api/token").formBody(form).unauthenticated().build();
        TokenResponse token = transport.execute(request, READER).value();
        return new AccessToken(token.accessToken(),
                token.expiresIn() == null ? null : transport.time().now().plusSeconds(token.expiresIn()),
                token.refreshToken());
    }

    @Override
    public String toString() {
        return "NexudusTokenFetcher[password grant, password=***]";
    }
}
