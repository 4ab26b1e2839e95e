package dev.jobstatus.core.internal;

import dev.jobstatus.core.ClientBuilder;
import dev.jobstatus.core.ProviderClient;
import java.util.Objects;

/**
 * How the provider modules reach the transport behind the public {@link ClientBuilder} and {@link ProviderClient}
 * without either exposing an internal type in its signatures. {@code ClientBuilder} installs the hooks when its
 * class is initialised, which happens before any builder or client exists.
 */
public final class CoreAccess {
    /** The package-private accessors of the API package. */
    public interface Hooks {
        /** Returns the transport settings of {@code builder}, its rate limiter resolved. */
        HttpTransport.Builder settings(ClientBuilder<?> builder);

        /** Returns the transport {@code client} owns. */
        HttpTransport transport(ProviderClient client);
    }

    private static volatile Hooks hooks;

    private CoreAccess() {
    }

    /**
     * Installs the hooks; only {@code ClientBuilder} calls this, once.
     *
     * @throws IllegalStateException if they are already installed
     */
    public static synchronized void install(Hooks installed) {
        if (hooks != null) {
            throw new IllegalStateException("CoreAccess hooks are installed once, by ClientBuilder");
        }
        hooks = Objects.requireNonNull(installed, "hooks");
    }

    /** Returns the transport settings of a provider's builder, for its {@code build()} to complete. */
    public static HttpTransport.Builder settings(ClientBuilder<?> builder) {
        return hooks.settings(builder);
    }

    /** Returns the transport a provider client owns. */
    public static HttpTransport transport(ProviderClient client) {
        return hooks.transport(client);
    }
}
