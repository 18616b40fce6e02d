package io.clipflow.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The cluster harness's load and invariants, every request spread over all nodes: the set-up happened once, the
 * audit work is spread evenly (max − min ≤ 1), one order per idempotency key however many nodes it is sent to at
 * once, payments applied once, a flash sale never oversold with one order and one process per attempt, and a
 * word or an approval made on one node visible on every node within 1 s.
 */
final class ClusterFlows {

    static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);

    private final List<ApiClient> nodes;
    private final ClusterHarness.Options options;
    private final ClusterInvariants invariants;
    private final List<String> figures = new CopyOnWriteArrayList<>();
    private World world;

    ClusterFlows(List<ApiClient> nodes, ClusterHarness.Options options) {
        this.nodes = nodes;
        this.options = options;
        this.invariants = new ClusterInvariants(nodes);
    }

    List<String> violations() {
        return invariants.violations();
    }

    List<String> figures() {
        return figures;
    }

    World world() {
        return world;
    }

    /** Exactly one node created the engine's schema and the demo users; the models were deployed once. */
    void checkBootstrap(List<Path> consoleLogs) {
        long schemaCreators = consoleLogs.stream().filter(log -> contains(log, "operation 'create' on component 'engine'"))
                .count();
        long demoCreators = consoleLogs.stream().filter(log -> contains(log, "Created demo user admin")).count();
        invariants.expect(schemaCreators == 1, "bootstrap", "nodes that created the engine schema: " + schemaCreators);
        invariants.expect(demoCreators == 1, "bootstrap", "nodes that created the demo users: " + demoCreators);
        for (String key : List.of("publish-to-display", "order", "seckill")) {
            long versions = count(nodes.get(0), "/engine-rest/process-definition/count?key=" + key);
            invariants.expect(versions == 1, "bootstrap", key + " deployed " + versions + " times");
        }
        figures.add("bootstrap: schema created by " + schemaCreators + " node, demo users by " + demoCreators);
    }

    void runAndCheck() {
        world = World.create(nodes.get(0), options.buyers(), options.saleUnits());
        List<String> codes = publish(options.videos(), "balance");
        checkAssignmentBalance("after " + codes.size() + " publishes");
        ClusterVisibility visibility = new ClusterVisibility(nodes, invariants);
        visibility.approvalVisibleEverywhere(codes, figures);
        visibility.wordVisibleEverywhere(figures);
        placeAndPayOrders();
        invariants.saleNeverOversold(world, world.openSale(nodes.get(0), 1), figures);
    }

    void checkAssignmentBalance(String when) {
        List<Long> open = World.AUDITORS.stream().map(auditor -> count(nodes.get(0),
                "/engine-rest/task/count?processDefinitionKey=publish-to-display&assignee=" + auditor)).toList();
        long spread = open.stream().mapToLong(Long::longValue).max().orElse(0)
                - open.stream().mapToLong(Long::longValue).min().orElse(0);
        invariants.expect(spread <= 1, "assignment", "open audit tasks per auditor " + open + " " + when);
        figures.add("assignment " + when + ": open audit tasks per auditor " + World.AUDITORS + " = " + open);
    }

    /** {@code count} videos published concurrently, round-robin over the nodes; returns their codes. */
    List<String> publish(int count, String tag) {
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ApiClient node = nodes.get(i % nodes.size());
            String title = "Cluster " + tag + " " + i + " " + UUID.randomUUID().toString().substring(0, 8);
            calls.add(() -> node.call("POST", World.CREATOR, "/api/videos", Map.of("title", title,
                    "description", "A quiet walk by the river", "videoUrl", "https://videos.example/c.mp4"))
                    .json().path("code").asText(null));
        }
        return all(calls).stream().filter(code -> code != null).toList();
    }

    /**
     * Each buyer's key sent to every node at the same moment: one order, whatever each node answered; paid on one
     * node and again on another: paid once.
     */
    private void placeAndPayOrders() {
        List<Callable<Void>> buyers = new ArrayList<>();
        for (int b = 0; b < world.buyers.size(); b++) {
            String buyer = world.buyers.get(b);
            int first = b;
            buyers.add(() -> {
                invariants.oneOrderPerKey(buyer, first, world.orderItemId);
                return null;
            });
        }
        all(buyers);
        figures.add("orders: " + world.buyers.size() + " keys, each sent to all " + nodes.size()
                + " nodes at once, then paid twice on two nodes");
    }

    long count(ApiClient node, String path) {
        return node.call("GET", "admin", path, null).json().path("count").asLong(-1);
    }

    /** Runs the calls on the harness's threads and waits for all; their results in order. */
    <T> List<T> all(List<Callable<T>> calls) {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        }
        catch (Exception ex) {
            throw new IllegalStateException("the harness's load failed: " + ex, ex);
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static boolean contains(Path log, String text) {
        try {
            return Files.readString(log).contains(text);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
