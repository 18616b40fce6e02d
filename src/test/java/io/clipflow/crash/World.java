package io.clipflow.crash;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;

/**
 * The fixtures the load works on, created through the API and engine REST as {@code admin}: an item with
 * plenty of stock for orders, the buyers, and one flash sale per cycle (a fresh item and event of a few units,
 * open for the whole run), so that every kill falls during a sale that still has stock.
 */
final class World {

    static final String CREATOR = "creator1";
    static final List<String> AUDITORS = List.of("auditor1", "auditor2", "auditor3");
    static final long ORDER_ITEM_STOCK = 1_000_000;
    static final long ORDER_ITEM_PRICE = 1999;

    /** One cycle's sale; {@code holders}: buyers whose attempt was accepted, so the load tries others. */
    record Sale(int cycle, long eventId, long itemId, int units, Set<String> holders) {
    }

    final long orderItemId;
    final List<String> buyers;
    final List<Sale> sales = new CopyOnWriteArrayList<>();
    private final int saleUnits;

    private World(long orderItemId, List<String> buyers, int saleUnits) {
        this.orderItemId = orderItemId;
        this.buyers = buyers;
        this.saleUnits = saleUnits;
    }

    static World create(ApiClient api, int buyerCount, int saleUnits) {
        // the demo users are created just after the web server answers: wait for admin to exist
        Awaitility.await("admin can sign in").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.call("GET", "admin", "/api/me", null).status() == 200);
        long item = id(expect(api.call("POST", "admin", "/api/items",
                Map.of("name", "Crash harness ring light", "priceCents", ORDER_ITEM_PRICE, "stock", ORDER_ITEM_STOCK)),
                201, "order item"));
        List<String> buyers = new ArrayList<>();
        for (int i = 1; i <= buyerCount; i++) {
            String id = String.format("crashbuyer%02d", i);
            expect(api.call("POST", "admin", "/engine-rest/user/create", Map.of(
                    "profile", Map.of("id", id, "firstName", "Crash", "lastName", "Buyer " + i,
                            "email", id + "@clipflow.example"),
                    "credentials", Map.of("password", id))), 204, "user " + id);
            expect(api.call("PUT", "admin", "/engine-rest/group/buyers/members/" + id, null), 204,
                    "membership of " + id);
            buyers.add(id);
        }
        return new World(item, List.copyOf(buyers), saleUnits);
    }

    /** A fresh item with exactly the sale's units, and an event selling them, open from now on. */
    Sale openSale(ApiClient api, int cycle) {
        long item = id(expect(api.call("POST", "admin", "/api/items",
                Map.of("name", "Crash sale " + cycle, "priceCents", 999, "stock", saleUnits)), 201, "sale item"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long event = id(expect(api.call("POST", "admin", "/api/seckill/events", Map.of("itemId", item,
                "stock", saleUnits, "startsAt", now.minusSeconds(5).toString(),
                "endsAt", now.plusHours(12).toString())), 201, "seckill event"));
        Sale sale = new Sale(cycle, event, item, saleUnits, ConcurrentHashMap.newKeySet());
        sales.add(sale);
        return sale;
    }

    Sale currentSale() {
        return sales.get(sales.size() - 1);
    }

    private static ApiClient.Answer expect(ApiClient.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException("creating " + what + ": expected " + status + ", got " + answer);
        }
        return answer;
    }

    private static long id(ApiClient.Answer answer) {
        return answer.json().path("id").asLong();
    }
}
