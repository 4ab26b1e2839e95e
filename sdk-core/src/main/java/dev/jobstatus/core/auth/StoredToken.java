package dev.jobstatus.core.auth;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link TokenStore} holds: the current access token, and the client renewing it, if one is.
 *
 * <p>A renewal is a lease: the client that set it fetches a new token while the others wait for the store to
 * change, until {@code renewalEnds}; a lease that ends without a new token (its client stopped) is taken over by
 * the next client that needs a token. {@link #toString()} never shows a token.
 *
 * @param token the current token, or {@code null} if none was fetched yet
 * @param renewer an opaque name of the client renewing the token, or {@code null} if no renewal is underway
 * @param renewalEnds when the renewal's lease ends, or {@code null} if no renewal is underway
 */
public record StoredToken(
        @Nullable AccessToken token,
        @Nullable String renewer,
        @Nullable Instant renewalEnds) {
    /**
     * Validates the contents.
     *
     * @param token the current token, or {@code null} if none was fetched yet
     * @param renewer an opaque name of the client renewing the token, or {@code null} if no renewal is underway
     * @param renewalEnds when the renewal's lease ends, or {@code null} if no renewal is underway
     * @throws IllegalArgumentException if only one of {@code renewer} and {@code renewalEnds} is given
     */
    public StoredToken {
        if ((renewer == null) != (renewalEnds == null)) {
            throw new IllegalArgumentException("renewer and renewalEnds are given together or not at all");
        }
    }

    /**
     * {@return a token with no renewal underway}
     *
     * @param token the token
     */
    public static StoredToken of(AccessToken token) {
        return new StoredToken(Objects.requireNonNull(token, "token"), null, null);
    }

    /**
     * {@return whether another client's renewal is underway at {@code now}}
     *
     * @param now the current time
     * @param self the name of the client asking
     */
    public boolean renewedByOtherAt(Instant now, String self) {
        return renewer != null && !renewer.equals(self) && renewalEnds != null && now.isBefore(renewalEnds);
    }

    @Override
    public String toString() {
        return "StoredToken[token=" + token
                + (renewer == null ? "" : ", renewer=" + renewer + ", renewalEnds=" + renewalEnds) + "]";
    }
}
