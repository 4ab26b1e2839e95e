package dev.jobstatus.wix;

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
 * Mints Wix OAuth access tokens with the client-credentials grant: {@code POST /oauth2/token} with a JSON body of
 * {@code grant_type}, {@code client_id}, {@code client_secret} and {@code instance_id}. Tokens live about four
 * hours and come without a refresh token, so each renewal mints a new one.
 */
final class WixTokenFetcher implements TokenFetcher {
    private final HttpTransport transport;
    private final String clientId;
    private final String clientSecret;
    private final String instanceId;

    WixTokenFetcher(HttpTransport transport, String clientId, String clientSecret, String instanceId) {
        this.transport = transport;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.instanceId = instanceId;
    }

    @Override
    public AccessToken fetch(@Nullable AccessToken previous) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credentials");
        body.put("client_id", clientId);
        body.put("client_secret", clientSecret);
        body.put("instance_id", instanceId);
        ApiRequest request = ApiRequest.post()
                .operation("token", null)
                .path("oauth2/token")
                .jsonBody(body)
                .unauthenticated()
                .credentialExchange(List.of(clientSecret))
                .build();
        return TokenEndpoint.fetch(transport, request, null);
    }

    @Override
    public String toString() {
        return "WixTokenFetcher[client credentials, secret=***]";
    }
}
