package io.clipflow.seckill;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Load driver for the seckill accept path, against a running app (demo data on: it signs in as admin/admin) started
 * from the bench build, which alone has the no-op endpoint ({@code io.clipflow.bench.SeckillNoop});
 * {@code scripts/bench-seckill} starts such an app with a redis-server of its own, runs this driver and stops both.
 * In ONE run: the no-op baseline and the accept path, alternating, then an oversubscription run that checks
 * nothing was oversold and no buyer got two units. After every block that accepted attempts the driver waits
 * until their orders exist (and says how fast they were made), so that the asynchronous order creation of one
 * block does not run into the next block and load the path measured there; and right before every timed block
 * each buyer makes one untimed call, so that no block pays for the app's credential cache (30 s) expiring in it.
 *
 * <pre>java -cp target/test-classes io.clipflow.seckill.SeckillLoad http://localhost:8183 [workers] [requests]
 *     [seconds per phase] [buyers]</pre>
 */
public final class SeckillLoad {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8183";
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Duration limit = Duration.ofSeconds(args.length > 3 ? Integer.parseInt(args[3]) : 60);
        int buyerCount = args.length > 4 ? Integer.parseInt(args[4]) : 1_000;
        int acceptStock = 500;
        int oversubscribedStock = 200;
        LoadClient client = new LoadClient(base);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        String run = IntStream.range(0, 5).mapToObj(i -> String.valueOf((char) ('a' + ThreadLocalRandom.current()
                .nextInt(26)))).reduce("", String::concat);

        System.out.printf("clipflow seckill load: %s, %d workers, %d requests per path, %d buyers, %d cores, JDK %s%n",
                base, workers, requests, buyerCount, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        List<String> buyers = createBuyers(client, pool, run, buyerCount);
        long item = Long.parseLong(LoadClient.field(client.call("POST", "admin", "/api/items",
                "{\"name\":\"Bench item " + run + "\",\"priceCents\":100,\"stock\":" + (acceptStock * 2
                        + oversubscribedStock) + "}", 201), "id"));
        long warmEvent = event(client, item, acceptStock / 2);
        long acceptEvent = event(client, item, acceptStock);

        String[] warmTokens = tokens(client, pool, buyers, warmEvent, 2_000);
        String[] acceptTokens = tokens(client, pool, buyers, acceptEvent, requests);
        String noop = "/api/seckill/noop";
        client.phase("warm-up", pool, workers, 2_000, limit, i -> new LoadClient.Call(buyer(buyers, i), noop, null), null);
        Map<Integer, List<String>> warmAccepted = new ConcurrentHashMap<>();
        client.phase("warm-up", pool, workers, 2_000, limit, i -> new LoadClient.Call(buyer(buyers, i),
                attempts(warmEvent), warmTokens[i]), warmAccepted);
        awaitOrders(client, "warm-up", warmAccepted);

        List<LoadClient.Result> results = new ArrayList<>();
        int half = requests / 2;
        for (int round = 0; round < 2; round++) {
            int offset = round * half;
            signIn(client, pool, workers, limit, buyers);
            results.add(client.phase("noop", pool, workers, half, limit,
                    i -> new LoadClient.Call(buyer(buyers, i), noop, null), null));
            signIn(client, pool, workers, limit, buyers);
            Map<Integer, List<String>> accepted = new ConcurrentHashMap<>();
            results.add(client.phase("accept", pool, workers, half, limit, i -> new LoadClient.Call(
                    buyer(buyers, offset + i), attempts(acceptEvent), acceptTokens[offset + i]), accepted));
            awaitOrders(client, "accept", accepted);
        }
        results.forEach(System.out::println);
        double noopRate = rate(results, "noop");
        double acceptRate = rate(results, "accept");
        System.out.printf("accept / noop throughput: %.2f (%.0f vs %.0f req/s)%n", acceptRate / noopRate, acceptRate,
                noopRate);

        oversubscribe(client, pool, workers, limit, buyers, item, oversubscribedStock);
        pool.shutdown();
    }

    private static void oversubscribe(LoadClient client, ExecutorService pool, int workers, Duration limit,
            List<String> buyers, long item, int stock) throws Exception {
        long itemStockBefore = Long.parseLong(LoadClient.field(client.call("GET", "admin", "/api/items/" + item, null,
                200), "stock"));
        long event = event(client, item, stock);
        int tries = buyers.size() * 3;
        String[] tokens = tokens(client, pool, buyers, event, tries);
        Map<Integer, List<String>> bodies = new ConcurrentHashMap<>();
        signIn(client, pool, workers, limit, buyers);
        LoadClient.Result result = client.phase("oversub", pool, workers, tries, limit,
                i -> new LoadClient.Call(buyer(buyers, i), attempts(event), tokens[i]), bodies);
        System.out.println(result);
        Map<String, List<String>> unitsByBuyer = new HashMap<>();
        for (String accepted : bodies.getOrDefault(202, List.of())) {
            String buyer = accepted.substring(0, accepted.indexOf(' '));
            unitsByBuyer.computeIfAbsent(buyer, b -> new ArrayList<>()).add(LoadClient.field(accepted, "attemptId"));
        }
        int accepted = unitsByBuyer.values().stream().mapToInt(List::size).sum();
        long duplicates = unitsByBuyer.values().stream().filter(units -> units.size() > 1).count();
        Map<String, Integer> outcomes = awaitOrders(client, "oversub", bodies);
        String view = client.call("GET", "admin", "/api/seckill/events/" + event, null, 200);
        long itemStockAfter = Long.parseLong(LoadClient.field(client.call("GET", "admin", "/api/items/" + item, null,
                200), "stock"));
        System.out.printf("oversubscription: %d attempts from %d buyers for %d units: accepted %d, units oversold %d,"
                + " duplicate buyers %d, attempts %s, event remaining %s sold %s, database stock %d -> %d%n", tries,
                buyers.size(), stock, accepted, Math.max(0, accepted - stock), duplicates, outcomes,
                LoadClient.field(view, "remaining"), LoadClient.field(view, "sold"), itemStockBefore, itemStockAfter);
    }

    /** One untimed no-op per buyer: their verified credentials are fresh in the app's cache for the next block. */
    private static void signIn(LoadClient client, ExecutorService pool, int workers, Duration limit,
            List<String> buyers) throws Exception {
        client.phase("sign-in", pool, workers, buyers.size(), limit,
                i -> new LoadClient.Call(buyers.get(i), "/api/seckill/noop", null), null);
    }

    /**
     * Polls every accepted attempt (a 202 body, prefixed with its buyer) until it is no longer PENDING; prints how
     * long the orders took to appear after the block ended and returns the attempts' outcomes.
     */
    private static Map<String, Integer> awaitOrders(LoadClient client, String block, Map<Integer, List<String>> bodies)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(300).toNanos();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> accepted = bodies.getOrDefault(202, List.of());
        for (String body : accepted) {
            String buyer = body.substring(0, body.indexOf(' '));
            String path = "/api/seckill/attempts/" + LoadClient.field(body, "attemptId");
            String status;
            while ((status = LoadClient.field(client.call("GET", buyer, path, null, 200), "status")).equals("PENDING")
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            outcomes.merge(status, 1, Integer::sum);
        }
        if (!accepted.isEmpty()) {
            System.out.printf("%-8s %d accepted attempts settled %.1f s after the block: %s%n", block, accepted.size(),
                    (System.nanoTime() - start) / 1e9, outcomes);
        }
        return outcomes;
    }

    private static List<String> createBuyers(LoadClient client, ExecutorService pool, String run, int count)
            throws Exception {
        List<String> buyers = IntStream.range(0, count).mapToObj(i -> "bench" + run + i).toList();
        List<java.util.concurrent.Future<?>> created = new ArrayList<>();
        for (String id : buyers) {
            created.add(pool.submit(() -> {
                client.call("POST", "admin", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + id
                        + "\",\"firstName\":\"Bench\",\"lastName\":\"Buyer\",\"email\":\"" + id
                        + "@bench.example\"},\"credentials\":{\"password\":\"" + id + "\"}}", 204);
                return client.call("PUT", "admin", "/engine-rest/group/buyers/members/" + id, null, 204);
            }));
        }
        for (java.util.concurrent.Future<?> f : created) {
            f.get();
        }
        return buyers;
    }

    /** Tokens issued for the event: the accept path spends each in its one script. */
    private static String[] tokens(LoadClient client, ExecutorService pool, List<String> buyers, long event,
            int count) throws Exception {
        String[] tokens = new String[count];
        List<java.util.concurrent.Future<?>> issued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            issued.add(pool.submit(() -> tokens[n] = LoadClient.field(client.call("POST", buyer(buyers, n),
                    "/api/seckill/events/" + event + "/tokens", null, 201), "token")));
        }
        for (java.util.concurrent.Future<?> f : issued) {
            f.get();
        }
        return tokens;
    }

    private static long event(LoadClient client, long item, int stock) {
        OffsetDateTime now = OffsetDateTime.now();
        return Long.parseLong(LoadClient.field(client.call("POST", "admin", "/api/seckill/events", "{\"itemId\":" + item
                + ",\"stock\":" + stock + ",\"startsAt\":\"" + now.minusSeconds(5) + "\",\"endsAt\":\""
                + now.plusHours(1) + "\"}", 201), "id"));
    }

    private static String buyer(List<String> buyers, int i) {
        return buyers.get(i % buyers.size());
    }

    private static String attempts(long event) {
        return "/api/seckill/events/" + event + "/attempts";
    }

    private static double rate(List<LoadClient.Result> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).mapToInt(LoadClient.Result::requests).sum()
                / results.stream().filter(r -> r.name().equals(name)).mapToDouble(LoadClient.Result::seconds).sum();
    }
}
