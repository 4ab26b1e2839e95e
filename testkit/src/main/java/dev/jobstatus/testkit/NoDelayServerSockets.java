package dev.jobstatus.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;

/**
 * Makes a {@link MockWebServer} answer without Nagle's algorithm. It writes a response's headers and body
 * separately; with Nagle on, the body waits for the client's delayed ACK of the headers, about 40 ms a response
 * on loopback, which turns a test of thousands of polls into minutes of idling.
 */
public final class NoDelayServerSockets extends ServerSocketFactory {
    private NoDelayServerSockets() {}

    /**
     * {@return {@code server}, set to accept connections with {@code TCP_NODELAY}; call before it starts}
     *
     * @param server a server not yet started
     */
    public static MockWebServer apply(MockWebServer server) {
        server.setServerSocketFactory(new NoDelayServerSockets());
        return server;
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                Socket socket = super.accept();
                socket.setTcpNoDelay(true);
                return socket;
            }
        };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return bound(port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return bound(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return bound(port, backlog, address);
    }

    private ServerSocket bound(int port, int backlog, @Nullable InetAddress address) throws IOException {
        ServerSocket socket = createServerSocket();
        socket.bind(new java.net.InetSocketAddress(address, port), backlog);
        return socket;
    }
}
