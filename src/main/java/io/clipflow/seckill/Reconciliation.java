package io.clipflow.seckill;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.clipflow.platform.LuaScripts;
import io.clipflow.order.Order;
import io.clipflow.order.OrderBook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares each event's units in Redis with its orders in the database and repairs Redis: after the dust
 * settles, remaining + units held (orders and attempts still being ordered) = stock. Redis and the database can
 * drift apart when Redis loses writes (a failover, a flush) or someone edits keys by hand; the database's orders
 * are the truth for the units they hold. Drift found is logged and counted in {@code clipflow.seckill.drift}
 * (units, absolute). Runs on a schedule for events not long over, and on demand for one event.
 */
@Component
class Reconciliation {

    /**
     * @param redisRemaining what Redis said was left (-1: Redis had lost the event, now reloaded)
     * @param remaining      what is left now
     * @param orders         the event's orders in the database
     * @param held           units held in Redis now (orders + attempts still pending)
     * @param drift          {@code redisRemaining - remaining}: positive means Redis would have oversold
     * @param missingHolds   orders Redis did not count as holding a unit, and now does
     * @param missingBuyers  buyers with an order that Redis did not know, and now does
     */
    record Report(long eventId, long redisRemaining, long remaining, int orders, long held, long drift,
            long missingHolds, long missingBuyers) {

        boolean drifted() {
            return drift != 0 || missingHolds != 0 || missingBuyers != 0;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final StringRedisTemplate redis;
    private final OrderBook orderBook;
    private final SeckillEvents events;
    private final SeckillProperties properties;
    private final Counter drift;
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> script = LuaScripts.load(Reconciliation.class, "reconcile.lua", List.class);

    Reconciliation(StringRedisTemplate redis, OrderBook orderBook, SeckillEvents events,
            SeckillProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.orderBook = orderBook;
        this.events = events;
        this.properties = properties;
        this.drift = Counter.builder("clipflow.seckill.drift").baseUnit("units")
                .description("Units by which Redis disagreed with the orders in the database, repaired")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${clipflow.seckill.reconcile-interval:PT1M}",
            initialDelayString = "${clipflow.seckill.reconcile-interval:PT1M}")
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
        List<Order> orders = orderBook.placedFor(SeckillKeys.orderSourcePrefix(event.id()));
        List<String> args = new ArrayList<>(List.of(String.valueOf(event.itemId()), String.valueOf(event.stock()),
                String.valueOf(event.startsAt().toInstant().toEpochMilli()),
                String.valueOf(event.endsAt().toInstant().toEpochMilli())));
        for (Order order : orders) {
            args.add(order.source().substring("seckill:".length()));
            args.add(order.buyer());
        }
        List<?> reply = redis.execute(script, SeckillKeys.eventKeys(event.id()), args.toArray());
        long before = number(reply.get(0));
        long now = number(reply.get(1));
        long difference = before < 0 ? 0 : before - now;
        Report report = new Report(event.id(), before, now, orders.size(), number(reply.get(2)), difference,
                number(reply.get(3)), number(reply.get(4)));
        if (report.drifted() || before < 0) {
            drift.increment(Math.abs(difference) + report.missingHolds() + report.missingBuyers());
            log.warn("Seckill event {} drifted and was repaired: {}", event.id(), report);
        }
        else {
            log.debug("Seckill event {} reconciled, no drift: {}", event.id(), report);
        }
        return report;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
