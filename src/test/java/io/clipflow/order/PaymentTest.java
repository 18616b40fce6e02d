package io.clipflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.catalogue.Item;
import io.clipflow.catalogue.Items;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Payments delivered through /api: once, whatever the provider repeats; refused when they must be. */
@ClipflowIntegrationTest
class PaymentTest {

    @Autowired MockMvc mvc;
    @Autowired Items items;
    @Autowired OrderBook book;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired JdbcClient clipflowJdbc;

    OrderApi api;
    String buyer;

    @BeforeEach
    void setUp() {
        api = new OrderApi(mvc);
        buyer = OrderApi.newBuyer(identity, "paybuyer");
    }

    @Test
    void paymentMarksTheOrderPaidAndItsReplayAnswersTheSameWithoutCorrelating() throws Exception {
        String orderNo = api.place(buyer, items.create("Book", 1500, 5).id(), 2);

        String first = api.pay(buyer, orderNo, "pay-" + orderNo, 3000).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID")).andReturn().getResponse().getContentAsString();
        String again = api.pay(buyer, orderNo, "pay-" + orderNo, 3000).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(again).isEqualTo(first);
        assertThat(book.find(orderNo).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(markPaidRuns(orderNo)).isEqualTo(1);
    }

    @Test
    void wrongAmountForeignOrderAndReusedPaymentIdAreRefused() throws Exception {
        long itemId = items.create("Lamp", 999, 5).id();
        String orderNo = api.place(buyer, itemId, 1);

        api.pay(buyer, orderNo, "p-wrong-" + orderNo, 998).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("WRONG_AMOUNT"));
        api.pay("buyer1", orderNo, "p-foreign-" + orderNo, 999).andExpect(status().isNotFound());
        api.pay("admin", orderNo, "p-ops-" + orderNo, 999).andExpect(status().isOk());
        String other = api.place(buyer, itemId, 1);
        api.pay(buyer, other, "p-ops-" + orderNo, 999).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("PAYMENT_ID_REUSED"));
        api.pay(buyer, orderNo, "p-second-" + orderNo, 999).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALREADY_PAID"));
        assertThat(book.find(other).orElseThrow().status()).isEqualTo(OrderStatus.CREATED);
    }

    @Test
    void twentyConcurrentDeliveriesOfOnePaymentCorrelateOnce() throws Exception {
        String orderNo = api.place(buyer, items.create("Chair", 2500, 5).id(), 1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MvcResult>> deliveries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            deliveries.add(pool.submit(() -> {
                start.await();
                return api.pay(buyer, orderNo, "burst-" + orderNo, 2500).andReturn();
            }));
        }
        start.countDown();
        List<String> bodies = new ArrayList<>();
        for (Future<MvcResult> delivery : deliveries) {
            MvcResult result = delivery.get(60, TimeUnit.SECONDS);
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            bodies.add(result.getResponse().getContentAsString());
        }
        pool.shutdown();

        assertThat(bodies).allMatch(bodies.get(0)::equals);
        assertThat(markPaidRuns(orderNo)).isEqualTo(1);
        assertThat(clipflowJdbc.sql("SELECT COUNT(*) FROM payment WHERE order_no = ?").param(orderNo)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void unpaidOrderTimesOutIsCancelledAndGivesItsStockBack() throws Exception {
        Item item = items.create("Kettle", 3000, 4);
        String orderNo = api.place(buyer, item.id(), 3);
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(1);

        // the payment timeout's timer job, run now through the engine as the job executor would when due
        // (the executor itself may idle up to 5 s between polls, too slow and uneven for a test)
        Job timer = management.createJobQuery().processInstanceId(processOf(orderNo)).timers().singleResult();
        assertThat(timer.getDuedate()).isAfter(Date.from(Instant.now().plus(Duration.ofMinutes(14))));
        management.executeJob(timer.getId());

        assertThat(book.find(orderNo).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(4);
        api.pay(buyer, orderNo, "late-" + orderNo, 9000).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ORDER_CANCELLED"));
    }

    private String processOf(String orderNo) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(orderNo).singleResult()
                .getId();
    }

    private long markPaidRuns(String orderNo) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processOf(orderNo))
                .activityId("markPaid").count();
    }
}
