package dev.jobstatus.core;

import dev.jobstatus.core.auth.TokenStore;
import dev.jobstatus.core.retry.RateLimiter;
import java.util.List;

/**
 * Pacing and tokens shared by every client built with it for the same provider and account, in this process and
 * in others: one quota and one access token for a fleet of replicas or workers. Set on a client with
 * {@link dev.jobstatus.core.client.ClientBuilder#sharedState(SharedState)}; the {@code dev.jobstatus.redis} module has one on Redis.
 *
 * <p>A quota's key names a provider and an account, such as {@code nexudus/ops@example.com}; a token's key adds the
 * origin the token is issued by and sent to and a fingerprint of the credentials that earn it, such as
 * {@code nexudus/ops@example.com/https://spaces.nexudus.com:443/kdf-3f…}. Clients with the same key share one quota or
 * one token, and clients with different keys share nothing. Keys hold no secret.
 */
public interface SharedState {
    /**
     * {@return the limiter shared by every client with this key}
     *
     * @param key the provider and account
     * @param windows the provider's quota, every window of which is enforced across all the clients
     */
    RateLimiter rateLimiter(String key, List<RateLimiter.Window> windows);

    /**
     * {@return the token store shared by every client with this key}
     *
     * @param key the provider, account, origin and credentials fingerprint
     */
    TokenStore tokenStore(String key);
}
