package io.clipflow;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A real {@code redis-server} on a free loopback port, in memory only, for tests. Tests that need Redis to go
 * away and come back start one of their own; everything else shares the one {@link RedisForTestRun} starts.
 */
public final class RedisTestServer implements AutoCloseable {

    private final int port;
    private Process process;

    private RedisTestServer(int port) {
        this.port = port;
    }

    public static RedisTestServer startOnFreePort() {
        RedisTestServer server = new RedisTestServer(freePort());
        server.start();
        return server;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        try {
            process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("redis-server could not start (is it installed? ./test installs it)", ex);
        }
        Process started = process;
        try {
            await("redis-server on port " + port).atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20)).failFast(() -> !started.isAlive()).until(this::answersPing);
        }
        catch (ConditionTimeoutException | TerminalFailureException ex) {
            throw new IllegalStateException("redis-server did not come up on port " + port, ex);
        }
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean answersPing() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            int read = socket.getInputStream().read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
