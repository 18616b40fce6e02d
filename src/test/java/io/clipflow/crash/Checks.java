package io.clipflow.crash;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipflow.crash.ApiClient.Answer;
import io.clipflow.crash.Ledger.Attempt;
import io.clipflow.crash.Ledger.Decision;
import io.clipflow.crash.Ledger.OrderRequest;
import io.clipflow.crash.Ledger.Payment;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * After each restart, over everything answered so far (all cycles): does every 2xx answer still hold, exactly
 * once, in every store (engine, shard databases, Redis)? Cut-off requests may be whole or absent, and their
 * Idempotency-Key either replays a result that exists or runs anew.
 *
 * <p>The checks give the app what it is promised before judging: accepted seckill attempts get
 * {@code settleTimeout} to leave PENDING (the order is placed asynchronously), the seckill counters are compared
 * only once every attempt of the sale has settled, and a cut-off order's key is replayed only after its in-flight
 * lease ran out. No load runs during the checks; what still runs is the app's own jobs (a seckill step, a payment
 * timeout), allowed for where they could move a figure while it is being read.
 */
final class Checks {

    private final Ledger ledger;
    private final World world;
    private final Violations violations;
    private final CrashOptions options;

    /** Cut-off requests already settled by a replay (or found absent), so they are not replayed again. */
    private final Set<Object> resolved = ConcurrentHashMap.newKeySet();
    /** Titles of cut-off publishes whose video exists → its code (then it must be whole). */
    private final Map<String, String> foundCutOffVideos = new ConcurrentHashMap<>();
    /** attempt id → order number, as the attempt reported it once SUCCEEDED. */
    private final Map<String, String> attemptOrders = new ConcurrentHashMap<>();

    Checks(Ledger ledger, World world, Violations violations, CrashOptions options) {
        this.ledger = ledger;
        this.world = world;
        this.violations = violations;
        this.options = options;
    }

    /** Everything, after the restart that followed kill {@code cycle}; returns a line on what was checked. */
    String afterRestart(ApiClient api, int cycle, boolean last) {
        Instant started = Instant.now();
        violations.cycle(cycle);
        // a replay answered now belongs to the incarnation that the next kill ends
        replayCutOffAttempts(api, cycle + 1);
        replayCutOffPayments(api, cycle + 1);
        replayCutOffOrders(api, cycle + 1, last);
        Settling settling = settleAttempts(api, cycle, last);

        Map<String, List<Decision>> decisions = ledger.decisions.stream()
                .collect(Collectors.groupingBy(Decision::code));
        findCutOffPublishes(api);
        Map<String, String> videos = new HashMap<>(); // code → how the request that made it is described
        ledger.published.forEach(v -> videos.put(v.code(), "POST /api/videos \"" + v.title() + "\" → 201 " + v.code()
                + " " + v.statusAtAnswer() + ", answered " + ledger.beforeKill(v.cycle(), v.at())));
        foundCutOffVideos.forEach((title, code) -> videos.putIfAbsent(code,
                "POST /api/videos \"" + title + "\" cut off, its video exists: " + code));
        decisions.keySet().forEach(code -> videos.putIfAbsent(code, "the video " + code + " an auditor decided"));
        parallel(videos.entrySet(), e -> checkVideo(api, e.getKey(), e.getValue(),
                decisions.getOrDefault(e.getKey(), List.of())));

        Map<String, List<Payment>> payments = ledger.payments.stream().collect(Collectors.groupingBy(Payment::orderNo));
        parallel(ledger.orders, o -> checkOrder(api, o, payments.getOrDefault(o.orderNo(), List.of())));
        parallel(ledger.attempts, a -> checkAttempt(api, a, settling, cycle));

        // stocks read before and after the listing: a job running meanwhile (a stuck seckill step, a payment
        // timeout) changes stock and orders together, and such a round cannot compare them
        Map<Long, Long> stockBefore = stocks(api);
        List<JsonNode> orders = allOrders(api);
        Map<Long, Long> stockAfter = stocks(api);
        parallel(orders, o -> checkOneOrderProcess(api, o));
        List<String> deferred = new ArrayList<>();
        checkStock("order item " + world.orderItemId, world.orderItemId, World.ORDER_ITEM_STOCK, orders,
                stockBefore, stockAfter, deferred);
        for (World.Sale sale : world.sales) {
            checkSale(api, sale, orders, settling, stockBefore, stockAfter, deferred);
        }
        return String.format("checked %d videos, %d orders (%d listed), %d payments, %d attempts in %.1f s%s",
                videos.size(), ledger.orders.size(), orders.size(), ledger.payments.size(), ledger.attempts.size(),
                Duration.between(started, Instant.now()).toMillis() / 1000.0,
                deferred.isEmpty() ? "" : "; deferred to the next round: " + String.join(", ", deferred));
    }

    // ---- cut-off requests: whole or absent, and the key works again ----

    /** A cut-off attempt's token replayed: the attempt it made (202 again), a refusal, or a new attempt. */
    private void replayCutOffAttempts(ApiClient api, int nextCycle) {
        for (Attempt cut : ledger.attemptCutOffs) {
            if (resolved.contains(cut)) {
                continue;
            }
            String described = "POST /api/seckill/events/" + cut.eventId() + "/attempts by " + cut.buyer()
                    + " cut off " + ledger.beforeKill(cut.cycle(), cut.at()) + ", token replayed";
            Answer answer = api.call("POST", cut.buyer(), "/api/seckill/events/" + cut.eventId() + "/attempts", null,
                    cut.token());
            resolved.add(cut);
            if (answer.status() == 202) {
                // from now on an attempt like any other: accepted before the kill if this is a replay (at the
                // latest when it was sent), else accepted just now
                String attemptId = answer.text("attemptId");
                boolean replayed = "true".equals(answer.header("Idempotent-Replayed"));
                Attempt attempt = replayed ? new Attempt(cut.token(), cut.buyer(), cut.eventId(), attemptId,
                        cut.cycle(), cut.at())
                        : new Attempt(cut.token(), cut.buyer(), cut.eventId(), attemptId, nextCycle, answer.at());
                ledger.attempts.add(attempt);
                ledger.attemptSeen(attemptId, "PENDING", attempt.at());
            }
            else if (answer.status() == 422 || answer.status() >= 500) {
                violations.report("cut-off attempt: key replays or runs anew", described, answer.toString());
            }
        }
    }

    /** A cut-off payment is applied or not; delivered again it is applied once (200), whichever it was. */
    private void replayCutOffPayments(ApiClient api, int nextCycle) {
        for (Payment cut : ledger.payments) {
            if (!cut.cutOff() || resolved.contains(cut)) {
                continue;
            }
            String described = "POST /api/orders/" + cut.orderNo() + "/payments " + cut.paymentId() + " cut off "
                    + ledger.beforeKill(cut.cycle(), cut.at());
            Answer order = api.call("GET", cut.buyer(), "/api/orders/" + cut.orderNo(), null);
            if (order.status() != 200) {
                continue; // the order's own check says why it is missing
            }
            if ("PAID".equals(order.text("status")) && !cut.paymentId().equals(order.text("paymentId"))) {
                violations.report("cut-off payment whole or absent", described,
                        "order PAID by " + order.text("paymentId"));
            }
            Answer again = deliverPayment(api, cut.buyer(), cut.orderNo(), cut.paymentId(), cut.amountCents());
            resolved.add(cut);
            if (again.status() == 200) {
                ledger.payments.add(new Payment(cut.orderNo(), cut.buyer(), cut.paymentId(), cut.amountCents(), false,
                        nextCycle, again.at()));
            }
            else {
                violations.report("cut-off payment delivered again → 200", described, again.toString());
            }
        }
    }

    /**
     * A cut-off order's key, once its lease ran out: replayed, it answers the order it made (which must exist)
     * or places it now; never a 201 for an order that does not exist, never 5xx, never still in flight.
     */
    private void replayCutOffOrders(ApiClient api, int nextCycle, boolean last) {
        if (last) {
            // the final round waits for the leases of its own cut-offs: nothing comes after it
            ledger.orderCutOffs.stream().filter(c -> !resolved.contains(c)).map(this::leaseOver)
                    .max(Instant::compareTo).ifPresent(Checks::sleepUntil);
        }
        for (OrderRequest cut : ledger.orderCutOffs) {
            if (resolved.contains(cut) || Instant.now().isBefore(leaseOver(cut))) {
                continue;
            }
            resolved.add(cut);
            String described = "POST /api/orders key " + shortKey(cut.key()) + " by " + cut.buyer() + " (quantity "
                    + cut.quantity() + ") cut off " + ledger.beforeKill(cut.cycle(), cut.at()) + ", replayed";
            Answer answer = api.call("POST", cut.buyer(), "/api/orders", cut.body(), cut.key());
            if (answer.status() == 201) {
                String orderNo = answer.text("orderNo");
                Answer order = api.call("GET", cut.buyer(), "/api/orders/" + orderNo, null);
                if (order.status() != 200) {
                    violations.report("cut-off order: a replayed 201 names an order that exists", described,
                            "201 " + orderNo + " (replayed: " + answer.header("Idempotent-Replayed")
                                    + "), GET → " + order.status());
                }
                else {
                    ledger.orders.add(new OrderRequest(cut.key(), cut.buyer(), cut.itemId(), cut.quantity(), orderNo,
                            answer.json().path("amountCents").asLong(), nextCycle, answer.at()));
                }
            }
            else if (!(answer.status() == 409 && "OUT_OF_STOCK".equals(answer.text("code")))) {
                violations.report("cut-off order: key replays or runs anew after the lease", described,
                        answer.toString());
            }
        }
    }

    private Instant leaseOver(OrderRequest cut) {
        Instant killed = ledger.killOf(cut.cycle()).map(Ledger.Kill::at).orElse(cut.at());
        return killed.plus(options.inFlightLease()).plusSeconds(2);
    }

    /** Cut-off publishes, found by their unique title: absent, or whole (then checked as every video is). */
    private void findCutOffPublishes(ApiClient api) {
        for (Ledger.PublishCutOff cut : ledger.publishCutOffs) {
            if (resolved.contains(cut)) {
                continue;
            }
            resolved.add(cut);
            Answer search = api.call("GET", World.AUDITORS.get(0), "/api/videos?size=10&title="
                    + URLEncoder.encode(cut.title(), StandardCharsets.UTF_8), null);
            List<String> codes = new ArrayList<>();
            search.json().path("items").forEach(v -> {
                if (cut.title().equals(v.path("title").asText())) {
                    codes.add(v.path("code").asText());
                }
            });
            if (codes.size() > 1) {
                violations.report("cut-off publish whole or absent", "POST /api/videos \"" + cut.title()
                        + "\" cut off " + ledger.beforeKill(cut.cycle(), cut.at()), codes.size() + " videos " + codes);
            }
            else if (codes.size() == 1) {
                foundCutOffVideos.put(cut.title(), codes.get(0));
            }
        }
    }

    // ---- answered requests ----

    private void checkVideo(ApiClient api, String code, String described, List<Decision> decisions) {
        Answer video = api.call("GET", World.CREATOR, "/api/videos/" + code, null); // as its creator sees it
        if (video.status() != 200) {
            violations.report("video exists", described, "GET /api/videos/" + code + " → " + video);
            return;
        }
        long processes = count(api, "/engine-rest/history/process-instance/count?processDefinitionKey="
                + "publish-to-display&processInstanceBusinessKey=" + code);
        if (processes != 1) {
            violations.report("exactly one publish process", described, processes + " publish-to-display instances");
        }
        String status = video.text("status");
        if ("PENDING".equals(status)) {
            long tasks = count(api, "/engine-rest/task/count?processInstanceBusinessKey=" + code);
            if (tasks != 1) {
                violations.report("a PENDING video has one open audit task", described, tasks + " open tasks"
                        + (decisions.isEmpty() ? "" : "; decisions sent for it: "
                                + decisions.stream().map(this::describe).collect(Collectors.joining("; "))));
            }
        }
        List<Decision> answered = decisions.stream().filter(d -> !d.cutOff()).toList();
        for (Decision d : answered) {
            // every answered decision is among the video's decisions; an approval of a four-eyes video leaves it
            // PENDING until the second review, whose rejection may reject it after all
            boolean holds = isListed(video, d) && (d.approved()
                    ? "APPROVED".equals(status) || "PENDING".equals(status) || "REJECTED".equals(status)
                            && video.json().path("decisions").findValuesAsText("approved").contains("false")
                    : "REJECTED".equals(status) && Objects.equals(d.reason(), video.text("reason")));
            if (!holds) {
                violations.report("a decision answered 200 shows", describe(d), "video " + code + " is " + status
                        + (video.text("reason") == null ? "" : " (reason \"" + video.text("reason") + "\")"));
            }
        }
        if (answered.isEmpty()) {
            List<Decision> cut = decisions.stream().filter(Decision::cutOff).toList();
            if (!cut.isEmpty() && !"PENDING".equals(status)
                    && cut.stream().noneMatch(d -> d.expectedStatus().equals(status))) {
                violations.report("cut-off decision whole or absent", describe(cut.get(0)), "video " + code + " is "
                        + status);
            }
        }
    }

    private static boolean isListed(Answer video, Decision d) {
        for (JsonNode listed : video.json().path("decisions")) {
            if (d.auditor().equals(listed.path("auditor").asText())
                    && d.approved() == listed.path("approved").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private void checkOrder(ApiClient api, OrderRequest o, List<Payment> payments) {
        String described = "POST /api/orders key " + shortKey(o.key()) + " by " + o.buyer() + " → 201 " + o.orderNo()
                + ", answered " + ledger.beforeKill(o.cycle(), o.at());
        Answer order = api.call("GET", o.buyer(), "/api/orders/" + o.orderNo(), null);
        if (order.status() != 200) {
            violations.report("order exists", described, "GET /api/orders/" + o.orderNo() + " → " + order);
        }
        else if (order.json().path("itemId").asLong() != o.itemId()
                || order.json().path("quantity").asInt() != o.quantity()) {
            violations.report("order as answered", described, order.toString());
        }
        long processes = count(api, "/engine-rest/history/process-instance/count?processDefinitionKey=order"
                + "&processInstanceBusinessKey=" + o.orderNo());
        if (processes != 1) {
            violations.report("exactly one order process", described, processes + " order instances");
        }
        Answer replay = api.call("POST", o.buyer(), "/api/orders", o.body(), o.key());
        if (replay.status() != 201 || !o.orderNo().equals(replay.text("orderNo"))
                || !"true".equals(replay.header("Idempotent-Replayed"))) {
            violations.report("the key replays the same 201", described, replay + " (Idempotent-Replayed: "
                    + replay.header("Idempotent-Replayed") + ")");
        }
        if (order.status() != 200) {
            return;
        }
        List<Payment> answered = payments.stream().filter(p -> !p.cutOff()).toList();
        for (Payment p : answered) {
            String paid = "POST /api/orders/" + p.orderNo() + "/payments " + p.paymentId() + " → 200, answered "
                    + ledger.beforeKill(p.cycle(), p.at());
            if (!"PAID".equals(order.text("status")) || !p.paymentId().equals(order.text("paymentId"))) {
                violations.report("a payment answered 200 is applied", paid, "order " + order.text("status")
                        + ", paymentId " + order.text("paymentId"));
                continue;
            }
            Answer again = deliverPayment(api, p.buyer(), p.orderNo(), p.paymentId(), p.amountCents());
            Answer after = api.call("GET", o.buyer(), "/api/orders/" + o.orderNo(), null);
            if (again.status() != 200 || !p.paymentId().equals(again.text("paymentId"))) {
                violations.report("a payment delivered again answers 200", paid, again.toString());
            }
            if (!Objects.equals(order.text("status"), after.text("status"))
                    || !Objects.equals(order.text("paymentId"), after.text("paymentId"))
                    || !Objects.equals(order.text("paidAt"), after.text("paidAt"))) {
                violations.report("a payment delivered again changes nothing", paid, "before " + order + ", after "
                        + after);
            }
        }
        if (payments.isEmpty() && "PAID".equals(order.text("status"))) {
            violations.report("an order nobody paid is not PAID", described, order.toString());
        }
    }

    private void checkAttempt(ApiClient api, Attempt a, Settling settling, int cycle) {
        String described = "POST /api/seckill/events/" + a.eventId() + "/attempts by " + a.buyer() + " → 202 "
                + a.attemptId() + ", accepted " + ledger.beforeKill(a.cycle(), a.at());
        String status = ledger.attemptStatus.get(a.attemptId());
        if ("LOST".equals(status)) {
            violations.report("an accepted attempt exists", described, "GET /api/seckill/attempts/" + a.attemptId()
                    + " → 404");
            return;
        }
        if (settling.overdue().contains(a.attemptId())) {
            long processes = count(api, "/engine-rest/history/process-instance/count?processDefinitionKey=seckill"
                    + "&processInstanceBusinessKey=" + a.attemptId());
            violations.report("an accepted attempt settles within " + options.settleTimeout().toSeconds()
                    + " s of the app running again", described, "still PENDING after "
                    + ledger.uptimeSinceKill(a.cycle(), cycle).toSeconds() + " s of uptime since kill " + a.cycle()
                    + " (" + processes + " seckill process instances for it)");
            return;
        }
        if (settling.pending().contains(a.attemptId())) {
            return; // not overdue yet: looked at again after the next restart
        }
        if (!"SUCCEEDED".equals(status)) {
            return; // FAILED: its unit went back on sale; the sale's counters check that
        }
        String orderNo = attemptOrders.get(a.attemptId());
        Answer order = api.call("GET", a.buyer(), "/api/orders/" + orderNo, null);
        World.Sale sale = world.sales.stream().filter(s -> s.eventId() == a.eventId()).findFirst().orElseThrow();
        if (order.status() != 200 || order.json().path("itemId").asLong() != sale.itemId()) {
            violations.report("a SUCCEEDED attempt's order exists", described, "SUCCEEDED " + orderNo
                    + ", GET /api/orders/" + orderNo + " → " + order);
        }
        long processes = count(api, "/engine-rest/history/process-instance/count?processDefinitionKey=seckill"
                + "&processInstanceBusinessKey=" + a.attemptId());
        if (processes != 1) {
            violations.report("exactly one seckill process", described, processes + " seckill instances");
        }
    }

    /**
     * Every order that exists (answered or not) is exactly one {@code order} process. A seckill step finishing
     * right now (a job whose lock ran out) commits the order's row a moment before its process: a count of 0 is
     * looked at again for a few seconds before it counts.
     */
    private void checkOneOrderProcess(ApiClient api, JsonNode order) {
        String orderNo = order.path("orderNo").asText();
        String path = "/engine-rest/history/process-instance/count?processDefinitionKey=order"
                + "&processInstanceBusinessKey=" + orderNo;
        long[] processes = {count(api, path)};
        if (processes[0] == 0) {
            try {
                Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(500))
                        .pollInSameThread().until(() -> (processes[0] = count(api, path)) != 0);
            }
            catch (ConditionTimeoutException stillNone) {
                // reported below
            }
        }
        if (processes[0] != 1) {
            violations.report("every order is exactly one order process", "order " + orderNo + " of "
                    + order.path("buyer").asText() + " (item " + order.path("itemId").asLong() + ", "
                    + order.path("status").asText() + ")", processes[0] + " order instances");
        }
    }

    /** An item's stock is its initial stock less what its orders hold (cancelled ones gave theirs back). */
    private void checkStock(String what, long itemId, long initial, List<JsonNode> orders, Map<Long, Long> before,
            Map<Long, Long> after, List<String> deferred) {
        if (!Objects.equals(before.get(itemId), after.get(itemId))) {
            deferred.add("stock of item " + itemId + " (it changed while the orders were listed)");
            return;
        }
        long held = orders.stream().filter(o -> o.path("itemId").asLong() == itemId)
                .filter(o -> !"CANCELLED".equals(o.path("status").asText())).mapToLong(o -> o.path("quantity").asLong())
                .sum();
        long stock = after.get(itemId);
        if (stock != initial - held) {
            violations.report("stock = initial - orders", what + " (initial " + initial + ")",
                    "stock " + stock + ", the orders that exist hold " + held + ": expected " + (initial - held));
        }
    }

    /** The stock of the order item and of every sale's item now. */
    private Map<Long, Long> stocks(ApiClient api) {
        Map<Long, Long> stocks = new HashMap<>();
        List<Long> items = new ArrayList<>(List.of(world.orderItemId));
        world.sales.forEach(sale -> items.add(sale.itemId()));
        for (long itemId : items) {
            Answer item = api.call("GET", "admin", "/api/items/" + itemId, null);
            if (item.status() != 200) {
                violations.report("the item exists", "item " + itemId + ", created with 201", item.toString());
                continue;
            }
            stocks.put(itemId, item.json().path("stock").asLong());
        }
        return stocks;
    }

    /**
     * One sale: never oversold, one unit per buyer, the database stock matches its orders; once every attempt of
     * it settled, Redis's {@code sold} equals the orders and reconciliation finds no drift. An attempt still
     * PENDING (overdue ones are reported on their own) holds a unit and may still place its order at any moment,
     * so while there is one the counters wait for a later round.
     */
    private void checkSale(ApiClient api, World.Sale sale, List<JsonNode> allOrders, Settling settling,
            Map<Long, Long> stockBefore, Map<Long, Long> stockAfter, List<String> deferred) {
        String what = "seckill event " + sale.eventId() + " (cycle " + sale.cycle() + ", " + sale.units()
                + " units, item " + sale.itemId() + ")";
        List<JsonNode> orders = allOrders.stream().filter(o -> o.path("itemId").asLong() == sale.itemId()).toList();
        if (orders.size() > sale.units()) {
            violations.report("never oversold", what, orders.size() + " orders");
        }
        orders.stream().collect(Collectors.groupingBy(o -> o.path("buyer").asText(), Collectors.counting()))
                .forEach((buyer, n) -> {
                    if (n > 1) {
                        violations.report("one unit per buyer", what, buyer + " has " + n + " orders");
                    }
                });
        checkStock(what, sale.itemId(), sale.units(), allOrders, stockBefore, stockAfter, deferred);
        Answer event = api.call("GET", "admin", "/api/seckill/events/" + sale.eventId(), null);
        if (event.status() != 200) {
            violations.report("the event exists", what, event.toString());
            return;
        }
        long pending = ledger.attemptsOf(sale.eventId()).stream()
                .filter(a -> settling.pending().contains(a.attemptId())).count();
        if (pending > 0) {
            deferred.add("counters of event " + sale.eventId() + " (" + pending + " attempts PENDING)");
            return;
        }
        long sold = event.json().path("sold").asLong();
        long remaining = event.json().path("remaining").asLong();
        if (sold != orders.size() || remaining != sale.units() - sold) {
            violations.report("settled: sold = orders, remaining = stock - sold", what, "sold " + sold + ", remaining "
                    + remaining + ", " + orders.size() + " orders");
        }
        Answer report = api.call("POST", "admin", "/api/seckill/events/" + sale.eventId() + "/reconcile", null);
        JsonNode r = report.json();
        if (report.status() != 200 || r.path("drift").asLong() != 0 || r.path("missingHolds").asLong() != 0
                || r.path("missingBuyers").asLong() != 0 || r.path("redisRemaining").asLong() < 0) {
            violations.report("settled: reconciliation finds no drift", what, report.toString());
        }
    }

    // ---- helpers ----

    /**
     * Polls the accepted attempts not yet settled. Each may stay PENDING until the app has run
     * {@code settleTimeout} since the kill that followed its acceptance (only time the app was up counts: a
     * kill in between stops the clock); past that it is overdue. The final round waits until every attempt
     * settled or is overdue; earlier rounds poll once and leave the rest to the next restart.
     */
    private Settling settleAttempts(ApiClient api, int cycle, boolean last) {
        Map<String, Attempt> pending = new ConcurrentHashMap<>();
        for (Attempt a : ledger.attempts) {
            String status = ledger.attemptStatus.get(a.attemptId());
            if (!"FAILED".equals(status) && !"LOST".equals(status)
                    && !("SUCCEEDED".equals(status) && attemptOrders.containsKey(a.attemptId()))) {
                pending.put(a.attemptId(), a);
            }
        }
        Map<String, Instant> overdueAt = new HashMap<>();
        pending.values().forEach(a -> overdueAt.put(a.attemptId(),
                Instant.now().plus(options.settleTimeout()).minus(ledger.uptimeSinceKill(a.cycle(), cycle))));
        pending.values().removeIf(a -> settledNow(api, a));
        if (last) {
            try {
                Awaitility.await("accepted seckill attempts leave PENDING")
                        .atMost(options.settleTimeout().plusSeconds(10)).pollInterval(Duration.ofMillis(250))
                        .pollInSameThread()
                        .until(() -> {
                            pending.values().removeIf(a -> settledNow(api, a));
                            Instant now = Instant.now();
                            return pending.keySet().stream().allMatch(id -> !now.isBefore(overdueAt.get(id)));
                        });
            }
            catch (ConditionTimeoutException cannotHappen) {
                // every attempt is overdue by then; reported below
            }
        }
        Instant now = Instant.now();
        Set<String> overdue = pending.keySet().stream().filter(id -> !now.isBefore(overdueAt.get(id)))
                .collect(Collectors.toSet());
        return new Settling(Set.copyOf(pending.keySet()), overdue);
    }

    /** The attempts still PENDING after the wait, and those of them that are overdue. */
    private record Settling(Set<String> pending, Set<String> overdue) {
    }

    /** Reads the attempt once: true if it left PENDING (or is gone: LOST). */
    private boolean settledNow(ApiClient api, Attempt a) {
        Answer answer = api.call("GET", a.buyer(), "/api/seckill/attempts/" + a.attemptId(), null);
        if (answer.status() == 404) {
            ledger.attemptStatus.put(a.attemptId(), "LOST");
            return true;
        }
        if (answer.status() == 200 && !"PENDING".equals(answer.text("status"))) {
            ledger.attemptSeen(a.attemptId(), answer.text("status"), answer.at());
            if (answer.text("orderNo") != null) {
                attemptOrders.put(a.attemptId(), answer.text("orderNo"));
            }
            return true;
        }
        return false;
    }

    private List<JsonNode> allOrders(ApiClient api) {
        List<JsonNode> orders = new ArrayList<>();
        for (String buyer : world.buyers) {
            for (int page = 0; page < 1000; page++) {
                Answer answer = api.call("GET", buyer, "/api/orders?size=100&page=" + page, null);
                if (answer.status() != 200) {
                    throw new IllegalStateException("listing the orders of " + buyer + ": " + answer);
                }
                answer.json().path("content").forEach(orders::add);
                if (answer.json().path("content").size() < 100) {
                    break;
                }
            }
        }
        return orders;
    }

    /** A payment delivery; a 503 (the correlation lost a race just now) is delivered again, as a provider would. */
    private static Answer deliverPayment(ApiClient api, String buyer, String orderNo, String paymentId, long amount) {
        Answer[] last = new Answer[1];
        try {
            Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).pollInSameThread()
                    .until(() -> {
                        last[0] = api.call("POST", buyer, "/api/orders/" + orderNo + "/payments",
                                Map.of("paymentId", paymentId, "amount", amount));
                        return last[0].status() != 503;
                    });
        }
        catch (ConditionTimeoutException stillUnavailable) {
            // last[0] is the 503, reported as it is
        }
        return last[0];
    }

    private static long count(ApiClient api, String path) {
        Answer answer = api.call("GET", "admin", path, null);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + path + ": " + answer);
        }
        return answer.json().path("count").asLong();
    }

    private String describe(Decision d) {
        return "POST /api/audits/" + d.code() + "/decision by " + d.auditor() + " "
                + (d.approved() ? "approve" : "reject \"" + d.reason() + "\"")
                + (d.cutOff() ? " cut off " : " → 200, answered ") + ledger.beforeKill(d.cycle(), d.at());
    }

    private static String shortKey(String key) {
        return key.length() > 12 ? key.substring(0, 12) + "…" : key;
    }

    private static void sleepUntil(Instant instant) {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs {@code check} over {@code items} on a few threads; a check that cannot run fails the harness. */
    private static <T> void parallel(Collection<T> items, Consumer<T> check) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : List.copyOf(items)) {
                futures.add(pool.submit(() -> check.accept(item)));
            }
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        }
        catch (Exception ex) {
            throw new IllegalStateException("a check could not run", ex);
        }
        finally {
            pool.shutdownNow();
        }
    }
}
