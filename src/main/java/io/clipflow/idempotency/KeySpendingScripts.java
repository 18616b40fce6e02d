package io.clipflow.idempotency;

import io.clipflow.platform.LuaScripts;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * For another feature's Lua script that must spend a one-time key in the same atomic step as its own work (the
 * seckill accept path: one script, one round trip). {@link #load} puts this module's key functions
 * ({@code spend-key.lua}: {@code idempotency_key.check} and {@code idempotency_key.spend}) ahead of the script's own
 * text, and the script names the key in its KEYS by {@link #redisKey}. How a key is stored stays this module's: the
 * script only says whose key it expects, what its request's fingerprint is, and which answer to keep for replays.
 *
 * <p>A script's keys must share one Redis Cluster hash slot: such a script takes only a key issued with its own
 * keys' hash tag ({@link IdempotencyKeys#issue(String, String)}; {@link #livesWith} tells), and a request with any
 * other key goes the order API's way ({@link IdempotentRequests}: claim, act, complete).
 */
public final class KeySpendingScripts {

    private static final String KEY_FUNCTIONS = LuaScripts.text(KeySpendingScripts.class, "spend-key.lua");

    private KeySpendingScripts() {
    }

    /**
     * The scripts {@code names}, beside {@code owner}'s package, one after the other with the key functions ahead
     * of them: still one script.
     */
    public static <T> RedisScript<T> load(Class<?> owner, Class<T> resultType, String... names) {
        StringBuilder script = new StringBuilder(KEY_FUNCTIONS);
        for (String name : names) {
            script.append('\n').append(LuaScripts.text(owner, name));
        }
        return RedisScript.of(script.toString(), resultType);
    }

    /** The Redis key of {@code token}, for the KEYS of a script that spends it. */
    public static String redisKey(String token) {
        return IdempotencyKeys.redisKey(token);
    }

    /** Whether {@code token} was issued with the hash tag {@code slotTag}, i.e. lives in its keys' slot. */
    public static boolean livesWith(String token, String slotTag) {
        return slotTag.equals(IdempotencyKeys.slotTag(token));
    }
}
