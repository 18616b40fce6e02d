package io.clipflow.platform;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Applies again, on any node, the shard writes of engine transactions whose shard commit never came (their
 * {@link RedoLog} entry outlived them): each entry's writes in one new transaction, through the handlers of the
 * features that own them, then the entry goes. Runs as the node starts and then every few seconds; an entry
 * that fails stays and is tried again.
 */
@Component
class RedoRecovery {

    private static final Logger log = LoggerFactory.getLogger(RedoRecovery.class);

    private final RedoLog redoLog;
    private final List<ShardWriteHandler<?>> handlers;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Duration redoAfter;
    private final Counter redone;

    RedoRecovery(RedoLog redoLog, List<ShardWriteHandler<?>> handlers, ObjectMapper json,
            PlatformTransactionManager transactionManager,
            @Value("${clipflow.shards.redo-after:PT10S}") Duration redoAfter, MeterRegistry meters) {
        this.redoLog = redoLog;
        this.handlers = handlers;
        this.json = json;
        this.transaction = new TransactionTemplate(transactionManager);
        this.redoAfter = redoAfter;
        this.redone = Counter.builder("clipflow.shards.redone")
                .description("Engine transactions whose shard writes were applied again after their node died")
                .register(meters);
    }

    /** Once as the node starts (what a node that died here left is owed first), then every few seconds. */
    @EventListener(ApplicationStartedEvent.class)
    @Scheduled(initialDelayString = "${clipflow.shards.redo-every:PT5S}",
            fixedDelayString = "${clipflow.shards.redo-every:PT5S}")
    void redoOnSchedule() {
        try {
            redoAbandoned();
        }
        catch (RuntimeException ex) {
            log.warn("Looking for shard writes to redo failed, will retry: {}", ex.getMessage());
        }
    }

    /** Replays every entry abandoned for longer than {@code clipflow.shards.redo-after}; returns how many. */
    int redoAbandoned() {
        return redoAbandoned(redoAfter);
    }

    int redoAbandoned(Duration olderThan) {
        int applied = 0;
        for (RedoLog.Entry entry : redoLog.claimAbandoned(olderThan, redoAfter.multipliedBy(3), 100)) {
            try {
                transaction.executeWithoutResult(status -> entry.writes().forEach(this::redo));
                redoLog.delete(entry.id());
                redone.increment();
                applied++;
                log.warn("Applied the shard writes of redo log entry {} again: its node died before they committed",
                        entry.id());
            }
            catch (RuntimeException ex) {
                log.error("Redo log entry {} could not be applied, will retry: {}", entry.id(), ex.toString());
            }
        }
        return applied;
    }

    /** The write's logged class picks its handler: the one whose write type it is (or a subtype of). */
    private void redo(JsonNode logged) {
        String type = logged.get("type").asText();
        Class<?> writeClass;
        try {
            writeClass = ClassUtils.forName(type, getClass().getClassLoader());
        }
        catch (ClassNotFoundException | LinkageError ex) {
            throw new IllegalStateException("Unknown shard write type " + type, ex);
        }
        ShardWriteHandler<?> handler = handlers.stream().filter(h -> h.writeType().isAssignableFrom(writeClass))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No handler for shard writes of type " + type));
        apply(handler, logged.get("write"), writeClass);
    }

    private <W> void apply(ShardWriteHandler<W> handler, JsonNode write, Class<?> writeClass) {
        handler.apply(json.convertValue(write, writeClass.asSubclass(handler.writeType())), true);
    }
}
