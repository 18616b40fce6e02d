package io.clipflow.publish;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipflow.platform.LuaScripts;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Feed pages cached in Redis under a generation number. Approving a video bumps the generation, so every
 * node's next read misses and no page read before the approval can be served after it (a reader still holding
 * the old generation writes under the old key nobody asks for). Old pages expire by their TTL. When Redis is
 * unreachable the feed is read from the database, slower but correct.
 */
@Component
class FeedCache {

    /** Page keys extend it, so the hash tag keeps them in one Redis Cluster slot with it. */
    static final String GENERATION_KEY = "{clipflow:feed}:generation";
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ = LuaScripts.load(FeedCache.class, "feed-page.lua", List.class);
    private static final Logger log = LoggerFactory.getLogger(FeedCache.class);
    private static final TypeReference<List<FeedItem>> PAGE = new TypeReference<>() {
    };

    @Schema(example = "{\"code\": \"V7Q2XK9M4T\", \"title\": \"Street food tour\", \"description\": \"Night market\", "
            + "\"videoUrl\": \"https://videos.example/food.mp4\", \"creator\": \"creator1\", "
            + "\"createdAt\": \"2030-01-01T10:00:00Z\"}")
    record FeedItem(String code, String title, String description, String videoUrl, String creator,
            java.time.OffsetDateTime createdAt) {
    }

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Duration ttl;

    FeedCache(StringRedisTemplate redis, ObjectMapper json, @Value("${clipflow.feed.cache-ttl:PT1M}") Duration ttl) {
        this.redis = redis;
        this.json = json;
        this.ttl = ttl;
    }

    List<FeedItem> page(int page, int size, Supplier<List<FeedItem>> database) {
        String key;
        try {
            List<?> reply = redis.execute(READ, List.of(GENERATION_KEY), String.valueOf(page), String.valueOf(size));
            key = GENERATION_KEY + ":" + reply.get(0) + ":" + page + ":" + size;
            if (reply.size() > 1 && reply.get(1) != null) {
                return json.readValue((String) reply.get(1), PAGE);
            }
        }
        catch (RuntimeException | JsonProcessingException ex) {
            log.warn("Feed cache unavailable, reading the database: {}", ex.getMessage());
            return database.get();
        }
        List<FeedItem> fresh = database.get();
        try {
            redis.opsForValue().set(key, json.writeValueAsString(fresh), ttl);
        }
        catch (RuntimeException | JsonProcessingException ex) {
            log.warn("Could not cache a feed page: {}", ex.getMessage());
        }
        return fresh;
    }

    /**
     * Once at start: an approval invalidates after its commit, and a node that died between the two never did,
     * so pages cached before it may leave the approved video out until they expire.
     */
    @EventListener(ApplicationReadyEvent.class)
    void invalidateAtStart() {
        invalidate();
    }

    /** Called after an approval has committed. */
    void invalidate() {
        try {
            redis.opsForValue().increment(GENERATION_KEY);
        }
        catch (RuntimeException ex) {
            log.warn("Could not invalidate the feed cache; pages expire within {}: {}", ttl, ex.getMessage());
        }
    }
}
