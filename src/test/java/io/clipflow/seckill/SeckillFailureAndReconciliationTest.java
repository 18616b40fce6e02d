package io.clipflow.seckill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.catalogue.Items;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The order step failing in the app (retries, then FAILED and the unit back), and drift found and repaired. */
@ClipflowIntegrationTest
class SeckillFailureAndReconciliationTest {

    @Autowired MockMvc mvc;
    @Autowired Items items;
    @Autowired IdentityService identity;
    @Autowired Attempts attempts;
    @Autowired SeckillEvents events;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;
    @Autowired StringRedisTemplate redis;
    @Autowired MeterRegistry meters;

    SeckillApi api;

    @BeforeEach
    void setUp() {
        api = new SeckillApi(mvc);
    }

    @Test
    void anOrderStepThatKeepsFailingIsRetriedThenTheAttemptFailsAndItsUnitGoesBackOnSale() throws Exception {
        String buyer = SeckillApi.newBuyer(identity, "unlucky1");
        long item = items.create("Vanishing vase", 1_000, 1).id();
        long event = api.openEvent(item, 1);
        // someone sold the item elsewhere: the database has none left, so placing the order fails every time
        jdbc.sql("UPDATE item SET stock = 0 WHERE id = ?").param(item).update();

        String attemptId = JsonPath.read(api.attempt(buyer, event, api.token(buyer)).getContentAsString(),
                "$.attemptId");
        await("the process").atMost(Duration.ofSeconds(10)).until(() -> process(attemptId) != null);
        ProcessInstance process = process(attemptId);
        await("the first failure").atMost(Duration.ofSeconds(20))
                .until(() -> job(process).getExceptionMessage() != null);
        assertThat(job(process).getRetries()).isEqualTo(2);
        assertThat(attempts.find(attemptId).orElseThrow().status()).isEqualTo(Attempts.Status.PENDING);
        assertThat(events.remaining(event)).isZero();

        // the remaining retries, without waiting for their due time
        await("the last retry").atMost(Duration.ofSeconds(20)).until(() -> {
            Job job = job(process);
            if (job.getRetries() > 0) {
                try {
                    management.executeJob(job.getId());
                }
                catch (RuntimeException expected) {
                    // the step fails, as it should
                }
            }
            return runtime.createIncidentQuery().processInstanceId(process.getId()).count() == 1;
        });

        Attempts.Attempt attempt = attempts.find(attemptId).orElseThrow();
        assertThat(attempt.status()).isEqualTo(Attempts.Status.FAILED);
        assertThat(attempt.reason()).contains("OUT_OF_STOCK");
        assertThat(events.remaining(event)).isEqualTo(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(process.getId()).singleResult().getIncidentMessage())
                .contains("OUT_OF_STOCK");
        assertThat(api.readAttempt(buyer, attemptId).getContentAsString()).contains("\"status\":\"FAILED\"");
    }

    @Test
    void reconciliationFindsInjectedDriftRepairsItAndCountsIt() throws Exception {
        long item = items.create("Drifting drum", 1_000, 10).id();
        long event = api.openEvent(item, 10);
        String[] ids = new String[3];
        for (int i = 0; i < ids.length; i++) {
            String buyer = SeckillApi.newBuyer(identity, "drift" + i);
            ids[i] = JsonPath.read(api.attempt(buyer, event, api.token(buyer)).getContentAsString(), "$.attemptId");
        }
        await("3 orders").atMost(Duration.ofSeconds(20)).until(() -> java.util.Arrays.stream(ids)
                .allMatch(id -> attempts.find(id).orElseThrow().status() == Attempts.Status.SUCCEEDED));
        double driftBefore = meters.counter("clipflow.seckill.drift").count();

        // Redis forgets one holder, one buyer, and believes in two units too many
        redis.opsForSet().remove(SeckillKeys.held(event), ids[0]);
        redis.opsForSet().remove(SeckillKeys.buyers(event), "drift1");
        redis.opsForHash().put(SeckillKeys.event(event), "remaining", "9");

        mvc.perform(post("/api/seckill/events/" + event + "/reconcile").with(httpBasic("admin", "admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.redisRemaining").value(9))
                .andExpect(jsonPath("$.remaining").value(7)).andExpect(jsonPath("$.drift").value(2))
                .andExpect(jsonPath("$.orders").value(3)).andExpect(jsonPath("$.missingHolds").value(1))
                .andExpect(jsonPath("$.missingBuyers").value(1));

        assertThat(events.remaining(event)).isEqualTo(7);
        assertThat(redis.opsForSet().isMember(SeckillKeys.buyers(event), "drift1")).isTrue();
        assertThat(meters.counter("clipflow.seckill.drift").count() - driftBefore).isEqualTo(4);
        mvc.perform(post("/api/seckill/events/" + event + "/reconcile").with(httpBasic("admin", "admin")))
                .andExpect(jsonPath("$.drift").value(0)).andExpect(jsonPath("$.remaining").value(7));
        assertThat(api.attempt("drift1", event, api.token("drift1")).getContentAsString())
                .contains("ALREADY_PURCHASED");
    }

    @Test
    void reconciliationReloadsAnEventRedisLostEntirely() throws Exception {
        long item = items.create("Forgotten flute", 1_000, 4).id();
        long event = api.openEvent(item, 4);
        redis.delete(SeckillKeys.eventKeys(event));

        mvc.perform(post("/api/seckill/events/" + event + "/reconcile").with(httpBasic("admin", "admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.redisRemaining").value(-1))
                .andExpect(jsonPath("$.remaining").value(4));
        String buyer = SeckillApi.newBuyer(identity, "reloaded1");
        assertThat(api.attempt(buyer, event, api.token(buyer)).getStatus()).isEqualTo(202);
        mvc.perform(post("/api/seckill/events/" + event + "/reconcile").with(httpBasic("apibuyer9", "x")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void reconciliationMarksAPendingAttemptWhoseOrderCommittedSucceededAndLeavesOneInFlightAlone() throws Exception {
        long item = items.create("Patient parasol", 1_000, 3).id();
        long event = api.openEvent(item, 3);
        String buyer = SeckillApi.newBuyer(identity, "unmarked1");
        String ordered = JsonPath.read(api.attempt(buyer, event, api.token(buyer)).getContentAsString(),
                "$.attemptId");
        await("the order").atMost(Duration.ofSeconds(20)).until(
                () -> attempts.find(ordered).orElseThrow().status() == Attempts.Status.SUCCEEDED);
        String orderNo = attempts.find(ordered).orElseThrow().orderNo();
        // the node died between the order's commit and the Redis mark after it
        redis.opsForHash().put(SeckillKeys.attempt(ordered), "status", "PENDING");
        redis.opsForHash().delete(SeckillKeys.attempt(ordered), "orderNo");
        // another attempt was accepted and its order is not placed yet
        String inFlight = holdInRedis(event, item, "inflight1", "PENDING", null);
        double driftBefore = meters.counter("clipflow.seckill.drift").count();

        mvc.perform(post("/api/seckill/events/" + event + "/reconcile").with(httpBasic("admin", "admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.pendingWithOrder").value(1))
                .andExpect(jsonPath("$.succeededWithoutOrder").value(0)).andExpect(jsonPath("$.drift").value(0))
                .andExpect(jsonPath("$.orders").value(1)).andExpect(jsonPath("$.held").value(2))
                .andExpect(jsonPath("$.remaining").value(1));

        Attempts.Attempt marked = attempts.find(ordered).orElseThrow();
        assertThat(marked.status()).isEqualTo(Attempts.Status.SUCCEEDED);
        assertThat(marked.orderNo()).isEqualTo(orderNo);
        assertThat(attempts.find(inFlight).orElseThrow().status()).isEqualTo(Attempts.Status.PENDING);
        assertThat(events.remaining(event)).isEqualTo(1);
        assertThat(meters.counter("clipflow.seckill.drift").count() - driftBefore).isEqualTo(1);
    }

    @Test
    void reconciliationFailsASucceededAttemptWhoseOrderTheDatabaseLostAndPutsItsUnitBackOnSale() throws Exception {
        long item = items.create("Lost lantern", 1_000, 2).id();
        long event = api.openEvent(item, 2);
        String keeper = SeckillApi.newBuyer(identity, "kept1");
        String kept = JsonPath.read(api.attempt(keeper, event, api.token(keeper)).getContentAsString(),
                "$.attemptId");
        await("the kept order").atMost(Duration.ofSeconds(20)).until(
                () -> attempts.find(kept).orElseThrow().status() == Attempts.Status.SUCCEEDED);
        // after a crash: the attempt reads SUCCEEDED with an order number the database does not have
        String loser = SeckillApi.newBuyer(identity, "lost1");
        String lost = holdInRedis(event, item, loser, "SUCCEEDED", "O-never-committed");
        assertThat(events.remaining(event)).isZero();
        assertThat(api.attempt(loser, event, api.token(loser)).getContentAsString()).contains("ALREADY_PURCHASED");
        double driftBefore = meters.counter("clipflow.seckill.drift").count();

        mvc.perform(post("/api/seckill/events/" + event + "/reconcile").with(httpBasic("admin", "admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.succeededWithoutOrder").value(1))
                .andExpect(jsonPath("$.pendingWithOrder").value(0)).andExpect(jsonPath("$.orders").value(1))
                .andExpect(jsonPath("$.held").value(1)).andExpect(jsonPath("$.remaining").value(1));

        Attempts.Attempt failed = attempts.find(lost).orElseThrow();
        assertThat(failed.status()).isEqualTo(Attempts.Status.FAILED);
        assertThat(failed.reason()).isEqualTo("order lost");
        assertThat(failed.orderNo()).isNull();
        assertThat(attempts.find(kept).orElseThrow().status()).isEqualTo(Attempts.Status.SUCCEEDED);
        assertThat(events.remaining(event)).isEqualTo(1);
        assertThat(meters.counter("clipflow.seckill.drift").count() - driftBefore).isEqualTo(1);
        mvc.perform(post("/api/seckill/events/" + event + "/reconcile").with(httpBasic("admin", "admin")))
                .andExpect(jsonPath("$.succeededWithoutOrder").value(0)).andExpect(jsonPath("$.drift").value(0));
        // the buyer's slot is free again: the unit can be bought, and this time its order is placed
        String again = JsonPath.read(api.attempt(loser, event, api.token(loser)).getContentAsString(), "$.attemptId");
        await("the new order").atMost(Duration.ofSeconds(20)).until(
                () -> attempts.find(again).orElseThrow().status() == Attempts.Status.SUCCEEDED);
    }

    /**
     * An attempt holding a unit in Redis as the accept script leaves it, without queueing it for the order process:
     * {@code status} PENDING is an order not placed yet.
     */
    private String holdInRedis(long event, long item, String buyer, String status, String orderNo) {
        String attemptId = event + "-held" + buyer;
        redis.opsForHash().increment(SeckillKeys.event(event), "remaining", -1);
        redis.opsForSet().add(SeckillKeys.buyers(event), buyer);
        redis.opsForSet().add(SeckillKeys.held(event), attemptId);
        redis.opsForHash().putAll(SeckillKeys.attempt(attemptId), java.util.Map.of("eventId", String.valueOf(event),
                "itemId", String.valueOf(item), "buyer", buyer, "status", status));
        if (orderNo != null) {
            redis.opsForHash().put(SeckillKeys.attempt(attemptId), "orderNo", orderNo);
        }
        return attemptId;
    }

    private ProcessInstance process(String attemptId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("seckill")
                .processInstanceBusinessKey(attemptId).singleResult();
    }

    private Job job(ProcessInstance process) {
        return management.createJobQuery().processInstanceId(process.getId()).singleResult();
    }
}
