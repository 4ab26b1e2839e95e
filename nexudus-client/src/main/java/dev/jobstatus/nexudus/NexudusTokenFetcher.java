package dev.jobstatus.nexudus;

import dev.jobstatus.core.auth.AccessToken;
import dev.jobstatus.core.auth.TokenFetcher;
import dev.jobstatus.core.exception.ApiError;
import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.internal.auth.TokenEndpoint;
import dev.jobstatus.core.internal.transport.ApiRequest;
import dev.jobstatus.core.internal.transport.HttpTransport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Obtains Nexudus access tokens from {@code POST /api/token} (form-encoded: Nexudus refuses JSON): the password
 * grant, and the refresh-token grant when the previous token has a refresh token. Both carry the
 * {@code client_id} request header — the configured client id, or else the username, which is what Nexudus
 * ties a token to when no client id was given — and Nexudus refuses a refresh without it. A refresh refused with
 * {@code invalid_grant} falls back to the password grant once.
 *
 * <p>A two-factor code is asked for each time a password grant is needed: a code is valid for seconds, so one
 * captured at start-up is spent on the first grant and never replayed.
 */
final class NexudusTokenFetcher implements TokenFetcher {
    private final HttpTransport transport;
    private final String username;
    private final String password;
    private final @Nullable Supplier<String> totp;
    private final @Nullable String clientId;

    /**
     * @param totp supplies a current two-factor code for each password grant, or {@code null} for accounts
     *     without two-factor authentication; it returns {@code null} when no code can be had
     * @param clientId the OAuth client id, or {@code null} for none
     */
    NexudusTokenFetcher(
            HttpTransport transport,
            String username,
            String password,
            @Nullable Supplier<String> totp,
            @Nullable String clientId) {
        this.transport = transport;
        this.username = username;
        this.password = password;
        this.totp = totp;
        this.clientId = clientId == null ? username : clientId;
    }

    @Override
    public AccessToken fetch(@Nullable AccessToken previous) {
        ApiException refused = null;
        if (previous != null && previous.refreshToken() != null) {
            Map<String, String> refresh = new LinkedHashMap<>();
            refresh.put("grant_type", "refresh_token");
            refresh.put("refresh_token", previous.refreshToken());
            try {
                return grant(refresh, previous.refreshToken());
            } catch (ApiException e) {
                if (!"invalid_grant".equals(e.errorCode())) {
                    throw e;
                }
                refused = e;
            }
        }
        Map<String, String> passwordGrant = new LinkedHashMap<>();
        passwordGrant.put("grant_type", "password");
        passwordGrant.put("username", username);
        passwordGrant.put("password", password);
        if (totp != null) {
            String code = totp.get();
            if (code == null || code.isBlank()) {
                throw noCode(refused);
            }
            passwordGrant.put("totp", code.strip());
        }
        return grant(passwordGrant, null);
    }

    private AccessToken grant(Map<String, String> form, @Nullable String previousRefreshToken) {
        // Every value but the grant type and the user name is a credential: the password, a two-factor code, a refresh
        // token.
        List<String> secrets = form.entrySet().stream()
                .filter(f -> !f.getKey().equals("grant_type") && !f.getKey().equals("username"))
                .map(Map.Entry::getValue)
                .toList();
        ApiRequest request = ApiRequest.post()
                .operation("token", null)
                .path("api/token")
                .header("client_id", clientId)
                .formBody(form)
                .unauthenticated()
                .credentialExchange(secrets)
                .build();
        return TokenEndpoint.fetch(transport, request, previousRefreshToken);
    }

    private AuthenticationException noCode(@Nullable ApiException refused) {
        String why = refused == null ? "a new Nexudus token is needed" : "Nexudus refused the refresh token";
        ApiError error = new ApiError(
                transport.provider(),
                refused == null ? 401 : refused.statusCode(),
                refused == null ? null : refused.requestId(),
                "totp_required",
                why
                        + " and signing in again needs a two-factor code, but none is available: the code given to totp(String)"
                        + " was spent on the first sign-in; use totp(Supplier) to supply a current code each time",
                List.of(),
                null,
                "",
                refused == null ? 0 : refused.error().attempts(),
                "POST /api/token");
        AuthenticationException e = new AuthenticationException(error);
        if (refused != null) {
            e.initCause(refused);
        }
        return e;
    }

    @Override
    public String toString() {
        return "NexudusTokenFetcher[password grant, password=***]";
    }
}
