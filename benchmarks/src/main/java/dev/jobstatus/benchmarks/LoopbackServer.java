package dev.jobstatus.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;

/**
 * The job server of {@link Fixtures#jobServer()} in a JVM of its own, as a real API runs in another process: its
 * threads, allocation and collector stay out of the measured JVM. The child prints its base URL and serves until its
 * standard input closes.
 */
final class LoopbackServer implements AutoCloseable {
    private final Process process;
    private final String baseUrl;

    private LoopbackServer(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts the server in a new JVM of the running Java, on this class path. */
    static LoopbackServer start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), LoopbackServer.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String url = out.readLine();
        if (url == null || !url.startsWith("http://")) {
            process.destroyForcibly();
            throw new IOException("the loopback server did not start: " + url);
        }
        return new LoopbackServer(process, url);
    }

    /** {@return the base URL, ending in a slash} */
    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts a thread that takes every request {@code server} records: MockWebServer keeps them all until taken, and a
     * benchmark of a few hundred thousand calls would hold hundreds of megabytes of them.
     */
    static Thread drain(MockWebServer server) {
        Thread drain = new Thread(
                () -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            server.takeRequest();
                        }
                    } catch (InterruptedException e) {
                        // stopped
                    }
                },
                "loopback-server-drain");
        drain.setDaemon(true);
        drain.start();
        return drain;
    }

    /** The child: serves until standard input closes. */
    public static void main(String[] args) throws Exception {
        MockWebServer server = Fixtures.jobServer();
        drain(server);
        System.out.println(server.url("/"));
        System.out.flush();
        while (System.in.read() != -1) {
            // wait for the parent to close our input
        }
        server.close();
        System.exit(0);
    }
}
