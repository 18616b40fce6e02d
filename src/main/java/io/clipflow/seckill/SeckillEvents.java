package io.clipflow.seckill;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.clipflow.catalogue.Item;
import io.clipflow.catalogue.Items;
import io.clipflow.platform.GeneratedIds;
import io.clipflow.platform.LuaScripts;
import io.clipflow.platform.Problems;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seckill events: the row in {@code seckill_event} is the durable definition; the stock and window are loaded
 * into Redis, where the accept path reads them without SQL.
 */
@Component
class SeckillEvents {

    private static final String COLUMNS = "id, item_id, stock, starts_at, ends_at";

    private final JdbcClient jdbc;
    private final Items items;
    private final StringRedisTemplate redis;
    private final RedisScript<Long> load = LuaScripts.load(SeckillEvents.class, "load-event.lua",
            Long.class);

    SeckillEvents(JdbcClient clipflowJdbc, Items items, StringRedisTemplate redis) {
        this.jdbc = clipflowJdbc;
        this.items = items;
        this.redis = redis;
    }

    /**
     * Creates the event and loads it into Redis in the same transaction: if Redis cannot take it, no event
     * exists. The event cannot sell more than the item has in stock now.
     */
    @Transactional
    SeckillEvent create(long itemId, int stock, OffsetDateTime startsAt, OffsetDateTime endsAt, String by) {
        if (!endsAt.isAfter(startsAt)) {
            throw Problems.badRequest("endsAt must be after startsAt");
        }
        Item item = items.find(itemId).orElseThrow(() -> Problems.unprocessable("UNKNOWN_ITEM",
                "Item " + itemId + " does not exist"));
        if (stock > item.stock()) {
            throw Problems.unprocessable("NOT_ENOUGH_STOCK",
                    "Item " + itemId + " has " + item.stock() + " in stock, the event asks for " + stock);
        }
        long id = GeneratedIds.insert(jdbc, "seckill_event",
                List.of("item_id", "stock", "starts_at", "ends_at", "created_by", "created_at"),
                itemId, stock, startsAt, endsAt, by, OffsetDateTime.now(ZoneOffset.UTC));
        SeckillEvent event = new SeckillEvent(id, itemId, stock, startsAt, endsAt);
        redis.execute(load, List.of(SeckillKeys.event(event.id())), String.valueOf(itemId), String.valueOf(stock),
                String.valueOf(startsAt.toInstant().toEpochMilli()), String.valueOf(endsAt.toInstant().toEpochMilli()));
        drained(event.id());
        return event;
    }

    /**
     * Names the event among those whose attempt streams the nodes drain ({@link SeckillKeys#EVENTS}). A step of its
     * own (the set spans events, so it lives in no event's slot); the reconciliation names every recent event
     * again, should Redis have lost the set.
     */
    void drained(long eventId) {
        redis.opsForSet().add(SeckillKeys.EVENTS, String.valueOf(eventId));
    }

    /** Names the event again, should Redis have lost it, unless it is over and nothing waits in its stream. */
    void drainedAgain(SeckillEvent event) {
        Long waiting = redis.opsForStream().size(SeckillKeys.attempts(event.id()));
        if (event.endsAt().toInstant().isAfter(Instant.now()) || waiting != null && waiting > 0) {
            drained(event.id());
        }
    }

    /** Whether the event exists: Redis knows it, or else the database does. */
    boolean exists(long id) {
        return Boolean.TRUE.equals(redis.hasKey(SeckillKeys.event(id))) || find(id).isPresent();
    }

    Optional<SeckillEvent> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seckill_event WHERE id = ?").param(id)
                .query(SeckillEvents::map).optional();
    }

    /** Events that end after {@code after}, soonest first. */
    List<SeckillEvent> endingAfter(OffsetDateTime after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seckill_event WHERE ends_at > ? ORDER BY starts_at, id LIMIT ?")
                .params(after, limit).query(SeckillEvents::map).list();
    }

    /** Units left in Redis, or -1 if Redis does not know the event (the reconciliation job reloads it). */
    long remaining(long eventId) {
        Object value = redis.opsForHash().get(SeckillKeys.event(eventId), "remaining");
        return value == null ? -1 : Long.parseLong(value.toString());
    }

    private static SeckillEvent map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SeckillEvent(rs.getLong("id"), rs.getLong("item_id"), rs.getInt("stock"),
                rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class));
    }
}
