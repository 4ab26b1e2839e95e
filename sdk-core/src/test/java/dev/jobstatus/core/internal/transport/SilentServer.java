package dev.jobstatus.core.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;

/**
 * An HTTP server on loopback that accepts connections, reads what the client sends, and never answers: the worst
 * case for a deadline. It notices when the client gives up and closes the connection.
 */
final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();
    private final CountDownLatch clientClosed = new CountDownLatch(1);
    private final CountDownLatch firstAccepted = new CountDownLatch(1);

    SilentServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    HttpUrl url(String path) {
        return new HttpUrl.Builder()
                .scheme("http")
                .host(socket.getInetAddress().getHostAddress())
                .port(socket.getLocalPort())
                .build()
                .resolve(path);
    }

    /** Returns how many connections the server accepted. */
    int accepted() {
        return accepted.get();
    }

    /** Waits until the server accepted a connection, and returns whether it did within {@code millis}. */
    boolean awaitAccepted(long millis) throws InterruptedException {
        return firstAccepted.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Waits until the client closes a connection, and returns whether it did within {@code millis}. */
    boolean awaitClientClose(long millis) throws InterruptedException {
        return clientClosed.await(millis, TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                accepted.incrementAndGet();
                firstAccepted.countDown();
                Thread reader = new Thread(() -> drain(connection), "silent-server-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void drain(Socket connection) {
        try (connection;
                InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[8192];
            while (in.read(buffer) != -1) {
                // read the request and whatever follows; never answer
            }
        } catch (IOException e) {
            // reset by the client: closed as well
        }
        clientClosed.countDown();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
