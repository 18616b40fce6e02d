package io.clipflow.seckill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts beside this package, read ONCE. {@code RedisScript.of(Resource)} would check the resource's
 * modification time on every call, under a lock shared by all request threads (inside the fat jar that opens
 * the jar entry each time). See docs/benchmarks-seckill.md.
 */
final class SeckillScripts {

    private SeckillScripts() {
    }

    static <T> RedisScript<T> load(String name, Class<T> type) {
        try {
            return RedisScript.of(new ClassPathResource("io/clipflow/seckill/" + name)
                    .getContentAsString(StandardCharsets.UTF_8), type);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Lua script " + name + " is missing", ex);
        }
    }
}
