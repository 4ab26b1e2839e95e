package dev.jobstatus.cli;

import dev.jobstatus.core.client.ClientBuilder;
import dev.jobstatus.core.internal.text.Urls;
import dev.jobstatus.redis.RedisSharedState;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code JOBSTATUS_REDIS_URL}: when set, every client the command builds paces and keeps its token in that Redis, so
 * that several {@code jobstatus} processes run side by side within one quota and one token.
 */
final class Sharing {
    /** The environment variable naming the Redis server. */
    static final String REDIS_URL = "JOBSTATUS_REDIS_URL";

    private Sharing() {}

    /** Shares {@code builder}'s pacing and token through Redis when {@link #REDIS_URL} is set. */
    static void apply(Context context, ClientBuilder<?> builder) {
        String url = context.env(REDIS_URL);
        if (url != null) {
            String scheme = url.strip().toLowerCase(Locale.ROOT);
            if (!scheme.startsWith("redis://") && !scheme.startsWith("rediss://")) {
                // Without a scheme, host:port reads as a URL whose scheme is the host: say what was meant.
                throw new IllegalArgumentException(REDIS_URL + " must be a URL such as redis://host:port (rediss:// "
                        + "for TLS), not " + Urls.redacted(url));
            }
            try {
                builder.sharedState(Connections.to(url));
            } catch (IllegalArgumentException e) {
                // The message quotes the URL without its password; the cause, if any, might not.
                throw new IllegalArgumentException(REDIS_URL + ": " + e.getMessage());
            }
        }
    }

    /** One shared state per URL for the life of the process; loaded only when Redis is used. */
    private static final class Connections {
        private static final Map<String, RedisSharedState> OPEN = new ConcurrentHashMap<>();

        static {
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(() -> OPEN.values().forEach(RedisSharedState::close), "jobstatus-redis-close"));
        }

        static RedisSharedState to(String url) {
            return OPEN.computeIfAbsent(url, RedisSharedState::connect);
        }
    }
}
