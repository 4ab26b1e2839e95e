package dev.jobstatus.core.internal.hooks;

import dev.jobstatus.core.auth.TokenStore;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.polling.PollPolicy;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where {@code ClientBuilder} installs the accessors of its package-private state, for {@code CoreAccess} to reach.
 * Generic in the builder and client types so that this package names neither: {@code core.client} depends on it to
 * install them, and {@code CoreAccess}, which provider modules call with typed arguments, depends on both.
 */
public final class ClientHooks {
    private static volatile @Nullable Accessors<?, ?> installed;

    private ClientHooks() {}

    /**
     * The package-private accessors of {@code ClientBuilder} and {@code ProviderClient}.
     *
     * @param <B> the builder type
     * @param <C> the client type
     */
    public interface Accessors<B, C> {
        /** Returns the transport settings of {@code builder}, its rate limiter resolved. */
        HttpTransport.Builder settings(B builder);

        /** Returns the transport {@code client} owns. */
        HttpTransport transport(C client);

        /** Records that {@code method}, one way of authenticating, was called on {@code builder}. */
        void credentialChosen(B builder, String method);

        /** Returns the poll policy set on {@code builder}. */
        PollPolicy pollPolicy(B builder);

        /** Returns the ways of authenticating called on {@code builder}, in order. */
        List<String> credentialsChosen(B builder);

        /**
         * Records the account the credentials of {@code builder} sign in as, the default key of shared state; asked
         * for only when the client shares state.
         */
        void account(B builder, Supplier<String> account);

        /**
         * Returns the store the token of {@code builder}, earned with {@code credential}, is kept in: the one set, or the
         * shared one of its account, origin and credential, else a new in-memory one.
         */
        TokenStore tokenStore(B builder, List<String> credential);
    }

    /**
     * Installs the accessors; only {@code ClientBuilder} calls this, once, when its class is initialised (before any
     * builder or client exists).
     *
     * @throws IllegalStateException if they are already installed
     */
    public static synchronized void install(Accessors<?, ?> accessors) {
        if (installed != null) {
            throw new IllegalStateException("Client hooks are installed once, by ClientBuilder");
        }
        installed = Objects.requireNonNull(accessors, "accessors");
    }

    /**
     * Returns the installed accessors.
     *
     * @throws IllegalStateException if {@code ClientBuilder} was never initialised (no builder exists yet)
     */
    public static Accessors<?, ?> installed() {
        Accessors<?, ?> accessors = installed;
        if (accessors == null) {
            throw new IllegalStateException("Client hooks are not installed: no ClientBuilder was created");
        }
        return accessors;
    }
}
