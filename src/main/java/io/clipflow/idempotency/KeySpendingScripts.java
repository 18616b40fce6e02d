package io.clipflow.idempotency;

import io.clipflow.platform.LuaScripts;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * For another feature's Lua script that must spend a one-time key in the same atomic step as its own work (the
 * seckill accept path: one script, one round trip). {@link #load} puts this module's key functions
 * ({@code spend-key.lua}: {@code idempotency_key.check} and {@code idempotency_key.spend}) ahead of the script's own
 * text, and the script names the key in its KEYS by {@link #redisKey}. How a key is stored stays this module's: the
 * script only says whose key it expects, what its request's fingerprint is, and which answer to keep for replays.
 */
public final class KeySpendingScripts {

    private static final String KEY_FUNCTIONS = LuaScripts.text(KeySpendingScripts.class, "spend-key.lua");

    private KeySpendingScripts() {
    }

    /** {@code name}, beside {@code owner}'s package, with the key functions ahead of it: still one script. */
    public static <T> RedisScript<T> load(Class<?> owner, String name, Class<T> resultType) {
        return RedisScript.of(KEY_FUNCTIONS + "\n" + LuaScripts.text(owner, name), resultType);
    }

    /** The Redis key of {@code token}, for the KEYS of a script that spends it. */
    public static String redisKey(String token) {
        return IdempotencyKeys.KEY_PREFIX + token;
    }
}
