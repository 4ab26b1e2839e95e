package dev.jobstatus.core.client;

import dev.jobstatus.core.exception.ClientClosedException;
import dev.jobstatus.core.internal.text.Urls;
import dev.jobstatus.core.internal.transport.HttpTransport;

/**
 * What every provider client shares: it owns a transport (connection pool, a few threads, a token cache) and
 * releases it on {@link #close()}.
 */
public abstract class ProviderClient implements AutoCloseable {
    private final HttpTransport transport;

    /**
     * Creates a client with the settings of {@code builder}, which it then owns (connection pool, threads).
     *
     * @param builder the provider's builder, complete
     */
    protected ProviderClient(ClientBuilder<?> builder) {
        this.transport = builder.buildTransport();
    }

    HttpTransport transport() {
        return transport;
    }

    /**
     * Ends the calls and waits still in progress, stops this client's threads and evicts its idle connections; an
     * OkHttp client or scheduler supplied by the caller is left running. Every call in progress ends with a
     * {@link ClientClosedException}: a future completes exceptionally with it, a blocking call throws it. Its request
     * in flight is cancelled, and a wait for a retry, a rate-limit permit, a token or the next poll ends at once.
     * Closing twice is harmless; a closed client refuses further calls with a {@link ClientClosedException} too.
     */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + Urls.redacted(transport.baseUrl()) + "]";
    }
}
