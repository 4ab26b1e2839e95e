package dev.jobstatus.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a free loopback port, started and stopped by a test, for testing clients that share
 * pacing and tokens through Redis ({@code dev.jobstatus.redis}): no persistence, so a restart begins empty, as a
 * crashed cache does. Needs {@code redis-server} (and {@code redis-cli}) on the {@code PATH}, such as Debian's
 * {@code redis-server} package; a real server, because a fake Redis would agree with whatever the client believes.
 */
public final class RedisServer implements AutoCloseable {
    private final int port;
    private final List<String> extraArguments;
    private final Path log;
    private Process process;

    private RedisServer(int port, List<String> extraArguments) throws IOException, InterruptedException {
        this.port = port;
        this.extraArguments = extraArguments;
        this.log = Files.createTempFile("redis-" + port + "-", ".log");
        this.process = launch();
    }

    /**
     * {@return a started server} It answers {@code PING} when this returns.
     *
     * @param extraArguments more {@code redis-server} arguments, such as {@code --requirepass secret}
     * @throws IOException if {@code redis-server} is not installed or does not start within 15 s
     * @throws InterruptedException if interrupted while waiting for it to start
     */
    public static RedisServer start(String... extraArguments) throws IOException, InterruptedException {
        return new RedisServer(freePort(), List.of(extraArguments));
    }

    /** {@return the port it listens on, on 127.0.0.1} */
    public int port() {
        return port;
    }

    /** {@return {@code redis://127.0.0.1:port}} */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * Stops the server, as a crash would: its keys are gone.
     *
     * @throws InterruptedException if interrupted while waiting for it to stop
     */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * Starts it again on the same port, empty.
     *
     * @throws IOException if it does not start
     * @throws InterruptedException if interrupted while waiting for it to start
     */
    public void restart() throws IOException, InterruptedException {
        process = launch();
    }

    /**
     * Freezes the server (SIGSTOP): connections stay open and nothing is answered, as with a server that hangs.
     *
     * @throws IOException if the signal cannot be sent
     * @throws InterruptedException if interrupted while sending it
     */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /**
     * Thaws a frozen server (SIGCONT).
     *
     * @throws IOException if the signal cannot be sent
     * @throws InterruptedException if interrupted while sending it
     */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    /**
     * {@return the output of one command run with {@code redis-cli} against this server, trimmed}
     *
     * @param command the command and its arguments, optionally after {@code redis-cli} options such as {@code -a}
     * @throws IOException if {@code redis-cli} cannot be run
     * @throws InterruptedException if interrupted while it runs
     */
    public String cli(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
        line.addAll(List.of(command));
        Process cli = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        cli.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private void signal(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
    }

    /** Starts {@code redis-server} and returns it once it answers. */
    private Process launch() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no"));
        command.addAll(extraArguments);
        Process started;
        try {
            started = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IOException(
                    "redis-server is not installed: the tests of the redis module run a real one "
                            + "(`apt-get install redis-server`; .ci/run installs it)",
                    e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IOException("redis-server exited: " + Files.readString(log));
            }
            if (answers()) {
                return started;
            }
            Thread.sleep(20);
        }
        throw new IOException("redis-server did not start within 15 s: " + Files.readString(log));
    }

    /** Returns whether the port answers a PING (with PONG, or an authentication error when ACLs are on). */
    private boolean answers() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            return first == '+' || first == '-';
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@return a port free on the loopback interface now, such as for a second, TLS port}
     *
     * @throws IOException if no port can be had
     */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the server if it runs, thawing it first if frozen. */
    @Override
    public void close() {
        if (process.isAlive()) {
            thawQuietly();
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void thawQuietly() {
        try {
            thaw();
        } catch (IOException | InterruptedException e) {
            // The server is stopped next either way.
        }
    }

    @Override
    public String toString() {
        return "RedisServer[" + url() + "]";
    }
}
