package io.clipflow.crash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of one node against all of them, measured in the same run on the same databases: the same closed
 * loop (each thread takes an order token and places an order with it, and publishes a video every fourth turn)
 * for the same time, first through node 0 alone, then through every node in turn. Counts requests answered 2xx.
 */
final class ClusterThroughput {

    private final List<ApiClient> nodes;
    private final ClusterHarness.Options options;
    private final World world;

    ClusterThroughput(List<ApiClient> nodes, ClusterHarness.Options options, World world) {
        this.nodes = nodes;
        this.options = options;
        this.world = world;
    }

    String measure() {
        double one = perSecond(nodes.subList(0, 1));
        double all = perSecond(nodes);
        return String.format("throughput (%d threads, %d s each, 2xx requests/s): 1 node %.1f, %d nodes %.1f, "
                + "ratio %.2f", options.threads(), options.throughputFor().toSeconds(), one, nodes.size(), all,
                all / one);
    }

    private double perSecond(List<ApiClient> through) {
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Instant until = Instant.now().plus(options.throughputFor());
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        List<Future<?>> loops = new ArrayList<>();
        Instant began = Instant.now();
        for (int t = 0; t < options.threads(); t++) {
            int thread = t;
            loops.add(pool.submit(() -> {
                for (int turn = 0; Instant.now().isBefore(until); turn++) {
                    ApiClient node = through.get((thread + turn) % through.size());
                    String buyer = world.buyers.get((thread + turn * options.threads()) % world.buyers.size());
                    ApiClient.Answer token = node.call("POST", buyer, "/api/orders/tokens", null);
                    ApiClient.Answer order = node.call("POST", buyer, "/api/orders",
                            Map.of("itemId", world.orderItemId, "quantity", 1), token.text("token"));
                    count(answered, failed, token, order);
                    if (turn % 4 == 0) {
                        count(answered, failed, node.call("POST", World.CREATOR, "/api/videos", Map.of("title",
                                "Throughput " + thread + "-" + turn + "-" + System.nanoTime(), "description",
                                "Sunrise over the hills", "videoUrl", "https://videos.example/t.mp4")));
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> loop : loops) {
                loop.get();
            }
        }
        catch (Exception ex) {
            throw new IllegalStateException("a throughput loop failed: " + ex, ex);
        }
        finally {
            pool.shutdownNow();
        }
        double seconds = Duration.between(began, Instant.now()).toMillis() / 1000.0;
        ClusterHarness.log(String.format("throughput through %d node(s): %d answered 2xx, %d not, in %.1f s",
                through.size(), answered.get(), failed.get(), seconds));
        return answered.get() / seconds;
    }

    private static void count(AtomicLong answered, AtomicLong failed, ApiClient.Answer... answers) {
        for (ApiClient.Answer answer : answers) {
            (answer.is2xx() ? answered : failed).incrementAndGet();
        }
    }
}
