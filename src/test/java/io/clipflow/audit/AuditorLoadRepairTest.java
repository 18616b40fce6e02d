package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.clipflow.ClipflowIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The auditor load repaired from the engine on the real Redis and engine. Each test runs a repair of its own
 * (the scheduled one runs every 30 s and can see a test's drift at most once, which never corrects it).
 */
@ClipflowIntegrationTest
class AuditorLoadRepairTest extends AuditApiSupport {

    @Autowired AuditorPool pool;
    @Autowired RedisAuditorLoad load;
    @Autowired EngineAuditorLoad engine;
    @Autowired MeterRegistry meters;

    AuditorLoadRepair repair;
    List<String> auditors;

    @BeforeEach
    void setUp() {
        publish("repair " + System.nanoTime(), "some audit work");
        // start from the engine's counts, whatever earlier tests left, as an assignment rebuilds a lost load
        auditors = pool.everyAuditor();
        load.forget();
        load.rebuild(engine.openTasks(auditors));
        repair = new AuditorLoadRepair(pool, load, engine, meters);
    }

    @Test
    void repairCorrectsADriftSeenTheSameInTwoRunsByItsDelta() {
        Map<String, Long> open = inEngine();
        String busiest = open.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String other = auditors.stream().filter(a -> !a.equals(busiest)).findFirst().orElseThrow();
        assertThat(open.get(busiest)).isPositive();
        // a node killed during a publish had counted its task (the assignment script) and never committed
        load.takeFewest(auditors, busiest);
        // one killed after a handover from other to busiest committed never moved the count: Redis still has it
        // on other's count and not on busiest's
        load.move(busiest, other);
        double before = driftCounted();

        assertThat(repair.repair()).as("first sighting").isZero();
        assertThat(inRedis()).isNotEqualTo(inEngine());

        assertThat(repair.repair()).as("second sighting").isEqualTo(3);
        assertThat(inRedis()).isEqualTo(inEngine());
        assertThat(driftCounted() - before).isEqualTo(3);
        assertThat(repair.repair()).as("nothing left").isZero();
    }

    @Test
    void repairLeavesADriftSeenOnlyOnceAlone() {
        // an assignment whose transaction has not committed yet: counted in Redis, not yet in the engine
        load.takeFewest(auditors, null);
        Map<String, Long> inFlight = inRedis();
        double before = driftCounted();

        assertThat(repair.repair()).isZero();
        assertThat(inRedis()).isEqualTo(inFlight);

        // its transaction rolled back and gave the count back: the drift is gone before the second run
        String counted = auditors.stream().filter(a -> inFlight.get(a) > inEngine().get(a)).findFirst().orElseThrow();
        load.move(counted, null);

        assertThat(repair.repair()).isZero();
        assertThat(inRedis()).isEqualTo(inEngine());
        assertThat(driftCounted()).isEqualTo(before);
    }

    @Test
    void repairWaitsWhileADriftChangesBetweenRuns() {
        String auditor = auditors.get(0);
        load.move(null, auditor);
        assertThat(repair.repair()).isZero();

        load.move(null, auditor);
        assertThat(repair.repair()).as("seen +1, then +2").isZero();

        assertThat(repair.repair()).as("seen +2 twice").isEqualTo(2);
        assertThat(inRedis()).isEqualTo(inEngine());
    }

    private Map<String, Long> inRedis() {
        Map<String, Long> counts = new TreeMap<>();
        Map<Object, Object> snapshot = load.snapshot();
        auditors.forEach(a -> counts.put(a, Long.parseLong(String.valueOf(snapshot.getOrDefault(a, "0")))));
        return counts;
    }

    private Map<String, Long> inEngine() {
        return new TreeMap<>(engine.openTasks(auditors));
    }

    private double driftCounted() {
        return meters.counter("clipflow.audit.load-drift").count();
    }
}
