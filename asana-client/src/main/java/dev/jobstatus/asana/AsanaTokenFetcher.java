package dev.jobstatus.asana;

import dev.jobstatus.core.auth.AccessToken;
import dev.jobstatus.core.auth.TokenFetcher;
import dev.jobstatus.core.internal.auth.TokenEndpoint;
import dev.jobstatus.core.internal.transport.ApiRequest;
import dev.jobstatus.core.internal.transport.HttpTransport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renews an OAuth app's access token with its refresh token: {@code POST /-/oauth_token} on the API's host
 * ({@code https://app.asana.com/-/oauth_token}), form-encoded, {@code grant_type=refresh_token} with the app's
 * client id and secret. Asana's access tokens last about an hour; the refresh token does not change unless the
 * answer carries a new one.
 */
final class AsanaTokenFetcher implements TokenFetcher {
    private final HttpTransport transport;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;

    AsanaTokenFetcher(HttpTransport transport, String clientId, String clientSecret, String refreshToken) {
        this.transport = transport;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
    }

    @Override
    public AccessToken fetch(@Nullable AccessToken previous) {
        String current = previous != null && previous.refreshToken() != null ? previous.refreshToken() : refreshToken;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("refresh_token", current);
        ApiRequest request = ApiRequest.post()
                .operation("token", null)
                .rootPath("-/oauth_token")
                .formBody(form)
                .unauthenticated()
                .credentialExchange(List.of(clientSecret, current))
                .build();
        return TokenEndpoint.fetch(transport, request, current);
    }

    @Override
    public String toString() {
        return "AsanaTokenFetcher[refresh grant, clientSecret=***, refreshToken=***]";
    }
}
