package io.clipflow.crash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.clipflow.crash.ApiClient.Answer;
import io.clipflow.crash.ApiClient.NoAnswer;
import io.clipflow.crash.Ledger.Kind;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One burst of mixed load on the three flows, a few workers over real HTTP until the app is killed: creators
 * publish (some texts with a REVIEW word, a few with a BLOCK word), auditors decide their open audits, buyers
 * order and pay some orders, buyers try the current flash sale and poll their attempt. Every 2xx answer and
 * every cut-off request goes into the {@link Ledger}.
 */
final class LoadGenerator {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final ApiClient api;
    private final World world;
    private final Ledger ledger;
    private final int cycle;
    private final long seed;
    private volatile AtomicBoolean killed = new AtomicBoolean();

    LoadGenerator(ApiClient api, World world, Ledger ledger, int cycle, long seed) {
        this.api = api;
        this.world = world;
        this.ledger = ledger;
        this.cycle = cycle;
        this.seed = seed;
    }

    /** Runs {@code threads} workers until {@code killed} (or {@code limit}, a safety net); returns when all ended. */
    void run(int threads, AtomicBoolean killed, Duration limit) throws InterruptedException {
        this.killed = killed;
        Instant deadline = Instant.now().plus(limit);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Random random = new Random(seed * 1_000_003L + cycle * 101L + i);
                workers.add(pool.submit(() -> work(random, killed, deadline)));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get(limit.toMillis() + 30_000, TimeUnit.MILLISECONDS);
                }
                catch (Exception ex) {
                    throw new IllegalStateException("a load worker failed", ex);
                }
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    private void work(Random random, AtomicBoolean killed, Instant deadline) {
        while (!killed.get() && Instant.now().isBefore(deadline)) {
            int pick = random.nextInt(100);
            try {
                if (pick < 30) {
                    publish(random);
                }
                else if (pick < 50) {
                    decide(random);
                }
                else if (pick < 80) {
                    order(random);
                }
                else {
                    seckill(random);
                }
            }
            catch (NoAnswer gone) {
                // recorded where it happened; once the app is killed every further request would be refused
            }
        }
    }

    private void publish(Random random) throws NoAnswer {
        String title = "crash " + cycle + "-" + SEQUENCE.incrementAndGet() + " street food";
        String description = switch (random.nextInt(10)) {
            case 0 -> "Night market, then a cocaine joke";          // BLOCK: rejected by the screen at once
            case 1, 2, 3 -> "Night market, short casino ad break";  // REVIEW: flagged for the auditor
            default -> "Night market, noodles and skewers";
        };
        Instant sent = Instant.now();
        Answer answer = send(Kind.PUBLISH, () -> api.post(World.CREATOR, "/api/videos",
                Map.of("title", title, "description", description, "videoUrl", "https://videos.example/food.mp4"),
                null), () -> ledger.publishCutOffs.add(new Ledger.PublishCutOff(title, cycle, sent)));
        if (answer.status() == 201) {
            ledger.published.add(new Ledger.Published(answer.text("code"), title, answer.text("status"), cycle,
                    answer.at()));
        }
    }

    private void decide(Random random) throws NoAnswer {
        String auditor = World.AUDITORS.get(random.nextInt(World.AUDITORS.size()));
        Answer mine = api.get(auditor, "/api/audits/mine?size=20");
        if (mine.status() != 200 || mine.json().size() == 0) {
            return;
        }
        String code = mine.json().get(random.nextInt(mine.json().size())).path("code").asText();
        boolean approved = random.nextInt(10) < 7;
        String reason = approved ? null : "crash harness: not for the feed " + SEQUENCE.incrementAndGet();
        Map<String, Object> body = approved ? Map.of("approved", true) : Map.of("approved", false, "reason", reason);
        Instant sent = Instant.now();
        Answer answer = send(Kind.DECISION, () -> api.post(auditor, "/api/audits/" + code + "/decision", body, null),
                () -> ledger.decisions.add(new Ledger.Decision(code, auditor, approved, reason, true, cycle, sent)));
        if (answer.status() == 200) {
            ledger.decisions.add(new Ledger.Decision(code, auditor, approved, reason, false, cycle, answer.at()));
        }
    }

    private void order(Random random) throws NoAnswer {
        String buyer = world.buyers.get(random.nextInt(world.buyers.size()));
        String key = token(buyer);
        if (key == null) {
            return;
        }
        int quantity = 1 + random.nextInt(3);
        Instant sent = Instant.now();
        Answer answer = send(Kind.ORDER, () -> api.post(buyer, "/api/orders",
                Map.of("itemId", world.orderItemId, "quantity", quantity), key),
                () -> ledger.orderCutOffs.add(new Ledger.OrderRequest(key, buyer, world.orderItemId, quantity, null,
                        0, cycle, sent)));
        if (answer.status() != 201) {
            return;
        }
        String orderNo = answer.text("orderNo");
        long amount = answer.json().path("amountCents").asLong();
        ledger.orders.add(new Ledger.OrderRequest(key, buyer, world.orderItemId, quantity, orderNo, amount, cycle,
                answer.at()));
        if (random.nextInt(10) < 6) {
            String paymentId = "pay-" + orderNo;
            Instant paySent = Instant.now();
            Answer paid = send(Kind.PAYMENT, () -> api.post(buyer, "/api/orders/" + orderNo + "/payments",
                    Map.of("paymentId", paymentId, "amount", amount), null),
                    () -> ledger.payments.add(new Ledger.Payment(orderNo, buyer, paymentId, amount, true, cycle,
                            paySent)));
            if (paid.status() == 200) {
                ledger.payments.add(new Ledger.Payment(orderNo, buyer, paymentId, amount, false, cycle, paid.at()));
            }
        }
    }

    private void seckill(Random random) throws NoAnswer {
        World.Sale sale = world.currentSale();
        List<String> candidates = world.buyers.stream().filter(b -> !sale.holders().contains(b)).toList();
        List<String> from = candidates.isEmpty() ? world.buyers : candidates;
        String buyer = from.get(random.nextInt(from.size()));
        String token = token(buyer, "/api/seckill/events/" + sale.eventId() + "/tokens");
        if (token == null) {
            return;
        }
        Instant sent = Instant.now();
        Answer answer = send(Kind.ATTEMPT, () -> api.post(buyer, "/api/seckill/events/" + sale.eventId()
                + "/attempts", null, token),
                () -> ledger.attemptCutOffs.add(new Ledger.Attempt(token, buyer, sale.eventId(), null, cycle, sent)));
        if (answer.status() != 202) {
            return;
        }
        String attemptId = answer.text("attemptId");
        sale.holders().add(buyer);
        ledger.attempts.add(new Ledger.Attempt(token, buyer, sale.eventId(), attemptId, cycle, answer.at()));
        ledger.attemptSeen(attemptId, "PENDING", answer.at());
        // the buyer polls as the sale page does, so the time to SUCCEEDED is known for attempts the kill spares
        try {
            Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !"PENDING".equals(poll(buyer, attemptId)));
        }
        catch (ConditionTimeoutException stillPending) {
            // the checks follow it up after the restart
        }
    }

    private String poll(String buyer, String attemptId) {
        try {
            Answer answer = api.get(buyer, "/api/seckill/attempts/" + attemptId);
            if (answer.status() == 200) {
                ledger.attemptSeen(attemptId, answer.text("status"), answer.at());
                return answer.text("status");
            }
            return "PENDING";
        }
        catch (NoAnswer gone) {
            return "GONE";
        }
    }

    /** A one-time key for the buyer, or null if the app refused one. */
    private String token(String buyer) throws NoAnswer {
        return token(buyer, "/api/orders/tokens");
    }

    /** A one-time key from {@code issuer} (the order API's, or a sale's: spent in the accept script's one step). */
    private String token(String buyer, String issuer) throws NoAnswer {
        Answer answer = api.post(buyer, issuer, null, null);
        return answer.status() == 201 ? answer.text("token") : null;
    }

    @FunctionalInterface
    private interface Call {
        Answer send() throws NoAnswer;
    }

    /**
     * Sends, counts the outcome, and records the request through {@code onCutOff} if its answer never came.
     * A refused connection proves nothing was sent only if the app was already killed when the request left:
     * before that, the refusal can be the HTTP client's own retry of a POST whose first attempt, on a pooled
     * connection, reached the app and was cut off (the client retries when the connection closes before any
     * answer, taking it for an idle connection the server closed).
     */
    private Answer send(Kind kind, Call call, Runnable onCutOff) throws NoAnswer {
        boolean sentBeforeKill = !killed.get();
        try {
            Answer answer = call.send();
            ledger.count(kind, answer.is2xx() ? "2xx" : answer.outcome());
            return answer;
        }
        catch (NoAnswer none) {
            boolean cutOff = none.cutOff || sentBeforeKill;
            ledger.count(kind, cutOff ? "cut off" : "not sent");
            if (cutOff) {
                onCutOff.run();
            }
            throw none;
        }
    }
}
