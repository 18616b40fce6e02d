package io.clipflow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The one way features load their Lua scripts: a resource beside the feature's package, read ONCE.
 * {@code RedisScript.of(Resource)} and {@code DefaultRedisScript#setLocation} re-check the resource on every
 * call, under a lock shared by all request threads (inside the fat jar that opens the jar entry each time):
 * on the seckill accept path that lock cost more than the Redis round trip (docs/benchmarks.md).
 */
public final class LuaScripts {

    private LuaScripts() {
    }

    /** {@code name} is resolved relative to {@code owner}'s package, e.g. {@code attempt.lua}. */
    public static <T> RedisScript<T> load(Class<?> owner, String name, Class<T> resultType) {
        return RedisScript.of(text(owner, name), resultType);
    }

    /** The script's text, for a script composed of several (still one script, one round trip). */
    public static String text(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + name + " is missing beside " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Lua script " + name + " could not be read", ex);
        }
    }
}
