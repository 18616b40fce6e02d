package io.clipflow.seckill;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns accepted attempts into {@code seckill} processes, on every node. Attempts wait in a Redis stream read by
 * one consumer group: each entry goes to one node, which acknowledges it only after the process started, so
 * a node that dies holding entries loses nothing: after {@code redeliverAfter} another node claims them
 * ({@link StreamClaims}). A redelivered attempt starts nothing new: the process is looked up by its business
 * key first, and the order's unique source stops a second order even if two nodes raced past that check. A
 * fresh entry (read with {@code >}) was never handed to any consumer, so nothing can have started it: it is
 * started without the lookup, which was a quarter of the drainer's work under load.
 */
@Component
class AttemptDrainer {

    private static final Logger log = LoggerFactory.getLogger(AttemptDrainer.class);

    private final StringRedisTemplate redis;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final SeckillProperties properties;
    private final StreamClaims claims;
    private final String consumer = ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    AttemptDrainer(StringRedisTemplate redis, RuntimeService runtime, HistoryService history,
            SeckillProperties properties) {
        this.redis = redis;
        this.runtime = runtime;
        this.history = history;
        this.properties = properties;
        this.claims = new StreamClaims(redis, SeckillKeys.ATTEMPT_STREAM, SeckillKeys.DRAINERS, consumer);
    }

    @Scheduled(fixedDelayString = "${clipflow.seckill.drain-interval:PT0.1S}",
            initialDelayString = "${clipflow.seckill.drain-interval:PT0.1S}")
    void drainOnSchedule() {
        try {
            drain();
        }
        catch (RuntimeException ex) {
            // Redis or the engine database away for a moment: the entries wait in the stream, try next time
            log.warn("Draining seckill attempts failed, will retry: {}", ex.getMessage());
        }
    }

    /** Starts a process for every attempt waiting (new, or abandoned by a dead node); returns how many. */
    @SuppressWarnings("unchecked")
    int drain() {
        claims.ensureGroup();
        int started = 0;
        for (MapRecord<String, String, String> entry : claims.claimAbandoned(properties.redeliverAfter(),
                properties.drainBatch())) {
            started += start(entry, true);
        }
        List<MapRecord<String, Object, Object>> fresh = redis.opsForStream().read(
                Consumer.from(SeckillKeys.DRAINERS, consumer), StreamReadOptions.empty().count(properties.drainBatch()),
                StreamOffset.create(SeckillKeys.ATTEMPT_STREAM, ReadOffset.lastConsumed()));
        for (MapRecord<String, Object, Object> entry : fresh == null ? List.<MapRecord<String, Object, Object>>of()
                : fresh) {
            started += start((MapRecord<String, String, String>) (MapRecord<String, ?, ?>) entry, false);
        }
        return started;
    }

    private int start(MapRecord<String, String, String> entry, boolean redelivered) {
        Map<String, String> attempt = entry.getValue();
        String attemptId = attempt.get(SeckillProcess.ATTEMPT_ID);
        int started = 0;
        if (attemptId != null && !(redelivered && alreadyStarted(attemptId))) {
            runtime.createMessageCorrelation(SeckillProcess.ATTEMPT_ACCEPTED)
                    .processInstanceBusinessKey(attemptId)
                    .setVariable(SeckillProcess.ATTEMPT_ID, attemptId)
                    .setVariable(SeckillProcess.EVENT_ID, Long.parseLong(attempt.get(SeckillProcess.EVENT_ID)))
                    .setVariable(SeckillProcess.ITEM_ID, Long.parseLong(attempt.get(SeckillProcess.ITEM_ID)))
                    .setVariable(SeckillProcess.BUYER, attempt.get(SeckillProcess.BUYER))
                    .setVariable(SeckillProcess.RETRY_CYCLE, properties.retryCycle())
                    .correlateStartMessage();
            started = 1;
        }
        claims.acknowledge(entry.getId());
        return started;
    }

    private boolean alreadyStarted(String attemptId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(SeckillProcess.PROCESS_KEY)
                .processInstanceBusinessKey(attemptId).count() > 0;
    }
}
