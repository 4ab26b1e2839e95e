package dev.jobstatus.core;

import dev.jobstatus.core.internal.HttpTransport;
import dev.jobstatus.core.internal.Urls;

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
     * Stops this client's threads and evicts its idle connections; an OkHttp client supplied by the caller is left
     * alone. Closing twice is harmless; a closed client refuses further calls with {@link IllegalStateException}.
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
