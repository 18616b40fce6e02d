package io.clipflow.platform;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.annotation.PreDestroy;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@code clipflow_redo_log} in the engine's database: the shard writes an engine transaction owes, written in
 * that transaction (so they exist exactly when its commit does) and deleted once the shards have committed.
 * Deletes are batched off the request path; a row whose delete was lost with its node is replayed harmlessly,
 * since every write is idempotent.
 */
final class RedoLog {

    /** One logged transaction: its id and its writes as {@code [{"type": class name, "write": {...}}, ...]}. */
    record Entry(String id, JsonNode writes) {
    }

    private static final Logger log = LoggerFactory.getLogger(RedoLog.class);
    private static final int DELETE_BATCH = 500;

    private final JdbcClient engine;
    private final ObjectMapper json;
    private final Queue<String> committed = new ConcurrentLinkedQueue<>();

    RedoLog(DataSource engineDataSource, ObjectMapper json) {
        // the engine's database also holds this one table: migrated apart from Camunda's schema, which the engine
        // creates itself (an existing engine database is taken as version 0)
        Flyway.configure().dataSource(engineDataSource).locations("classpath:db/engine")
                .table("clipflow_engine_schema_history").baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        this.engine = JdbcClient.create(engineDataSource);
        this.json = json;
    }

    /** Writes the entry in the current (engine) transaction; returns its id. */
    String record(List<Object> writes) {
        ArrayNode entries = json.createArrayNode();
        for (Object write : writes) {
            entries.addObject().put("type", write.getClass().getName()).set("write", json.valueToTree(write));
        }
        String id = UUID.randomUUID().toString();
        try {
            engine.sql("INSERT INTO clipflow_redo_log (id, writes, created_at) VALUES (?, ?, ?)")
                    .params(id, json.writeValueAsString(entries), now()).update();
        }
        catch (JsonProcessingException ex) {
            throw new IllegalStateException("Shard writes could not be logged", ex);
        }
        return id;
    }

    /** The shards committed what entry {@code id} owed: it may go. */
    void forget(String id) {
        committed.add(id);
    }

    @Scheduled(fixedDelayString = "${clipflow.shards.redo-log-cleanup-every:PT1S}")
    @PreDestroy
    void deleteForgotten() {
        List<String> batch = new ArrayList<>(DELETE_BATCH);
        for (String id = committed.poll(); id != null; id = committed.poll()) {
            batch.add(id);
            if (batch.size() == DELETE_BATCH) {
                delete(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            delete(batch);
        }
    }

    /**
     * Entries older than {@code olderThan} that no other node is replaying, each claimed for {@code hold}: an
     * entry that old outlived its transaction, whose shard commit therefore never came.
     */
    List<Entry> claimAbandoned(Duration olderThan, Duration hold, int limit) {
        OffsetDateTime now = now();
        List<String> candidates = engine.sql("SELECT id FROM clipflow_redo_log WHERE created_at < ? "
                + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY created_at LIMIT ?")
                .params(now.minus(olderThan), now, limit).query(String.class).list();
        List<Entry> claimed = new ArrayList<>();
        for (String id : candidates) {
            int won = engine.sql("UPDATE clipflow_redo_log SET claimed_until = ? WHERE id = ? "
                    + "AND (claimed_until IS NULL OR claimed_until < ?)").params(now.plus(hold), id, now).update();
            if (won == 1) {
                engine.sql("SELECT writes FROM clipflow_redo_log WHERE id = ?").param(id).query(String.class)
                        .optional().ifPresent(writes -> claimed.add(new Entry(id, read(writes))));
            }
        }
        return claimed;
    }

    void delete(String id) {
        delete(List.of(id));
    }

    long size() {
        return engine.sql("SELECT COUNT(*) FROM clipflow_redo_log").query(Long.class).single();
    }

    private void delete(List<String> ids) {
        try {
            engine.sql("DELETE FROM clipflow_redo_log WHERE id IN (" + String.join(", ", ids.stream().map(i -> "?")
                    .toList()) + ")").params(ids.toArray()).update();
        }
        catch (RuntimeException ex) {
            // the entries stay and are replayed later, which changes nothing
            log.warn("Deleting {} applied redo log entries failed: {}", ids.size(), ex.getMessage());
        }
    }

    private JsonNode read(String writes) {
        try {
            return json.readTree(writes);
        }
        catch (JsonProcessingException ex) {
            throw new IllegalStateException("Unreadable redo log entry", ex);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
