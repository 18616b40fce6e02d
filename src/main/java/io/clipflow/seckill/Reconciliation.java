package io.clipflow.seckill;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clipflow.platform.LuaScripts;
import io.clipflow.order.Order;
import io.clipflow.order.OrderBook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares each event's units in Redis with its orders in the database and repairs Redis: after the dust
 * settles, remaining + units held (orders and attempts still being ordered) = stock. Redis and the database can
 * drift apart when Redis loses writes (a failover, a flush), someone edits keys by hand, or a node dies between
 * an order's commit and the Redis write after it; the database's orders are the truth for the units they hold.
 * Attempts are settled first: one still PENDING whose order exists is marked SUCCEEDED (its node died before
 * the mark), one marked SUCCEEDED whose order the database does not have is FAILED and its unit goes back on
 * sale (the order's commit was lost). A PENDING attempt without an order is in flight and left alone. Drift
 * found is logged and counted in {@code clipflow.seckill.drift}. Runs shortly after start and then on a
 * schedule for events not long over, and on demand for one event.
 */
@Component
class Reconciliation {

    /**
     * @param redisRemaining what Redis said was left once the attempts were settled (-1: Redis had lost the event,
     *                       now reloaded)
     * @param remaining      what is left now
     * @param orders         the event's orders in the database
     * @param held           units held in Redis now (orders + attempts still pending)
     * @param drift          {@code redisRemaining - remaining}: positive means Redis would have oversold
     * @param missingHolds   orders Redis did not count as holding a unit, and now does
     * @param missingBuyers  buyers with an order that Redis did not know, and now does
     * @param pendingWithOrder attempts still PENDING whose order was in the database, now SUCCEEDED
     * @param succeededWithoutOrder attempts marked SUCCEEDED whose order the database does not have, now FAILED
     *                       with their units back on sale
     */
    @Schema(example = "{\"eventId\": 7, \"redisRemaining\": 58, \"remaining\": 58, \"orders\": 42, \"held\": 42, "
            + "\"drift\": 0, \"missingHolds\": 0, \"missingBuyers\": 0, \"pendingWithOrder\": 0, "
            + "\"succeededWithoutOrder\": 0}")
    record Report(long eventId, long redisRemaining, long remaining, int orders, long held, long drift,
            long missingHolds, long missingBuyers, long pendingWithOrder, long succeededWithoutOrder) {

        boolean drifted() {
            return drift != 0 || missingHolds != 0 || missingBuyers != 0 || pendingWithOrder != 0
                    || succeededWithoutOrder != 0;
        }

        long units() {
            return Math.abs(drift) + missingHolds + missingBuyers + pendingWithOrder + succeededWithoutOrder;
        }
    }

    /** An attempt's order was lost: the attempt FAILS with this reason. */
    static final String ORDER_LOST = "order lost";

    /** What settling the attempts found, and the orders as read last. */
    private record Settled(List<Order> orders, long pendingWithOrder, long succeededWithoutOrder) {
    }

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final StringRedisTemplate redis;
    private final OrderBook orderBook;
    private final SeckillEvents events;
    private final Attempts attempts;
    private final SeckillProperties properties;
    private final Counter drift;
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> script = LuaScripts.load(Reconciliation.class, "reconcile.lua", List.class);

    Reconciliation(StringRedisTemplate redis, OrderBook orderBook, SeckillEvents events, Attempts attempts,
            SeckillProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.orderBook = orderBook;
        this.events = events;
        this.attempts = attempts;
        this.properties = properties;
        this.drift = Counter.builder("clipflow.seckill.drift").baseUnit("units")
                .description("Units by which Redis disagreed with the orders in the database, repaired")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${clipflow.seckill.reconcile-interval:PT1M}",
            initialDelayString = "${clipflow.seckill.reconcile-after-start:PT5S}")
    void reconcileRecentEvents() {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minus(properties.reconcileWindow());
        for (SeckillEvent event : events.endingAfter(since, 1000)) {
            try {
                reconcile(event);
            }
            catch (RuntimeException ex) {
                log.warn("Reconciling seckill event {} failed, will retry: {}", event.id(), ex.getMessage());
            }
        }
    }

    Report reconcile(SeckillEvent event) {
        events.drainedAgain(event);
        Settled settled = settleAttempts(event.id(), orderBook.placedFor(SeckillKeys.orderSourcePrefix(event.id())));
        List<Order> orders = settled.orders();
        List<String> args = new ArrayList<>(List.of(String.valueOf(event.itemId()), String.valueOf(event.stock()),
                String.valueOf(event.startsAt().toInstant().toEpochMilli()),
                String.valueOf(event.endsAt().toInstant().toEpochMilli())));
        for (Order order : orders) {
            args.add(attemptOf(order));
            args.add(order.buyer());
        }
        List<?> reply = redis.execute(script, SeckillKeys.eventKeys(event.id()), args.toArray());
        long before = number(reply.get(0));
        long now = number(reply.get(1));
        long difference = before < 0 ? 0 : before - now;
        Report report = new Report(event.id(), before, now, orders.size(), number(reply.get(2)), difference,
                number(reply.get(3)), number(reply.get(4)), settled.pendingWithOrder(),
                settled.succeededWithoutOrder());
        if (report.drifted() || before < 0) {
            drift.increment(report.units());
            log.warn("Seckill event {} drifted and was repaired: {}", event.id(), report);
        }
        else {
            log.debug("Seckill event {} reconciled, no drift: {}", event.id(), report);
        }
        return report;
    }

    /**
     * Puts the status of the event's attempts in line with its orders. Only attempts that hold a unit or have an
     * order are looked at; a PENDING one without an order is in flight and is not touched.
     */
    private Settled settleAttempts(long eventId, List<Order> orders) {
        Map<String, Order> ordered = byAttempt(orders);
        Set<String> ids = new HashSet<>(ordered.keySet());
        Set<String> held = redis.opsForSet().members(SeckillKeys.held(eventId));
        if (held != null) {
            ids.addAll(held);
        }
        Map<String, Attempts.Attempt> found = attempts.findAll(ids);
        long pendingWithOrder = 0;
        for (Order order : orders) {
            Attempts.Attempt attempt = found.get(attemptOf(order));
            // the node died between the order's commit and the mark after it (or the mark is a moment away:
            // marking it here is the same mark, made once)
            if (attempt != null && attempt.status() == Attempts.Status.PENDING
                    && attempts.markSucceeded(attempt.attemptId(), order.orderNo())) {
                pendingWithOrder++;
            }
        }
        List<Attempts.Attempt> unbacked = found.values().stream()
                .filter(attempt -> attempt.status() == Attempts.Status.SUCCEEDED)
                .filter(attempt -> !ordered.containsKey(attempt.attemptId())).toList();
        if (unbacked.isEmpty()) {
            return new Settled(orders, pendingWithOrder, 0);
        }
        // An attempt is marked SUCCEEDED only after its order committed, but perhaps after the orders above were
        // read: read them again now, so that only an order the database really does not have counts as lost.
        List<Order> now = orderBook.placedFor(SeckillKeys.orderSourcePrefix(eventId));
        Map<String, Order> orderedNow = byAttempt(now);
        long lost = 0;
        for (Attempts.Attempt attempt : unbacked) {
            if (!orderedNow.containsKey(attempt.attemptId())
                    && attempts.markLost(attempt.attemptId(), attempt.orderNo(), ORDER_LOST)) {
                lost++;
                log.warn("Seckill attempt {} was SUCCEEDED with order {} that the database does not have: FAILED, "
                        + "its unit is back on sale", attempt.attemptId(), attempt.orderNo());
            }
        }
        return new Settled(now, pendingWithOrder, lost);
    }

    private static Map<String, Order> byAttempt(List<Order> orders) {
        Map<String, Order> byAttempt = new HashMap<>();
        orders.forEach(order -> byAttempt.put(attemptOf(order), order));
        return byAttempt;
    }

    private static String attemptOf(Order order) {
        return order.source().substring("seckill:".length());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
