package io.clipflow.idempotency;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import io.clipflow.platform.LuaScripts;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * One-time idempotency keys ("tokens") kept in Redis, bound to the user they were issued to.
 *
 * <p>A key is a Redis hash {@code clipflow:idem:<token>} with {@code owner}, {@code state} (NEW, IN_FLIGHT,
 * DONE), {@code expiresAt}, and once claimed {@code fingerprint}, {@code claimedAt}, and once done
 * {@code status}, {@code contentType}, {@code location}, {@code body}. Every transition is one Lua script,
 * so one round trip decides it atomically however many requests carry the key at once. A Lua script of another
 * feature spends a NEW key in its own atomic step through this module's functions ({@link KeySpendingScripts}),
 * which leave it DONE with that script's answer in fields the script names (seckill: {@code seckillOutcome},
 * {@code attemptId}). Requests use keys through {@link IdempotentRequests}; this class's public face is issuing them.
 *
 * <p>Under Redis Cluster a script's keys must share one hash slot. A key spent alone lives wherever its random
 * token hashes. A key meant to be spent inside another feature's script is issued <em>with that script's hash
 * tag</em> ({@link #issue(String, String)}): the token is {@code <tag>.<random>} and its hash
 * {@code clipflow:idem:{<tag>}:<random>}, so it lands in the slot of the keys it is spent with.
 */
@Component
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyKeys {

    static final String KEY_PREFIX = "clipflow:idem:";
    /** Separates a token's hash tag from its random part; neither a tag nor base64url uses it. */
    static final char TAG_END = '.';

    @Schema(example = "{\"token\": \"{seckill-7}.Zk3q0b8mQ1uR2y7sV4wX9A\", \"expiresAt\": \"2030-01-01T10:30:00Z\"}")
    public record IssuedKey(String token, Instant expiresAt) {
    }

    /** What a request carrying the key may do: run ({@code CLAIMED}), or get an answer without running. */
    record Claim(Outcome outcome, StoredResponse stored) {
    }

    enum Outcome {
        /** this request runs (a RECLAIMED key, whose first request died, also claims). */
        CLAIMED,
        /** answered before: replay {@link Claim#stored()}. */
        REPLAY,
        /** the first request with this key is still running. */
        IN_FLIGHT,
        /** the key was used for a different request. */
        MISMATCH,
        /** unknown, expired, or issued to someone else. */
        INVALID
    }

    record StoredResponse(int status, String contentType, String location, String body) {
    }

    private static final SecureRandom random = new SecureRandom();

    private final StringRedisTemplate redis;
    private final IdempotencyProperties properties;
    private final RedisScript<Long> issue = script("issue-key.lua", Long.class);
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> claim = script("claim-key.lua", List.class);
    private final RedisScript<Long> complete = script("complete-key.lua", Long.class);
    private final RedisScript<Long> release = script("release-key.lua", Long.class);

    IdempotencyKeys(StringRedisTemplate redis, IdempotencyProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    public IssuedKey issue(String owner) {
        return issue(owner, properties.tokenTtl());
    }

    /**
     * A key to spend inside a script whose keys carry the hash tag {@code {slotTag}} (letters, digits, '-', '_'
     * and ':' only): it lives in their Redis Cluster slot.
     */
    public IssuedKey issue(String owner, String slotTag) {
        if (!slotTag.matches("[A-Za-z0-9_:-]{1,40}")) {
            throw new IllegalArgumentException("Not a hash tag for a key: " + slotTag);
        }
        return issue(slotTag + TAG_END, owner, properties.tokenTtl());
    }

    /** Package-private so tests can issue keys that expire quickly. */
    IssuedKey issue(String owner, Duration ttl) {
        return issue("", owner, ttl);
    }

    private IssuedKey issue(String tagPrefix, String owner, Duration ttl) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String token = tagPrefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Long expiresAt = call(() -> redis.execute(issue, List.of(redisKey(token)), owner,
                String.valueOf(ttl.toMillis())));
        return new IssuedKey(token, Instant.ofEpochMilli(expiresAt));
    }

    /**
     * The hash of {@code token}: {@code clipflow:idem:<token>} for an untagged one (the layout keys always had),
     * {@code clipflow:idem:{<tag>}:<random>} for one issued with a tag.
     */
    static String redisKey(String token) {
        int tagEnd = token.lastIndexOf(TAG_END);
        return tagEnd < 0 ? KEY_PREFIX + token
                : KEY_PREFIX + "{" + token.substring(0, tagEnd) + "}:" + token.substring(tagEnd + 1);
    }

    /** The hash tag {@code token} was issued with, or null for an untagged one. */
    static String slotTag(String token) {
        int tagEnd = token.lastIndexOf(TAG_END);
        return tagEnd < 0 ? null : token.substring(0, tagEnd);
    }

    Claim claim(String token, String caller, String fingerprint) {
        List<?> reply = call(() -> redis.execute(claim, List.of(redisKey(token)), caller, fingerprint,
                String.valueOf(properties.inFlightLease().toMillis()),
                String.valueOf(properties.responseTtl().toMillis())));
        return switch (String.valueOf(reply.get(0))) {
            case "CLAIMED", "RECLAIMED" -> new Claim(Outcome.CLAIMED, null);
            case "DONE" -> new Claim(Outcome.REPLAY, new StoredResponse(Integer.parseInt((String) reply.get(1)),
                    (String) reply.get(2), emptyToNull((String) reply.get(3)), (String) reply.get(4)));
            case "IN_FLIGHT" -> new Claim(Outcome.IN_FLIGHT, null);
            case "MISMATCH" -> new Claim(Outcome.MISMATCH, null);
            default -> new Claim(Outcome.INVALID, null);
        };
    }

    /** Stores the claimed request's response, replayed for {@link IdempotencyProperties#responseTtl()}. */
    boolean complete(String token, String fingerprint, StoredResponse response) {
        return call(() -> redis.execute(complete, List.of(redisKey(token)), fingerprint,
                String.valueOf(response.status()), response.contentType(),
                response.location() == null ? "" : response.location(), response.body(),
                String.valueOf(properties.responseTtl().toMillis()))) == 1L;
    }

    /** Makes a claimed key usable again: its request failed without changing anything. */
    boolean release(String token, String fingerprint) {
        return call(() -> redis.execute(release, List.of(redisKey(token)), fingerprint)) == 1L;
    }

    /** A Redis that does not answer in time is as unavailable as one that refuses the connection (503). */
    private static <T> T call(Supplier<T> redisCall) {
        try {
            return redisCall.get();
        }
        catch (QueryTimeoutException ex) {
            throw new RedisConnectionFailureException("Redis did not answer in time", ex);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static <T> RedisScript<T> script(String name, Class<T> type) {
        return LuaScripts.load(IdempotencyKeys.class, name, type);
    }
}
