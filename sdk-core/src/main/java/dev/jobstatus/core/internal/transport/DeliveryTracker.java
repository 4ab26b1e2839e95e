package dev.jobstatus.core.internal.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Watches one attempt to tell, when it fails, whether its request can have reached the server. Two failures
 * provably did not:
 * <ul>
 *   <li>the attempt failed before a byte of the request was written (no connection could be made: refused,
 *       unreachable, a failed handshake);</li>
 *   <li>the attempt went out on a pooled connection and ended, with no byte of a response, in a closed
 *       connection rather than a timeout: the server had already closed the idle connection, which an HTTP/1.1
 *       server does only between requests, never in the middle of one it is processing.</li>
 * </ul>
 * Such a request may be sent again whatever its method. One tracker per attempt; OkHttp calls it from the
 * thread running the attempt, and the verdict is read after the attempt failed, so it needs no locking beyond
 * the volatile fields.
 */
final class DeliveryTracker extends EventListener {
    private volatile boolean connected;
    private volatile boolean newConnection;
    private volatile boolean requestStarted;
    private volatile boolean responseStarted;

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        newConnection = true;
    }

    @Override
    public void connectionAcquired(Call call, okhttp3.Connection connection) {
        connected = true;
    }

    @Override
    public void requestHeadersStart(Call call) {
        requestStarted = true;
    }

    @Override
    public void responseHeadersStart(Call call) {
        responseStarted = true;
    }

    /** Returns whether the attempt that failed with {@code failure} cannot have reached the server. */
    boolean neverReachedServer(IOException failure) {
        if (!requestStarted) {
            return true;
        }
        boolean staleConnection = connected && !newConnection && !responseStarted;
        return staleConnection && !(failure instanceof InterruptedIOException);
    }

    /** Returns whether the failed attempt had taken a pooled connection, which a resend will not take again. */
    boolean reusedConnection() {
        return connected && !newConnection;
    }
}
