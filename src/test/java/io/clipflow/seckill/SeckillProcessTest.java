package io.clipflow.seckill;

import io.clipflow.ProcessTestEngines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code bpmn/seckill.bpmn} on a plain engine with the app's incident handler installed, the real delegate and
 * rule on a real Redis; only the order book is replaced by a placer the test controls.
 */
@Deployment(resources = "bpmn/seckill.bpmn")
class SeckillProcessTest {

    static final SeckillRedisFixture fixture = new SeckillRedisFixture();
    static final AtomicInteger placed = new AtomicInteger();
    static volatile SeckillOrders.OrderPlacer placer;
    static final SeckillOrders orders = new SeckillOrders(fixture.attempts,
            (buyer, itemId, quantity, source) -> placer.place(buyer, itemId, quantity, source));

    @RegisterExtension
    static final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .useProcessEngine(engineWithIncidentHandler()).build();

    @BeforeEach
    void registerDelegate() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("placeSeckillOrder", new PlaceSeckillOrderDelegate(orders));
        placed.set(0);
        placer = (buyer, itemId, quantity, source) -> {
            placed.incrementAndGet();
            return "O-" + source;
        };
    }

    /** Mocks are per thread and would otherwise shadow the app's beans in a Spring test on this thread later. */
    @AfterEach
    void forgetDelegate() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @AfterAll
    static void stop() {
        engine.getProcessEngine().close();
        fixture.close();
    }

    @Test
    void anAcceptedAttemptGetsItsOrderAsynchronouslyAndSucceeds() {
        String attemptId = acceptedAttempt(fixture.openEvent(3), "ivy");

        ProcessInstance process = start(attemptId);
        assertThat(process).isWaitingAt(SeckillProcess.PLACE_ORDER_ACTIVITY);
        assertThat(fixture.attempts.find(attemptId).orElseThrow().status()).isEqualTo(Attempts.Status.PENDING);
        execute(job(process));

        assertThat(process).isEnded().hasPassed("orderPlaced").variables()
                .containsEntry(SeckillProcess.ORDER_NO, "O-seckill:" + attemptId);
        Attempts.Attempt attempt = fixture.attempts.find(attemptId).orElseThrow();
        assertThat(attempt.status()).isEqualTo(Attempts.Status.SUCCEEDED);
        assertThat(attempt.orderNo()).isEqualTo("O-seckill:" + attemptId);
    }

    @Test
    void aFailingOrderStepIsRetriedThenTheAttemptFailsItsUnitIsReleasedAndAnIncidentRemains() {
        long event = fixture.openEvent(1);
        String attemptId = acceptedAttempt(event, "jim");
        placer = (buyer, itemId, quantity, source) -> {
            placed.incrementAndGet();
            throw new IllegalStateException("OUT_OF_STOCK: the database has no unit left");
        };
        ProcessInstance process = start(attemptId);

        int executions = 0;
        while (job(process).getRetries() > 0) {
            assertThat(fixture.attempts.find(attemptId).orElseThrow().status()).isEqualTo(Attempts.Status.PENDING);
            assertThat(fixture.remaining(event)).isZero();
            assertThatThrownBy(() -> execute(job(process))).hasMessageContaining("OUT_OF_STOCK");
            executions++;
        }

        assertThat(executions).isEqualTo(3);
        assertThat(placed.get()).isEqualTo(3);
        assertThat(process).isWaitingAt(SeckillProcess.PLACE_ORDER_ACTIVITY);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(process.getId()).singleResult()
                .getIncidentMessage()).contains("OUT_OF_STOCK");
        Attempts.Attempt attempt = fixture.attempts.find(attemptId).orElseThrow();
        assertThat(attempt.status()).isEqualTo(Attempts.Status.FAILED);
        assertThat(attempt.reason()).contains("OUT_OF_STOCK");
        assertThat(fixture.remaining(event)).isEqualTo(1);
        assertThat(fixture.redis.opsForSet().isMember(SeckillKeys.buyers(event), "jim")).isFalse();
    }

    @Test
    void retryingAFailedAttemptInCockpitEndsTheProcessWithoutAnOrder() {
        long event = fixture.openEvent(1);
        String attemptId = acceptedAttempt(event, "kim");
        ProcessInstance process = start(attemptId);
        fixture.attempts.markFailed(attemptId, "released by the incident handler");

        execute(job(process));

        assertThat(process).isEnded();
        assertThat(placed.get()).isZero();
        assertThat(fixture.remaining(event)).isEqualTo(1);
    }

    private static String acceptedAttempt(long event, String buyer) {
        Attempts.Decision decision = fixture.attempts.attempt(event, buyer, fixture.token(buyer, event)).join();
        assertThat(decision.outcome()).isEqualTo(Attempts.Outcome.ACCEPTED);
        return decision.attemptId();
    }

    private static ProcessInstance start(String attemptId) {
        return runtimeService().createMessageCorrelation(SeckillProcess.ATTEMPT_ACCEPTED)
                .processInstanceBusinessKey(attemptId)
                .setVariables(Map.of(SeckillProcess.ATTEMPT_ID, attemptId,
                        SeckillProcess.EVENT_ID, SeckillKeys.eventOf(attemptId), SeckillProcess.ITEM_ID, 7L,
                        SeckillProcess.BUYER, fixture.attempts.find(attemptId).orElseThrow().buyer(),
                        SeckillProcess.RETRY_CYCLE, "R3/PT1S"))
                .correlateStartMessage();
    }

    private static ProcessEngine engineWithIncidentHandler() {
        return ProcessTestEngines.plain("seckill-process-test",
                SeckillConfiguration.incidentPlugin(new FailedAttemptIncidentHandler(() -> orders)));
    }
}
