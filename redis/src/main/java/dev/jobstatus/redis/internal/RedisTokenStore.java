package dev.jobstatus.redis.internal;

import dev.jobstatus.core.auth.StoredToken;
import dev.jobstatus.core.auth.TokenStore;
import dev.jobstatus.core.internal.timing.Deadlines;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A token store in one Redis key, replaced by a compare-and-set script. While Redis is away it works on a copy in
 * this process, which starts from what Redis last held; a token fetched meanwhile is published when Redis is back,
 * unless another process published a newer one, which is then taken instead. Nothing is lost either way.
 */
public final class RedisTokenStore implements TokenStore {
    private static final byte[] EMPTY = new byte[0];
    /** Replaces the value if it is still the expected one (empty for none); keys expire after 30 days unused. */
    private static final String COMPARE_AND_SET = "local current = redis.call('GET', KEYS[1]) or '' "
            + "if current == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0";

    private static final byte[] TIME_TO_LIVE =
            Long.toString(Duration.ofDays(30).toMillis()).getBytes(StandardCharsets.US_ASCII);

    private final Redis redis;
    private final String provider;
    private final byte[] key;
    private final TokenStore local = TokenStore.inMemory();
    /** What Redis held when last read or written: the base a token fetched during an outage is published over. */
    private volatile byte[] lastRemote = EMPTY;
    /** Whether {@link #local} was changed while Redis was away, and has not been reconciled yet. */
    private volatile boolean changedLocally;

    /**
     * Creates the store.
     *
     * @param redis the server
     * @param provider the provider, for exceptions
     * @param key the Redis key
     */
    public RedisTokenStore(Redis redis, String provider, byte[] key) {
        this.redis = redis;
        this.provider = provider;
        this.key = key.clone();
    }

    @Override
    public synchronized @Nullable StoredToken read() {
        Optional<byte[]> remote = redis.call(
                provider,
                callerBound(),
                r -> Optional.ofNullable(r.connection().sync().get(key)));
        if (remote == null) {
            return local.read();
        }
        byte[] raw = remote.orElse(EMPTY);
        if (changedLocally || raw.length == 0 && lastRemote.length > 0) {
            // A token fetched while Redis was away, or a Redis that came back empty: publish what this process has.
            raw = reconcile(raw);
        }
        remember(raw);
        return local.read();
    }

    @Override
    public synchronized boolean replace(@Nullable StoredToken expected, StoredToken replacement) {
        if (!Objects.equals(expected, local.read())) {
            // The caller read an older value than this process has seen since.
            return false;
        }
        // The local copy is what Redis held when last read, in the form this process read it, so Redis is compared
        // with those bytes (a value this version cannot decode reads as no token, and is replaced).
        byte[] from = lastRemote;
        byte[] to = TokenCodec.encode(replacement);
        Boolean replaced = redis.call(provider, callerBound(), r -> compareAndSet(r, from, to));
        if (replaced == null) {
            boolean done = local.replace(expected, replacement);
            changedLocally |= done;
            return done;
        }
        if (replaced) {
            remember(to);
        }
        return replaced;
    }

    /**
     * Publishes this process's copy (a token fetched while Redis was away, or the one Redis lost), unless another
     * process already replaced the value this copy was based on.
     */
    private byte[] reconcile(byte[] remote) {
        changedLocally = false;
        StoredToken mine = local.read();
        if (mine == null || !Arrays.equals(remote, lastRemote) && remote.length > 0) {
            return remote;
        }
        byte[] to = TokenCodec.encode(mine);
        Boolean published = redis.call(provider, callerBound(), r -> compareAndSet(r, remote, to));
        return Boolean.TRUE.equals(published) ? to : remote;
    }

    private boolean compareAndSet(Redis r, byte[] from, byte[] to) {
        Long done = r.connection()
                .sync()
                .eval(COMPARE_AND_SET, ScriptOutputType.INTEGER, new byte[][] {key}, from, to, TIME_TO_LIVE);
        return done != null && done == 1L;
    }

    /** Makes the local copy what Redis holds. */
    private void remember(byte[] raw) {
        lastRemote = raw;
        StoredToken decoded = raw.length == 0 ? null : TokenCodec.decode(raw);
        StoredToken held = local.read();
        if (!Objects.equals(decoded, held)) {
            if (decoded == null) {
                localReset();
            } else {
                local.replace(held, decoded);
            }
        }
    }

    private void localReset() {
        StoredToken held = local.read();
        if (held != null) {
            local.replace(held, new StoredToken(null, null, null));
        }
    }

    /** Returns how long the call this lookup is for has left, or a second when there is no call. */
    private static Duration callerBound() {
        Duration left = Deadlines.enclosingRemaining();
        return left == null ? Duration.ofSeconds(1) : left;
    }

    @Override
    public String toString() {
        return "RedisTokenStore[" + redis.where() + ", " + new String(key, StandardCharsets.UTF_8) + "]";
    }
}
