package io.clipflow.seckill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.order.Items;
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
        SeckillApi.await("the process", Duration.ofSeconds(10), () -> process(attemptId) != null);
        ProcessInstance process = process(attemptId);
        SeckillApi.await("the first failure", Duration.ofSeconds(20), () -> job(process).getExceptionMessage() != null);
        assertThat(job(process).getRetries()).isEqualTo(2);
        assertThat(attempts.find(attemptId).orElseThrow().status()).isEqualTo(Attempts.Status.PENDING);
        assertThat(events.remaining(event)).isZero();

        // the remaining retries, without waiting for their due time
        SeckillApi.await("the last retry", Duration.ofSeconds(20), () -> {
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
        SeckillApi.await("3 orders", Duration.ofSeconds(20), () -> java.util.Arrays.stream(ids)
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

    private ProcessInstance process(String attemptId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("seckill")
                .processInstanceBusinessKey(attemptId).singleResult();
    }

    private Job job(ProcessInstance process) {
        return management.createJobQuery().processInstanceId(process.getId()).singleResult();
    }
}
