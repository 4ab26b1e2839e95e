package dev.jobstatus.core.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;

/**
 * An HTTP/1.1 server on loopback that answers the first request of every connection with {@code 200} and a JSON
 * body, keeping the connection open as if for more, and then closes it as soon as the next request arrives, without
 * answering: exactly what a client sees when the server closed an idle connection that the client took from its
 * pool. MockWebServer can only break a connection at its first request, so this is written by hand.
 */
final class StaleConnectionServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread acceptor;
    private final String body;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();

    StaleConnectionServer(String body) throws IOException {
        this.body = body;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "stale-connection-server");
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

    /** Returns the request lines of the requests that were answered, in order. */
    List<String> answered() {
        return List.copyOf(requestLines);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                InputStream in = connection.getInputStream();
                String head = readHead(in);
                if (head == null) {
                    continue;
                }
                skipBody(in, head);
                requestLines.add(head.lines().findFirst().orElse(""));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                OutputStream out = connection.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                in.read(); // the next request starts: close the connection without reading or answering it
            } catch (IOException e) {
                // the test closed the server, or the client went away
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) != -1) {
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return matched == 4 ? head.toString(StandardCharsets.US_ASCII) : null;
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
