package io.clipflow.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The cluster harness: a PostgreSQL of its own ({@link LocalPostgres}), one redis-server and N nodes of the packaged
 * app on free ports, all nodes started at the same moment on the empty databases; then load through every node
 * and the invariants ({@link ClusterFlows}), and in the full form the throughput of one node against all of them
 * ({@link ClusterThroughput}). Everything it started is stopped at the end, also on failure.
 *
 * <p>Run from {@code scripts/cluster-test} (the full form) or {@code ClusterIT} (the reduced form in
 * {@code mvn verify}). Exit code of {@link #main}: 0 every invariant held, 1 violations, 2 the harness failed.
 */
public final class ClusterHarness {

    /**
     * @param throughputFor how long each throughput phase runs (one node, then all); zero leaves it out
     */
    record Options(int nodes, Path jar, Path runDir, int buyers, int saleUnits, int videos, int threads,
            Duration throughputFor, List<String> jvmArgs) {

        static Options from(Map<String, String> v) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            return new Options(Integer.parseInt(v.getOrDefault("nodes", "2")),
                    Path.of(v.getOrDefault("jar", CrashOptions.DEFAULT_JAR.toString())),
                    Path.of(v.getOrDefault("run-dir", "target/cluster/" + stamp)),
                    Integer.parseInt(v.getOrDefault("buyers", "20")),
                    Integer.parseInt(v.getOrDefault("sale-units", "8")),
                    Integer.parseInt(v.getOrDefault("videos", "30")),
                    Integer.parseInt(v.getOrDefault("threads", "8")),
                    Duration.ofSeconds(Long.parseLong(v.getOrDefault("throughput-s", "30"))),
                    List.of(v.getOrDefault("jvm-args", "-Xmx768m").split(" ")));
        }
    }

    record Report(List<String> violations, String summary) {
    }

    private final Options options;

    ClusterHarness(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            values.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        int exit;
        try {
            exit = new ClusterHarness(Options.from(values)).run().violations().isEmpty() ? 0 : 1;
        }
        catch (RuntimeException ex) {
            ex.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }

    Report run() {
        Path runDir = options.runDir().toAbsolutePath();
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalStateException(options.jar() + " is missing: build it with mvn -B package first");
        }
        log("Cluster harness: " + options + "; files under " + runDir);
        LocalPostgres postgres = new LocalPostgres(runDir.resolve("postgres"), CrashHarness.freePort());
        RedisServer redis = new RedisServer(CrashHarness.freePort(), runDir.resolve("redis"));
        List<AppProcess> nodes = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        try {
            postgres.start();
            redis.start();
            for (int i = 0; i < options.nodes(); i++) {
                List<String> args = new ArrayList<>(postgres.appArgs());
                args.addAll(List.of("--clipflow.demo-data=true", "--logging.file.name=node.json.log"));
                nodes.add(new AppProcess(options.jar(), runDir.resolve("node-" + i), CrashHarness.freePort(),
                        redis.port(), options.jvmArgs(), args, Duration.ofMinutes(5)));
            }
            summary.add("PostgreSQL on " + postgres.port() + ", redis on " + redis.port());
            summary.add(startTogether(nodes));
            List<ApiClient> apis = nodes.stream().map(n -> new ApiClient(n.port(), Duration.ofSeconds(30))).toList();
            ClusterFlows flows = new ClusterFlows(apis, options);
            flows.checkBootstrap(nodes.stream().map(n -> n.consoleLog(1)).toList());
            flows.runAndCheck();
            if (!options.throughputFor().isZero()) {
                summary.add(new ClusterThroughput(apis, options, flows.world()).measure());
                flows.checkAssignmentBalance("after the throughput phases");
            }
            summary.addAll(flows.figures());
            List<String> violations = flows.violations();
            summary.add(violations.isEmpty() ? "Every invariant held." : violations.size() + " violation(s):");
            violations.forEach(v -> summary.add("VIOLATION " + v));
            String text = String.join("\n", summary);
            log(text);
            write(runDir.resolve("summary.txt"), text);
            return new Report(violations, text);
        }
        finally {
            nodes.forEach(AppProcess::kill);
            redis.kill();
            postgres.stop();
        }
    }

    /** Every node launched at the same instant; returns how long each took to be healthy. */
    private static String startTogether(List<AppProcess> nodes) {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService launchers = Executors.newFixedThreadPool(nodes.size());
        List<CompletableFuture<Duration>> started = nodes.stream().map(node -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            return node.start();
        }, launchers)).toList();
        go.countDown();
        List<String> times = new ArrayList<>();
        try {
            for (int i = 0; i < nodes.size(); i++) {
                times.add("node " + i + " (port " + nodes.get(i).port() + ") " + started.get(i).join().toSeconds()
                        + " s");
            }
        }
        finally {
            launchers.shutdown();
        }
        return nodes.size() + " nodes started together on empty databases, healthy after: " + String.join(", ", times);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text + "\n");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static void log(String line) {
        System.out.println("[cluster] " + line);
    }
}
