package io.clipflow.seckill;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One node's view of a Redis stream read by a consumer group: create the group once, take over entries other
 * consumers took but never acknowledged ({@code XAUTOCLAIM}), and acknowledge and delete handled entries.
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

    /** Entries that some consumer (perhaps a dead node, perhaps this one) took longer ago than {@code idle}. */
    List<MapRecord<String, String, String>> claimAbandoned(Duration idle, int count) {
        Object reply = redis.execute((RedisCallback<Object>) connection -> connection.execute("XAUTOCLAIM",
                bytes(stream), bytes(group), bytes(consumer), bytes(String.valueOf(idle.toMillis())), bytes("0-0"),
                bytes("COUNT"), bytes(String.valueOf(count))));
        List<MapRecord<String, String, String>> claimed = new ArrayList<>();
        if (!(reply instanceof List<?> parts) || parts.size() < 2 || !(parts.get(1) instanceof List<?> entries)) {
            return claimed;
        }
        for (Object entry : entries) {
            if (entry instanceof List<?> pair && pair.size() == 2 && pair.get(1) instanceof List<?> fields) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i + 1 < fields.size(); i += 2) {
                    values.put(text(fields.get(i)), text(fields.get(i + 1)));
                }
                claimed.add(StreamRecords.newRecord().in(stream).withId(RecordId.of(text(pair.get(0))))
                        .ofMap(values));
            }
        }
        return claimed;
    }

    void acknowledge(RecordId id) {
        redis.opsForStream().acknowledge(stream, group, id);
        redis.opsForStream().delete(stream, id);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object value) {
        return value instanceof byte[] raw ? new String(raw, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
