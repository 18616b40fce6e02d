package io.clipflow.seckill;

import java.util.List;

import io.clipflow.idempotency.KeySpendingScripts;

/**
 * Where seckill keeps its state in Redis. Per event: a hash {@code event:<id>} (itemId, stock, remaining,
 * startsAt, endsAt in epoch ms), the set of buyers holding a unit, and the set of attempts holding one. Per
 * attempt: a hash (eventId, itemId, buyer, status, orderNo | reason). Accepted attempts wait in one stream for
 * the order process. The accept script touches a token, an event and an attempt in one step, so these keys must
 * live on one Redis node (standalone or Sentinel; under Cluster the token would have to be spent in a step of
 * its own).
 */
final class SeckillKeys {

    static final String PREFIX = "clipflow:seckill:";
    static final String ATTEMPT_STREAM = PREFIX + "attempts";
    static final String DRAINERS = "seckill-drainers";

    private SeckillKeys() {
    }

    static String event(long eventId) {
        return PREFIX + "event:" + eventId;
    }

    static String buyers(long eventId) {
        return event(eventId) + ":buyers";
    }

    static String held(long eventId) {
        return event(eventId) + ":held";
    }

    static String attempt(String attemptId) {
        return PREFIX + "attempt:" + attemptId;
    }

    static String token(String token) {
        return KeySpendingScripts.redisKey(token);
    }

    /** The event's three keys, in the order the scripts expect them after their own first keys. */
    static List<String> eventKeys(long eventId) {
        return List.of(event(eventId), buyers(eventId), held(eventId));
    }

    /** An attempt id names its event ({@code <eventId>-<random>}), so its order's source says which sale it was. */
    static long eventOf(String attemptId) {
        int dash = attemptId.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("Not an attempt id: " + attemptId);
        }
        return Long.parseLong(attemptId.substring(0, dash));
    }

    /** The order source of an attempt, and the prefix shared by all of one event's. */
    static String orderSource(String attemptId) {
        return "seckill:" + attemptId;
    }

    static String orderSourcePrefix(long eventId) {
        return "seckill:" + eventId + "-";
    }
}
