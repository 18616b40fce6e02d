package io.clipflow.seckill;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP calls against a running clipflow, and a timed phase of many of them on a fixed pool of workers. */
final class LoadClient {

    /** One request of a phase: who sends it, to where, with which token (may be null). */
    record Call(String user, String path, String token) {
    }

    /** What a phase measured: requests, wall time, latency percentiles and the statuses answered. */
    record Result(String name, int requests, double seconds, double p50Ms, double p99Ms, Map<Integer, Integer> statuses) {

        double throughput() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("%-8s %6d req in %5.1f s = %7.0f req/s   p50 %6.2f ms   p99 %6.2f ms   %s", name,
                    requests, seconds, throughput(), p50Ms, p99Ms, statuses);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    LoadClient(String base) {
        this.base = base;
    }

    HttpResponse<String> send(String method, String user, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).header("Accept", "application/json");
        if (token != null) {
            request.header("Idempotency-Key", token);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception ex) {
            throw new IllegalStateException(method + " " + path + " failed: " + ex, ex);
        }
    }

    /** Sends and insists on {@code expected}; returns the body. */
    String call(String method, String user, String path, String json, int expected) {
        HttpResponse<String> response = send(method, user, path, json, null);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Runs {@code count} calls made by {@code calls} on {@code pool}, at most {@code limit} long. */
    Result phase(String name, ExecutorService pool, int workers, int count, Duration limit, IntFunction<Call> calls,
            Map<Integer, List<String>> bodies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + limit.toNanos();
        List<Future<long[]>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            running.add(pool.submit(() -> {
                long[] latencies = new long[count];
                int done = 0;
                for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline;
                        i = next.getAndIncrement()) {
                    Call call = calls.apply(i);
                    long sent = System.nanoTime();
                    HttpResponse<String> response = send("POST", call.user(), call.path(), null, call.token());
                    latencies[done++] = System.nanoTime() - sent;
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    if (bodies != null) {
                        bodies.computeIfAbsent(response.statusCode(), s -> java.util.Collections
                                .synchronizedList(new ArrayList<>())).add(call.user() + " " + response.body());
                    }
                }
                return Arrays.copyOf(latencies, done);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> worker : running) {
            all.add(worker.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, latencies.length, seconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
                new java.util.TreeMap<>(statuses));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
