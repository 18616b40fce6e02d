package io.clipflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.catalogue.Item;
import io.clipflow.catalogue.Items;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A job another node had locked when it died is run by this node's job executor once the lock expires, within
 * 30 s of the dead node taking it. The dead node is a lock in the engine's job table, written as Camunda's
 * acquisition writes it: owner, expiry (taken-at + the configured lock time) and a new revision.
 */
@ClipflowIntegrationTest
class DeadNodeJobTest {

    @Autowired MockMvc mvc;
    @Autowired Items items;
    @Autowired OrderBook book;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired ProcessEngine engine;

    @Test
    void aTimerADeadNodeHadLockedFiresHereOnceTheLockExpires() throws Exception {
        String buyer = OrderApi.newBuyer(identity, "deadnodebuyer");
        Item item = items.create("Orphaned ottoman", 2_000, 2);
        String orderNo = new OrderApi(mvc).place(buyer, item.id(), 1);
        String processId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(orderNo)
                .singleResult().getId();
        Job timeout = management.createJobQuery().processInstanceId(processId).timers().singleResult();

        // the payment timeout fell due, a node took the job 18 s ago and died
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Duration lockTime = Duration.ofMillis(configuration.getJobExecutor().getLockTimeInMillis());
        Instant takenByDeadNode = Instant.now().minus(lockTime).plusSeconds(2);
        Instant lockExpires = takenByDeadNode.plus(lockTime);
        assertThat(lockExpires).as("the dead node's lock expires well within 30 s of its taking the job")
                .isBefore(takenByDeadNode.plusSeconds(25));
        int locked = JdbcClient.create(configuration.getDataSource()).sql("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = ?, "
                + "LOCK_EXP_TIME_ = ?, DUEDATE_ = ?, REV_ = REV_ + 1 WHERE ID_ = ? AND LOCK_OWNER_ IS NULL")
                .params("dead-node", Timestamp.from(lockExpires), Timestamp.from(takenByDeadNode.minusSeconds(1)),
                        timeout.getId()).update();
        assertThat(locked).isOne();

        // while the lock holds, this node leaves the job to its owner
        Duration whileLocked = Duration.between(Instant.now(), lockExpires).minusMillis(300);
        await().during(whileLocked).atMost(whileLocked.plusSeconds(5))
                .until(() -> book.find(orderNo).orElseThrow().status() == OrderStatus.CREATED);

        await().atMost(Duration.between(Instant.now(), takenByDeadNode.plusSeconds(30)))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> book.find(orderNo).orElseThrow().status() == OrderStatus.CANCELLED);
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(2);
        assertThat(management.createJobQuery().processInstanceId(processId).count()).isZero();
    }
}
