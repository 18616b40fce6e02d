package io.clipflow.crash;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;

/** The cluster harness's checks, each over every node; what breaks one is a violation, never an exception. */
final class ClusterInvariants {

    private final List<ApiClient> nodes;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    /** Requests meant to meet at the same moment each get a thread of their own. */
    final ExecutorService together = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cluster-together");
        thread.setDaemon(true);
        return thread;
    });

    ClusterInvariants(List<ApiClient> nodes) {
        this.nodes = nodes;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    void expect(boolean held, String invariant, String what) {
        if (!held) {
            violations.add("[" + invariant + "] " + what);
        }
    }

    /**
     * One key sent to every node at once: one order number among the 201s; replayed afterwards on the first node:
     * that order; paid on the next node and again on the first: PAID once with that payment, one order process.
     */
    void oneOrderPerKey(String buyer, int index, long itemId) {
        ApiClient first = nodes.get(index % nodes.size());
        ApiClient next = nodes.get((index + 1) % nodes.size());
        String key = first.call("POST", buyer, "/api/orders/tokens", null).text("token");
        Map<String, Object> body = Map.of("itemId", itemId, "quantity", 1);
        List<ApiClient.Answer> answers = nodes.stream().map(node -> CompletableFuture.supplyAsync(
                () -> node.call("POST", buyer, "/api/orders", body, key), together)).toList().stream()
                .map(CompletableFuture::join).toList();
        Set<String> orderNos = new HashSet<>();
        for (ApiClient.Answer answer : answers) {
            expect(answer.status() == 201 || answer.status() == 409, "order", buyer + "'s key answered " + answer);
            if (answer.status() == 201) {
                orderNos.add(answer.text("orderNo"));
            }
        }
        ApiClient.Answer replay = first.call("POST", buyer, "/api/orders", body, key);
        orderNos.add(replay.text("orderNo"));
        expect(replay.status() == 201 && orderNos.size() == 1, "order", buyer + "'s key gave orders " + orderNos);
        String orderNo = replay.text("orderNo");
        Map<String, Object> payment = Map.of("paymentId", "pay-" + orderNo, "amount", World.ORDER_ITEM_PRICE);
        ApiClient.Answer paid = next.call("POST", buyer, "/api/orders/" + orderNo + "/payments", payment);
        ApiClient.Answer again = first.call("POST", buyer, "/api/orders/" + orderNo + "/payments", payment);
        expect(paid.status() == 200 && again.status() == 200 && "PAID".equals(again.text("status")), "payment",
                orderNo + " paid: " + paid + ", again: " + again);
        JsonNode mine = next.call("GET", buyer, "/api/orders?size=100", null).json();
        String paidBy = mine.path("content").path(0).path("paymentId").asText();
        expect(mine.path("totalElements").asLong() == 1 && paidBy.equals("pay-" + orderNo), "order",
                buyer + "'s orders after one key: " + mine);
        expect(history(next, "order", orderNo) == 1, "job once", "order processes for " + orderNo + ": "
                + history(next, "order", orderNo));
    }

    /**
     * Every buyer tries once, through the nodes in turn, all at the same moment: at most the sale's units are
     * accepted, each accepted attempt ends SUCCEEDED with one order and one process, and the counters agree.
     */
    void saleNeverOversold(World world, World.Sale sale, List<String> figures) {
        List<CompletableFuture<String>> attempts = new ArrayList<>();
        for (int b = 0; b < world.buyers.size(); b++) {
            String buyer = world.buyers.get(b);
            ApiClient node = nodes.get(b % nodes.size());
            String token = nodes.get((b + 1) % nodes.size()).call("POST", buyer, "/api/orders/tokens", null)
                    .text("token");
            attempts.add(CompletableFuture.supplyAsync(() -> {
                ApiClient.Answer answer = node.call("POST", buyer, "/api/seckill/events/" + sale.eventId()
                        + "/attempts", null, token);
                expect(answer.status() == 202 || "SOLD_OUT".equals(answer.text("code")), "seckill",
                        buyer + "'s attempt answered " + answer);
                return answer.status() == 202 ? buyer + " " + answer.text("attemptId") : null;
            }, together));
        }
        List<String> accepted = attempts.stream().map(CompletableFuture::join).filter(a -> a != null).toList();
        expect(accepted.size() <= sale.units(), "oversold", accepted.size() + " attempts accepted for "
                + sale.units() + " units");
        int succeeded = 0;
        for (int i = 0; i < accepted.size(); i++) {
            String[] buyerAndId = accepted.get(i).split(" ");
            succeeded += settled(nodes.get(i % nodes.size()), buyerAndId[0], buyerAndId[1], sale) ? 1 : 0;
        }
        JsonNode event = nodes.get(0).call("GET", "admin", "/api/seckill/events/" + sale.eventId(), null).json();
        long stock = nodes.get(nodes.size() - 1).call("GET", "admin", "/api/items/" + sale.itemId(), null).json()
                .path("stock").asLong();
        expect(event.path("sold").asLong() == succeeded && event.path("remaining").asLong() == sale.units() - succeeded
                && stock == sale.units() - succeeded, "oversold", "sale " + event + ", item stock " + stock
                + ", attempts SUCCEEDED " + succeeded);
        figures.add("seckill: " + world.buyers.size() + " buyers for " + sale.units() + " units: " + accepted.size()
                + " accepted, " + succeeded + " SUCCEEDED, sold " + event.path("sold").asLong() + ", item stock "
                + stock);
    }

    /** The attempt leaves PENDING within 60 s, SUCCEEDED with one order of the sale's item and one process. */
    private boolean settled(ApiClient node, String buyer, String attemptId, World.Sale sale) {
        Instant until = Instant.now().plusSeconds(60);
        JsonNode attempt = node.call("GET", buyer, "/api/seckill/attempts/" + attemptId, null).json();
        while ("PENDING".equals(attempt.path("status").asText()) && Instant.now().isBefore(until)) {
            pause(200);
            attempt = node.call("GET", buyer, "/api/seckill/attempts/" + attemptId, null).json();
        }
        String orderNo = attempt.path("orderNo").asText(null);
        boolean succeeded = "SUCCEEDED".equals(attempt.path("status").asText()) && orderNo != null;
        expect(succeeded, "seckill", buyer + "'s attempt " + attemptId + " ended " + attempt);
        if (succeeded) {
            JsonNode order = node.call("GET", buyer, "/api/orders/" + orderNo, null).json();
            expect(order.path("itemId").asLong() == sale.itemId(), "seckill", "order of " + attemptId + ": " + order);
            expect(history(node, "seckill", attemptId) == 1 && history(node, "order", orderNo) == 1, "job once",
                    attemptId + ": seckill processes " + history(node, "seckill", attemptId) + ", order processes "
                            + history(node, "order", orderNo));
        }
        return succeeded;
    }

    static long history(ApiClient node, String processKey, String businessKey) {
        return node.call("GET", "admin", "/engine-rest/history/process-instance/count?processDefinitionKey="
                + processKey + "&processInstanceBusinessKey=" + businessKey, null).json().path("count").asLong(-1);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
