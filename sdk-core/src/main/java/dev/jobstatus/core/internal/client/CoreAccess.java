package dev.jobstatus.core.internal.client;

import dev.jobstatus.core.auth.TokenStore;
import dev.jobstatus.core.client.ClientBuilder;
import dev.jobstatus.core.client.ProviderClient;
import dev.jobstatus.core.internal.auth.Fingerprint;
import dev.jobstatus.core.internal.checks.Checks;
import dev.jobstatus.core.internal.hooks.ClientHooks;
import dev.jobstatus.core.internal.transport.HttpTransport;
import dev.jobstatus.core.polling.PollPolicy;
import java.util.List;

/**
 * How the provider modules reach the transport behind the public {@link ClientBuilder} and {@link ProviderClient}
 * without either exposing an internal type in its signatures: through the {@link ClientHooks} {@code ClientBuilder}
 * installs when its class is initialised, which happens before any builder or client exists.
 */
public final class CoreAccess {
    private CoreAccess() {}

    /** The accessors {@code ClientBuilder} installed, typed: it installs them for its own types. */
    @SuppressWarnings("unchecked")
    private static ClientHooks.Accessors<ClientBuilder<?>, ProviderClient> hooks() {
        return (ClientHooks.Accessors<ClientBuilder<?>, ProviderClient>) ClientHooks.installed();
    }

    /** Returns the transport settings of a provider's builder, for its {@code build()} to complete. */
    public static HttpTransport.Builder settings(ClientBuilder<?> builder) {
        return hooks().settings(builder);
    }

    /**
     * Records that {@code method}, one way of authenticating, was called on a provider's builder. Every provider
     * records each credential method, so that {@link #requireOneCredential} checks them all the same way, and only
     * after checking the method's arguments: each secret or id with {@link Checks#text} (an
     * {@link IllegalArgumentException} naming it, never quoting it), a provider with
     * {@link java.util.Objects#requireNonNull(Object, String)}, so that a refused call counts as no choice.
     */
    public static void credentialChosen(ClientBuilder<?> builder, String method) {
        hooks().credentialChosen(builder, method);
    }

    /**
     * Checks that exactly one way of authenticating was chosen on a provider's builder.
     *
     * @param methods every credential method of the builder, for the message
     * @throws IllegalStateException if none or more than one was chosen
     */
    public static void requireOneCredential(ClientBuilder<?> builder, String... methods) {
        List<String> chosen = hooks().credentialsChosen(builder);
        if (chosen.isEmpty()) {
            throw new IllegalStateException("Credentials required: call " + orList(methods) + ".");
        }
        if (chosen.size() > 1) {
            throw new IllegalStateException(
                    "Choose one way of authenticating: " + String.join(" and ", chosen) + " were both called.");
        }
    }

    private static String orList(String... methods) {
        int last = methods.length - 1;
        return last <= 0
                ? String.join("", methods)
                : String.join(", ", List.of(methods).subList(0, last)) + " or " + methods[last];
    }

    /** Returns the poll policy set on a provider's builder, for the resources its client makes. */
    public static PollPolicy pollPolicy(ClientBuilder<?> builder) {
        return hooks().pollPolicy(builder);
    }

    /**
     * Records the account a provider's builder signs in as (a user name, an instance id, or a
     * {@link Fingerprint} of a secret, never a secret): the default key of its shared pacing and token.
     */
    public static void account(ClientBuilder<?> builder, String account) {
        hooks().account(builder, () -> account);
    }

    /**
     * Records the account a provider's builder signs in as when all that names it is a secret: the {@link Fingerprint}
     * of {@code secret}, computed only if the client shares state (a digest is start-up work a plain client does not need).
     */
    public static void accountOfSecret(ClientBuilder<?> builder, String secret) {
        hooks().account(builder, () -> Fingerprint.of(secret));
    }

    /**
     * Returns the store a provider's built-in token fetching keeps its token in: set, shared or a new in-memory one. A
     * shared store is keyed by the account, the base URL's origin (where the token is issued and sent) and a
     * {@link Fingerprint#ofCredential fingerprint} of {@code credential}, so that a token goes only to the origin it was
     * issued by, and only to clients with the credentials that earned it.
     *
     * @param credential everything that earns the token, secrets included (a user name, a password, a client id…)
     */
    public static TokenStore tokenStore(ClientBuilder<?> builder, String... credential) {
        return hooks().tokenStore(builder, java.util.Arrays.asList(credential));
    }

    /** Returns the transport a provider client owns. */
    public static HttpTransport transport(ProviderClient client) {
        return hooks().transport(client);
    }
}
