package io.clipflow.seckill;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns accepted attempts into {@code seckill} processes, on every node. Each event's attempts wait in a Redis
 * stream of the event's own (in the event's hash slot, where the accept script adds them), read by one consumer
 * group: each entry goes to one node, which acknowledges it only after the process started, so a node that dies
 * holding entries loses nothing: after {@code redeliverAfter} another node claims them ({@link StreamClaims}). A
 * redelivered attempt starts nothing new: the process is looked up by its business key first, and the order's
 * unique source stops a second order even if two nodes raced past that check. A fresh entry was never handed to
 * any consumer, so nothing can have started it: it is started without the lookup, which was a quarter of the
 * drainer's work under load. The events drained are those named in {@link SeckillKeys#EVENTS}; an event over for
 * a while whose stream is empty is taken off.
 */
@Component
class AttemptDrainer {

    /** An event over for this long takes no more attempts, whatever the clocks of Redis and this node say. */
    private static final Duration OVER_FOR_SURE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(AttemptDrainer.class);

    private final StringRedisTemplate redis;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final SeckillProperties properties;
    private final Map<Long, StreamClaims> streams = new ConcurrentHashMap<>();
    private final String consumer = ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    AttemptDrainer(StringRedisTemplate redis, RuntimeService runtime, HistoryService history,
            SeckillProperties properties) {
        this.redis = redis;
        this.runtime = runtime;
        this.history = history;
        this.properties = properties;
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
    int drain() {
        Set<String> events = redis.opsForSet().members(SeckillKeys.EVENTS);
        int started = 0;
        for (String event : events == null ? Set.<String>of() : events) {
            long eventId = Long.parseLong(event);
            try {
                started += drain(eventId);
            }
            catch (RuntimeException ex) {
                // Redis may have lost the stream's group with its data (a flush, a failover to a replica without
                // it): forgetting the stream makes the group anew next time. The other events go on meanwhile.
                streams.remove(eventId);
                log.warn("Draining seckill event {} failed, will retry: {}", eventId, ex.getMessage());
            }
        }
        return started;
    }

    private int drain(long eventId) {
        StreamClaims claims = streams.computeIfAbsent(eventId, id -> new StreamClaims(redis,
                SeckillKeys.attempts(id), SeckillKeys.DRAINERS, consumer));
        claims.ensureGroup();
        int started = 0;
        for (var entry : claims.claimAbandoned(properties.redeliverAfter(), properties.drainBatch())) {
            started += start(claims, entry.getValue(), entry.getId(), true);
        }
        for (var entry : claims.readNew(properties.drainBatch())) {
            started += start(claims, entry.getValue(), entry.getId(), false);
        }
        if (started == 0 && claims.isEmpty() && over(eventId)) {
            redis.opsForSet().remove(SeckillKeys.EVENTS, String.valueOf(eventId));
            streams.remove(eventId);
        }
        return started;
    }

    private int start(StreamClaims claims, Map<String, String> attempt, RecordId entry, boolean redelivered) {
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
        claims.acknowledge(entry);
        return started;
    }

    /** Over for a while, or unknown to Redis (the reconciliation names it again if it is not over). */
    private boolean over(long eventId) {
        Object endsAt = redis.opsForHash().get(SeckillKeys.event(eventId), "endsAt");
        return endsAt == null
                || Long.parseLong(endsAt.toString()) + OVER_FOR_SURE.toMillis() < System.currentTimeMillis();
    }

    private boolean alreadyStarted(String attemptId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(SeckillProcess.PROCESS_KEY)
                .processInstanceBusinessKey(attemptId).count() > 0;
    }
}
