package io.clipflow.seckill;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One node's view of a Redis stream read by a consumer group: create the group once, take over entries other
 * consumers took but never acknowledged ({@code XPENDING}, {@code XCLAIM}), and acknowledge and delete handled
 * entries.
 */
class StreamClaims {

    private final StringRedisTemplate redis;
    private final String stream;
    private final String group;
    private final String consumer;
    private volatile boolean groupReady;

    StreamClaims(StringRedisTemplate redis, String stream, String group, String consumer) {
        this.redis = redis;
        this.stream = stream;
        this.group = group;
        this.consumer = consumer;
    }

    /** Creates the group (and the stream) if it does not exist; reading from the start, so nothing is skipped. */
    void ensureGroup() {
        if (groupReady) {
            return;
        }
        try {
            redis.execute((RedisCallback<String>) connection -> connection.streamCommands()
                    .xGroupCreate(bytes(stream), group, ReadOffset.from("0-0"), true));
        }
        catch (RedisSystemException | InvalidDataAccessApiUsageException ex) {
            if (!String.valueOf(ex.getMostSpecificCause().getMessage()).contains("BUSYGROUP")) {
                throw ex;
            }
        }
        groupReady = true;
    }

    /**
     * Entries that some consumer (perhaps a dead node, perhaps this one) took longer ago than {@code idle}, now
     * this consumer's. The oldest pending entries are looked at: an abandoned entry is older than any in flight.
     * XCLAIM checks the idle time again entry by entry, so of two nodes claiming at once only one gets an entry.
     */
    List<MapRecord<String, String, String>> claimAbandoned(Duration idle, int count) {
        PendingMessages pending = redis.opsForStream().pending(stream, group, Range.unbounded(), count);
        RecordId[] abandoned = pending.stream().filter(p -> p.getElapsedTimeSinceLastDelivery().compareTo(idle) >= 0)
                .map(PendingMessage::getId).toArray(RecordId[]::new);
        if (abandoned.length == 0) {
            return List.of();
        }
        return redis.opsForStream().claim(stream, group, consumer, idle, abandoned).stream()
                .map(entry -> entry.mapEntries(e -> Map.entry(String.valueOf(e.getKey()), String.valueOf(e.getValue()))))
                .toList();
    }

    /** Entries never handed to any consumer, now this consumer's. */
    @SuppressWarnings("unchecked")
    List<MapRecord<String, String, String>> readNew(int count) {
        List<MapRecord<String, Object, Object>> fresh = redis.opsForStream().read(Consumer.from(group, consumer),
                StreamReadOptions.empty().count(count), StreamOffset.create(stream, ReadOffset.lastConsumed()));
        return fresh == null ? List.of() : fresh.stream()
                .map(entry -> (MapRecord<String, String, String>) (MapRecord<String, ?, ?>) entry).toList();
    }

    /** Nothing waits in the stream: every entry was handled (a handled entry is deleted). */
    boolean isEmpty() {
        Long size = redis.opsForStream().size(stream);
        return size == null || size == 0;
    }

    void acknowledge(RecordId id) {
        redis.opsForStream().acknowledge(stream, group, id);
        redis.opsForStream().delete(stream, id);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

}
