package io.clipflow.seckill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.clipflow.RedisTestServer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A redis-server of a test's own (so no app's drainer reads its attempts) with the seckill scripts' callers
 * around it, and small factories for events and tokens.
 */
final class SeckillRedisFixture implements AutoCloseable {

    private static final AtomicLong eventIds = new AtomicLong(900_000);

    final RedisTestServer server = RedisTestServer.startOnFreePort();
    final LettuceConnectionFactory connections;
    final StringRedisTemplate redis;
    final Attempts attempts;

    SeckillRedisFixture() {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", server.port()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
        attempts = new Attempts(redis, new ReactiveStringRedisTemplate(connections), properties());
    }

    static SeckillProperties properties() {
        return new SeckillProperties("R3/PT1S", Duration.ofMillis(100), 100, Duration.ofSeconds(15),
                Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24),
                Duration.ofDays(7));
    }

    /** A sale of {@code stock} units of item 7 open from {@code startsAt} to {@code endsAt}. */
    long event(int stock, Instant startsAt, Instant endsAt) {
        long id = eventIds.incrementAndGet();
        redis.execute(RedisScript.of(new ClassPathResource("io/clipflow/seckill/load-event.lua"), Long.class),
                List.of(SeckillKeys.event(id)), "7", String.valueOf(stock),
                String.valueOf(startsAt.toEpochMilli()), String.valueOf(endsAt.toEpochMilli()));
        return id;
    }

    long openEvent(int stock) {
        return event(stock, Instant.now().minusSeconds(60), Instant.now().plusSeconds(600));
    }

    /** A NEW one-time token of {@code owner} for {@code eventId}, as {@code POST /api/seckill/events/{id}/tokens} issues it. */
    String token(String owner, long eventId) {
        String token = SeckillKeys.slotTag(eventId) + "." + UUID.randomUUID();
        redis.opsForHash().putAll(SeckillKeys.token(token), java.util.Map.of("owner", owner, "state", "NEW",
                "expiresAt", String.valueOf(System.currentTimeMillis() + 60_000)));
        redis.expire(SeckillKeys.token(token), Duration.ofMinutes(1));
        return token;
    }

    long remaining(long eventId) {
        return Long.parseLong((String) redis.opsForHash().get(SeckillKeys.event(eventId), "remaining"));
    }

    @Override
    public void close() {
        connections.destroy();
        server.stop();
    }
}
