package dev.jobstatus.core.auth;

import dev.jobstatus.core.exception.JobStatusException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link CachingTokenProvider} keeps its token, so that every client (and every process) given the same
 * store shares one access token and renews it once.
 *
 * <p>The store holds one {@link StoredToken}: the current token, and which client is renewing it, if one is. The
 * provider reads it, and replaces it only if it is unchanged since it was read, the way a compare-and-set does. A
 * store shared by many processes, such as the one in the {@code dev.jobstatus.redis} module, holds bearer tokens
 * and must be protected like the credentials themselves.
 *
 * <p>Implementations must be thread-safe, and each operation must end (with an answer or an exception) within a
 * short bounded time, because it runs inside an API call that has a deadline.
 */
public interface TokenStore {
    /**
     * {@return what the store holds now, or {@code null} if it holds nothing}
     *
     * @throws JobStatusException if the store cannot be read
     */
    @Nullable
    StoredToken read();

    /**
     * Replaces what the store holds with {@code replacement}, provided it still holds {@code expected}.
     *
     * @param expected what the caller read (compared with {@link StoredToken#equals(Object)}), or {@code null} if
     *     the store held nothing
     * @param replacement the new contents
     * @return whether the store was changed; {@code false} if it no longer held {@code expected}
     * @throws JobStatusException if the store cannot be written
     */
    boolean replace(@Nullable StoredToken expected, StoredToken replacement);

    /** {@return a store in this process's memory, the default of a {@link CachingTokenProvider}} */
    static TokenStore inMemory() {
        AtomicReference<@Nullable StoredToken> held = new AtomicReference<>();
        return new TokenStore() {
            @Override
            public @Nullable StoredToken read() {
                return held.get();
            }

            @Override
            public boolean replace(@Nullable StoredToken expected, StoredToken replacement) {
                StoredToken current = held.get();
                return java.util.Objects.equals(current, expected) && held.compareAndSet(current, replacement);
            }

            @Override
            public String toString() {
                return "TokenStore.inMemory";
            }
        };
    }
}
