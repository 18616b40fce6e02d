package io.clipflow.crash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the app promised: every 2xx answer of the load (and of the checks' replays, which are requests too),
 * every request whose answer never came ("cut off"), and the kills. The checks read it after each restart.
 * Thread-safe: the load's workers write to it concurrently.
 */
final class Ledger {

    /** The kinds of request the load sends, for the counts. */
    enum Kind {
        PUBLISH, DECISION, ORDER, PAYMENT, ATTEMPT
    }

    /** A video answered 201. */
    record Published(String code, String title, String statusAtAnswer, int cycle, Instant at) {
    }

    /** A video published whose answer never came; its unique title finds it, if it exists. */
    record PublishCutOff(String title, int cycle, Instant at) {
    }

    /** An audit decision, answered 200 ({@code cutOff} false) or cut off. */
    record Decision(String code, String auditor, boolean approved, String reason, boolean cutOff, int cycle,
            Instant at) {

        String expectedStatus() {
            return approved ? "APPROVED" : "REJECTED";
        }
    }

    /** An order submission: {@code orderNo} set when answered 201, null when cut off. */
    record OrderRequest(String key, String buyer, long itemId, int quantity, String orderNo, long amountCents,
            int cycle, Instant at) {

        Map<String, Object> body() {
            return Map.of("itemId", itemId, "quantity", quantity);
        }
    }

    /** A payment, answered 200 ({@code cutOff} false) or cut off. */
    record Payment(String orderNo, String buyer, String paymentId, long amountCents, boolean cutOff, int cycle,
            Instant at) {
    }

    /** A seckill attempt: {@code attemptId} set when answered 202, null when cut off. */
    record Attempt(String token, String buyer, long eventId, String attemptId, int cycle, Instant at) {
    }

    /** One kill: the instant, whether Redis died with the app, how long the restart took. */
    record Kill(int cycle, boolean withRedis, Instant at, Duration burst) {
    }

    final List<Published> published = new CopyOnWriteArrayList<>();
    final List<PublishCutOff> publishCutOffs = new CopyOnWriteArrayList<>();
    final List<Decision> decisions = new CopyOnWriteArrayList<>();
    final List<OrderRequest> orders = new CopyOnWriteArrayList<>();
    final List<OrderRequest> orderCutOffs = new CopyOnWriteArrayList<>();
    final List<Payment> payments = new CopyOnWriteArrayList<>();
    final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    final List<Attempt> attemptCutOffs = new CopyOnWriteArrayList<>();
    final List<Kill> kills = new CopyOnWriteArrayList<>();
    final Map<Integer, Duration> restarts = new ConcurrentHashMap<>();
    /** cycle → when the app was healthy again after that cycle's kill. */
    final Map<Integer, Instant> healthyAt = new ConcurrentHashMap<>();

    /** attempt id → when it was first seen SUCCEEDED (by the load's poll or by the checks). */
    final Map<String, Instant> succeededAt = new ConcurrentHashMap<>();
    /** attempt id → its last status seen (PENDING, SUCCEEDED, FAILED). */
    final Map<String, String> attemptStatus = new ConcurrentHashMap<>();

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts one outcome of a kind: "2xx", "cut off", "not sent", or a refusal like "409 SOLD_OUT". */
    void count(Kind kind, String outcome) {
        counts.computeIfAbsent(kind + "|" + outcome, k -> new LongAdder()).increment();
    }

    /** kind → outcome → count, sorted, for the summary. */
    Map<Kind, Map<String, Long>> counts() {
        Map<Kind, Map<String, Long>> table = new TreeMap<>();
        counts.forEach((key, adder) -> {
            String[] parts = key.split("\\|", 2);
            table.computeIfAbsent(Kind.valueOf(parts[0]), k -> new TreeMap<>()).put(parts[1], adder.sum());
        });
        return table;
    }

    Optional<Kill> killOf(int cycle) {
        return kills.stream().filter(k -> k.cycle() == cycle).findFirst();
    }

    /** "answered 0.42 s before kill 2 (app+redis)", the words a violation names its request with. */
    String beforeKill(int cycle, Instant at) {
        return killOf(cycle).map(kill -> String.format("%.2f s before kill %d (%s)",
                Duration.between(at, kill.at()).toMillis() / 1000.0, cycle, kill.withRedis() ? "app+redis" : "app"))
                .orElse("after the last kill (a replay by the checks)");
    }

    /**
     * How long the app has been up since kill {@code fromCycle}, now that kill {@code currentCycle} is the last:
     * the time from each restart to the next kill, plus the time since the last restart.
     */
    Duration uptimeSinceKill(int fromCycle, int currentCycle) {
        Duration up = Duration.ZERO;
        for (int i = fromCycle; i < currentCycle; i++) {
            Instant healthy = healthyAt.get(i);
            Instant nextKill = killOf(i + 1).map(Kill::at).orElse(null);
            if (healthy != null && nextKill != null) {
                up = up.plus(Duration.between(healthy, nextKill));
            }
        }
        Instant healthy = healthyAt.get(currentCycle);
        return healthy == null ? up : up.plus(Duration.between(healthy, Instant.now()));
    }

    void attemptSeen(String attemptId, String status, Instant at) {
        attemptStatus.put(attemptId, status);
        if ("SUCCEEDED".equals(status)) {
            succeededAt.putIfAbsent(attemptId, at);
        }
    }

    List<Attempt> attemptsOf(long eventId) {
        List<Attempt> found = new ArrayList<>();
        for (Attempt attempt : attempts) {
            if (attempt.eventId() == eventId) {
                found.add(attempt);
            }
        }
        return found;
    }
}
