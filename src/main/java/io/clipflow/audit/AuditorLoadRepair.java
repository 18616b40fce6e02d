package io.clipflow.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings the shared auditor load in Redis back in line with the engine's open audit tasks, on every node, shortly
 * after start and then every {@code clipflow.audit.load-repair-every}. The load changes inside engine
 * transactions and is put right by hooks that run when they commit or roll back; a node killed in between runs
 * neither, and the count it took stays for good (nothing rebuilds a load that exists), so assignment drifts
 * from fair.
 *
 * <p>A difference seen once may be an assignment whose transaction has not committed yet, or a release about to
 * run: those are left alone. Only a difference seen the same, for the same auditor, in two consecutive runs is
 * corrected, by that difference, in the step that takes it again ({@link RedisAuditorLoad#repair}). Corrected
 * tasks are counted in {@code clipflow.audit.load-drift}.
 */
@Component
class AuditorLoadRepair {

    private static final Logger log = LoggerFactory.getLogger(AuditorLoadRepair.class);

    private final AuditorPool pool;
    private final RedisAuditorLoad redis;
    private final EngineAuditorLoad engine;
    private final Counter drift;
    /** The differences of the previous run that were not corrected: auditor to load minus engine. */
    private Map<String, Long> seenBefore = Map.of();

    AuditorLoadRepair(AuditorPool pool, RedisAuditorLoad redis, EngineAuditorLoad engine, MeterRegistry meters) {
        this.pool = pool;
        this.redis = redis;
        this.engine = engine;
        this.drift = Counter.builder("clipflow.audit.load-drift").baseUnit("tasks")
                .description("Open audit tasks by which the Redis auditor load differed from the engine, repaired")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${clipflow.audit.load-repair-every:PT30S}",
            initialDelayString = "${clipflow.audit.load-repair-after-start:PT5S}")
    void repairOnSchedule() {
        try {
            repair();
        }
        catch (RuntimeException ex) {
            // Redis or the engine database away for a moment: start afresh next time
            forgetSightings();
            log.warn("Comparing the auditor load with the engine failed, will retry: {}", ex.getMessage());
        }
    }

    /** One run: compares, corrects what the previous run saw the same, and returns the tasks corrected. */
    synchronized long repair() {
        // every pool, and whoever Redis counts: an auditor who left a pool may still hold tasks
        Set<String> auditors = new TreeSet<>(pool.everyAuditor());
        redis.snapshot().keySet().forEach(auditor -> auditors.add(String.valueOf(auditor)));
        Map<String, Long> open = engine.openTasks(List.copyOf(auditors));
        List<RedisAuditorLoad.Drift> found = redis.repair(open, seenBefore);
        if (found == null) {
            seenBefore = Map.of();
            return 0;
        }
        Map<String, Long> unsettled = new HashMap<>();
        long corrected = 0;
        for (RedisAuditorLoad.Drift difference : found) {
            if (difference.corrected()) {
                corrected += Math.abs(difference.difference());
                log.warn("Auditor load of {} was {} off the engine's open audit tasks in two runs in a row and was "
                        + "corrected", difference.auditor(), difference.difference());
            }
            else {
                unsettled.put(difference.auditor(), difference.difference());
            }
        }
        if (!unsettled.isEmpty()) {
            log.debug("Auditor load differs from the engine's open audit tasks, checking again next run: {}",
                    unsettled);
        }
        seenBefore = Map.copyOf(unsettled);
        drift.increment(corrected);
        return corrected;
    }

    private synchronized void forgetSightings() {
        seenBefore = Map.of();
    }
}
