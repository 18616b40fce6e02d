package io.clipflow.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;

/**
 * The app's {@code redis-server}, persistent as {@code ./run} starts it in production (append-only file, fsync
 * every second), on a fixed loopback port and directory so that a restart after {@code kill -9} reads back what
 * it had written.
 */
final class RedisServer {

    private final int port;
    private final Path dir;
    private Process process;

    RedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    int port() {
        return port;
    }

    void start() {
        try {
            Files.createDirectories(dir);
            process = ChildProcesses.register(new ProcessBuilder("redis-server", "--bind", "127.0.0.1",
                    "--port", String.valueOf(port), "--dir", dir.toAbsolutePath().toString(),
                    "--appendonly", "yes", "--appendfsync", "everysec", "--save", "60 1",
                    "--daemonize", "no", "--logfile", dir.resolve("redis.log").toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("redis-server could not start (is it installed? ./test installs it)", ex);
        }
        Process started = process;
        Awaitility.await("redis-server answering on port " + port).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .failFast("redis-server exited, see " + dir.resolve("redis.log"), () -> !started.isAlive())
                .until(this::answersPing);
    }

    /** SIGKILL: no shutdown, no final fsync; what the append-only file holds is what comes back. */
    void kill() {
        ChildProcesses.kill(process);
        process = null;
    }

    private boolean answersPing() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            int read = socket.getInputStream().read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        }
        catch (IOException ex) {
            return false;
        }
    }
}
