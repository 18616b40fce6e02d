package io.clipflow;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Redis Cluster of three masters (no replicas) on free loopback ports, in memory, for tests: three
 * {@code redis-server --cluster-enabled yes} joined by {@code redis-cli --cluster create}. Each node also needs its
 * port + 10000 free (the cluster bus). The nodes' cluster files live in a temporary directory removed on stop.
 */
public final class RedisClusterTestServer implements AutoCloseable {

    private static final int MASTERS = 3;

    private final Path directory;
    private final List<Integer> ports;
    private final List<Process> nodes = new ArrayList<>();

    private RedisClusterTestServer(Path directory, List<Integer> ports) {
        this.directory = directory;
        this.ports = ports;
    }

    public static RedisClusterTestServer start() {
        try {
            RedisClusterTestServer cluster = new RedisClusterTestServer(Files.createTempDirectory("redis-cluster"),
                    freePortsWithFreeBus(MASTERS));
            try {
                cluster.startNodes();
                cluster.create();
            }
            catch (RuntimeException ex) {
                cluster.stop();
                throw ex;
            }
            return cluster;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** For {@code spring.data.redis.cluster.nodes}. */
    public String nodes() {
        return ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    public List<Integer> ports() {
        return ports;
    }

    /** What {@code redis-cli} answers to {@code command} on the node at {@code port}. */
    public String cli(int port, String... command) {
        List<String> line = new ArrayList<>(List.of("redis-cli", "-p", String.valueOf(port)));
        line.addAll(List.of(command));
        return run(line, Duration.ofSeconds(10));
    }

    private void startNodes() throws IOException {
        for (int port : ports) {
            Path node = Files.createDirectories(directory.resolve(String.valueOf(port)));
            nodes.add(new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--dir", node.toString(),
                    "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (int port : ports) {
            await("cluster node on port " + port).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions().until(() -> cli(port, "PING").contains("PONG"));
        }
    }

    /** Joins the nodes, hands out the 16384 slots, and waits until every node sees the cluster whole. */
    private void create() {
        List<String> line = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        ports.forEach(port -> line.add("127.0.0.1:" + port));
        line.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        String created = run(line, Duration.ofSeconds(30));
        if (!created.contains("All 16384 slots covered")) {
            throw new IllegalStateException("redis-cli --cluster create failed:\n" + created);
        }
        for (int port : ports) {
            await("cluster state ok on port " + port).atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100)).until(() -> cli(port, "CLUSTER", "INFO")
                            .contains("cluster_state:ok"));
        }
    }

    public void stop() {
        for (Process node : nodes) {
            node.destroy();
        }
        for (Process node : nodes) {
            try {
                node.waitFor(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        nodes.clear();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ex) {
            // a temporary directory left behind is harmless
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static String run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in " + timeout);
            }
            return new String(output, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(command.get(0) + " could not run (is redis-server installed?)", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Ports p whose cluster bus port p + 10000 is free too. */
    private static List<Integer> freePortsWithFreeBus(int count) {
        List<Integer> ports = new ArrayList<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            while (ports.size() < count) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                int port = socket.getLocalPort();
                if (port + 10000 <= 65535 && free(port + 10000)) {
                    ports.add(port);
                }
            }
            return ports;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            held.forEach(socket -> {
                try {
                    socket.close();
                }
                catch (IOException ex) {
                    // closing a probe socket cannot matter
                }
            });
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }
}
