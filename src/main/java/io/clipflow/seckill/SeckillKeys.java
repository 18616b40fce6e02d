package io.clipflow.seckill;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.clipflow.idempotency.KeySpendingScripts;

/**
 * Where seckill keeps its state in Redis. Per event: a hash (itemId, stock, remaining, startsAt, endsAt in epoch
 * ms), the set of buyers holding a unit, the set of attempts holding one, and the stream of accepted attempts
 * waiting for the order process. Per attempt: a hash (eventId, itemId, buyer, status, orderNo | reason). The set
 * {@link #EVENTS} names the events whose streams the nodes drain.
 *
 * <p>Every key of one event, its attempts' included, carries the hash tag {@code {seckill-<eventId>}} ({@link
 * #slotTag}), so under Redis Cluster they share one slot and any script may touch any of them. The accept script
 * also spends the buyer's token: a token issued for the event carries the same tag (the idempotency module puts it
 * into the token's key), so one script spends it and takes the unit. An attempt id starts with its event's id,
 * which is how an attempt's key finds its tag.
 */
final class SeckillKeys {

    static final String PREFIX = "clipflow:seckill:";
    /** Ids of the events whose attempt streams are drained (a key of its own: it spans events). */
    static final String EVENTS = PREFIX + "events";
    static final String DRAINERS = "seckill-drainers";
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private SeckillKeys() {
    }

    /** The hash tag of everything of {@code eventId}, and of the tokens issued for it. */
    static String slotTag(long eventId) {
        return "seckill-" + eventId;
    }

    static String event(long eventId) {
        return of(eventId) + "event";
    }

    static String buyers(long eventId) {
        return of(eventId) + "buyers";
    }

    static String held(long eventId) {
        return of(eventId) + "held";
    }

    /** The stream of the event's accepted attempts waiting for their order process. */
    static String attempts(long eventId) {
        return of(eventId) + "attempts";
    }

    /** @throws IllegalArgumentException if {@code attemptId} is not an attempt id */
    static String attempt(String attemptId) {
        return of(eventOf(attemptId)) + "attempt:" + attemptId;
    }

    /** Whether {@code token} was issued for {@code eventId}: its key is in the event's slot. */
    static boolean spendableAt(String token, long eventId) {
        return KeySpendingScripts.livesWith(token, slotTag(eventId));
    }

    static String token(String token) {
        return KeySpendingScripts.redisKey(token);
    }

    /** The event's three keys, in the order the scripts expect them after their own first keys. */
    static List<String> eventKeys(long eventId) {
        return List.of(event(eventId), buyers(eventId), held(eventId));
    }

    /** What taking a unit touches: the event's keys, the new attempt and the event's stream (take-unit.lua). */
    static List<String> unitKeys(long eventId, String attemptId) {
        return List.of(event(eventId), buyers(eventId), held(eventId), attempt(attemptId), attempts(eventId));
    }

    /** A new attempt id: unique, not secret (an attempt is shown only to its buyer, whoever knows its id). */
    static String newAttemptId(long eventId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return eventId + "-" + new String(id);
    }

    /** An attempt id names its event ({@code <eventId>-<random>}), so its order's source says which sale it was. */
    static long eventOf(String attemptId) {
        int dash = attemptId.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("Not an attempt id: " + attemptId);
        }
        return Long.parseLong(attemptId.substring(0, dash));
    }

    /** Whether {@code id} has an attempt id's form (a path variable may be anything). */
    static boolean isAttemptId(String id) {
        int dash = id.indexOf('-');
        return dash > 0 && dash <= 18 && id.substring(0, dash).chars().allMatch(Character::isDigit);
    }

    /** The order source of an attempt, and the prefix shared by all of one event's. */
    static String orderSource(String attemptId) {
        return "seckill:" + attemptId;
    }

    static String orderSourcePrefix(long eventId) {
        return "seckill:" + eventId + "-";
    }

    private static String of(long eventId) {
        return PREFIX + "{" + slotTag(eventId) + "}:";
    }
}
