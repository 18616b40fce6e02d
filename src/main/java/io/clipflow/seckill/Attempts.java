package io.clipflow.seckill;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.clipflow.idempotency.KeySpendingScripts;
import io.clipflow.platform.LuaScripts;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Seckill attempts in Redis: taking a unit (one Lua script, one round trip, no SQL), and the attempt's life
 * after that: {@code PENDING} until the order process places the order ({@code SUCCEEDED}) or gives up
 * ({@code FAILED}, the unit back on sale).
 */
@Component
class Attempts {

    enum Outcome {
        ACCEPTED, NOT_OPEN, CLOSED, ALREADY_PURCHASED, SOLD_OUT, UNKNOWN_EVENT, MISMATCH, INVALID
    }

    /** What the accept script decided; {@code replayed} if the token had decided it before. */
    record Decision(Outcome outcome, String attemptId, boolean replayed) {
    }

    enum Status {
        PENDING, SUCCEEDED, FAILED
    }

    record Attempt(String attemptId, long eventId, long itemId, String buyer, Status status, String orderNo,
            String reason) {
    }

    private final StringRedisTemplate redis;
    private final ReactiveStringRedisTemplate replies;
    private final SeckillProperties properties;
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> attempt = KeySpendingScripts.load(Attempts.class, List.class, "take-unit.lua",
            "attempt.lua");
    private final RedisScript<String> take = RedisScript.of(
            LuaScripts.text(Attempts.class, "take-unit.lua") + "\n" + LuaScripts.text(Attempts.class, "take.lua"),
            String.class);
    private final RedisScript<Long> succeed = script("succeed.lua", Long.class);
    private final RedisScript<Long> fail = script("fail.lua", Long.class);
    private final RedisScript<Long> lose = script("lose.lua", Long.class);

    Attempts(StringRedisTemplate redis, ReactiveStringRedisTemplate replies, SeckillProperties properties) {
        this.redis = redis;
        this.replies = replies;
        this.properties = properties;
    }

    /**
     * Spends {@code token} on one attempt of {@code buyer} at {@code eventId}: one atomic Redis step, the token spent
     * by the idempotency module's functions composed into the same script. Only a token issued for the event
     * ({@link SeckillKeys#spendableAt}): its key shares the event's hash slot. Completes on Redis's reply, on the
     * client's I/O thread: nothing waits for it ({@code AttemptController} answers from there).
     */
    CompletableFuture<Decision> attempt(long eventId, String buyer, String token) {
        if (!SeckillKeys.spendableAt(token, eventId)) {
            throw new IllegalArgumentException("A token not issued for event " + eventId + " is spent on its own");
        }
        String attemptId = SeckillKeys.newAttemptId(eventId);
        List<String> keys = new ArrayList<>(6);
        keys.add(SeckillKeys.token(token));
        keys.addAll(SeckillKeys.unitKeys(eventId, attemptId));
        return replies.execute(attempt, keys, List.of(buyer, fingerprint(eventId), attemptId,
                String.valueOf(properties.replayTtl().toMillis()),
                String.valueOf(properties.attemptTtl().toMillis()), String.valueOf(eventId)))
                .next().map(Attempts::decision).toFuture();
    }

    private static Decision decision(List<?> reply) {
        String first = String.valueOf(reply.get(0));
        if (first.equals("REPLAY")) {
            return new Decision(Outcome.valueOf(String.valueOf(reply.get(1))), emptyToNull(reply.get(2)), true);
        }
        return new Decision(Outcome.valueOf(first), reply.size() > 1 ? emptyToNull(reply.get(1)) : null, false);
    }

    /**
     * Takes a unit for {@code buyer} at {@code eventId} without a token: the caller holds one it claimed in a step
     * of its own. The attempt id is set only if {@link Outcome#ACCEPTED}.
     */
    Decision take(long eventId, String buyer) {
        String attemptId = SeckillKeys.newAttemptId(eventId);
        Outcome outcome = Outcome.valueOf(answered(() -> redis.execute(take, SeckillKeys.unitKeys(eventId, attemptId),
                buyer, attemptId, String.valueOf(properties.attemptTtl().toMillis()), String.valueOf(eventId))));
        return new Decision(outcome, outcome == Outcome.ACCEPTED ? attemptId : null, false);
    }

    Optional<Attempt> find(String attemptId) {
        if (!SeckillKeys.isAttemptId(attemptId)) {
            return Optional.empty();
        }
        return attempt(attemptId, redis.opsForHash().entries(SeckillKeys.attempt(attemptId)));
    }

    /** The attempts among {@code attemptIds} that still exist, read in one round trip. */
    Map<String, Attempt> findAll(Collection<String> attemptIds) {
        List<String> ids = List.copyOf(attemptIds);
        List<Object> hashes = redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) {
                ids.forEach(id -> operations.opsForHash().entries((K) SeckillKeys.attempt(id)));
                return null;
            }
        });
        Map<String, Attempt> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> hash = (Map<Object, Object>) hashes.get(i);
            attempt(ids.get(i), hash).ifPresent(attempt -> found.put(attempt.attemptId(), attempt));
        }
        return found;
    }

    /** PENDING → SUCCEEDED; false if the attempt is not pending (already marked, or failed and released). */
    boolean markSucceeded(String attemptId, String orderNo) {
        return redis.execute(succeed, List.of(SeckillKeys.attempt(attemptId)), orderNo) == 1L;
    }

    /** PENDING → FAILED, and its unit and buyer slot back on sale, once; false if it was not pending. */
    boolean markFailed(String attemptId, String reason) {
        long eventId = SeckillKeys.eventOf(attemptId);
        List<String> keys = new ArrayList<>();
        keys.add(SeckillKeys.attempt(attemptId));
        keys.addAll(SeckillKeys.eventKeys(eventId));
        return redis.execute(fail, keys, attemptId, reason) == 1L;
    }

    /**
     * SUCCEEDED with {@code orderNo} → FAILED with the reason, and its unit and buyer slot back on sale, once: the
     * database has no such order, so nothing was sold. False if the attempt no longer names that order.
     */
    boolean markLost(String attemptId, String orderNo, String reason) {
        List<String> keys = new ArrayList<>();
        keys.add(SeckillKeys.attempt(attemptId));
        keys.addAll(SeckillKeys.eventKeys(SeckillKeys.eventOf(attemptId)));
        return redis.execute(lose, keys, attemptId, orderNo, reason) == 1L;
    }

    private static Optional<Attempt> attempt(String attemptId, Map<Object, Object> hash) {
        if (hash == null || hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Attempt(attemptId, Long.parseLong((String) hash.get("eventId")),
                Long.parseLong((String) hash.get("itemId")), (String) hash.get("buyer"),
                Status.valueOf((String) hash.get("status")), (String) hash.get("orderNo"),
                (String) hash.get("reason")));
    }

    /** The same token on another event is another request (422 reused), on this one a replay. */
    private static String fingerprint(long eventId) {
        return "seckill:" + eventId;
    }

    /** A Redis that does not answer in time is as unavailable as one that refuses the connection (503). */
    private static <T> T answered(Supplier<T> redisCall) {
        try {
            return redisCall.get();
        }
        catch (QueryTimeoutException ex) {
            throw new RedisConnectionFailureException("Redis did not answer in time", ex);
        }
    }

    private static String emptyToNull(Object value) {
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    private static <T> RedisScript<T> script(String name, Class<T> type) {
        return LuaScripts.load(Attempts.class, name, type);
    }
}
