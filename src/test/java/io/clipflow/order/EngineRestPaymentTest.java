package io.clipflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.catalogue.Items;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Payments correlated through {@code POST /engine-rest/message}: the PAID step itself checks the amount and
 * records the payment id, so nothing is applied twice or wrongly. What engine REST cannot give its caller is
 * a replayed 200: a repeated delivery finds no waiting process and answers 400, changing nothing.
 */
@ClipflowIntegrationTest
class EngineRestPaymentTest {

    @Autowired TestRestTemplate http;
    @Autowired MockMvc mvc;
    @Autowired Items items;
    @Autowired OrderBook book;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired JdbcClient clipflowJdbc;
    @Autowired ProcessEngine engine;

    /**
     * Engine REST finds its engine by name in Camunda's static registry, where every Spring context of this
     * JVM registers one called "default"; the last context started wins. Point it at this context's engine.
     */
    @BeforeEach
    void engineRestUsesThisContextsEngine() {
        ProcessEngines.registerProcessEngine(engine);
    }

    @Test
    void correlationThroughEngineRestPaysOnceAndARepeatChangesNothing() throws Exception {
        String orderNo = new OrderApi(mvc).place("buyer1", items.create("Desk", 12_000, 3).id(), 1);

        assertThat(correlate(orderNo, "rest-" + orderNo, 12_000).getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> repeat = correlate(orderNo, "rest-" + orderNo, 12_000);

        assertThat(repeat.getStatusCode().value()).isEqualTo(400);
        assertThat(book.find(orderNo).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(markPaidRuns(orderNo)).isEqualTo(1);
        new OrderApi(mvc).pay("buyer1", orderNo, "rest-" + orderNo, 12_000).andExpect(status().isOk());
    }

    @Test
    void wrongAmountThroughEngineRestFailsAndTheOrderKeepsWaiting() throws Exception {
        String orderNo = new OrderApi(mvc).place("buyer1", items.create("Shelf", 5_000, 3).id(), 1);

        ResponseEntity<String> wrong = correlate(orderNo, "short-" + orderNo, 4_000);

        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody()).contains("WRONG_AMOUNT");
        assertThat(book.find(orderNo).orElseThrow().status()).isEqualTo(OrderStatus.CREATED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderNo).count()).isEqualTo(1);
        assertThat(correlate(orderNo, "right-" + orderNo, 5_000).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void tenConcurrentEngineRestCorrelationsApplyThePaymentOnce() throws Exception {
        String orderNo = new OrderApi(mvc).place("buyer1", items.create("Sofa", 80_000, 3).id(), 1);
        // ten, not twenty: without the API's Redis gate the losers wait out database lock timeouts
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            deliveries.add(pool.submit(() -> {
                start.await();
                return correlate(orderNo, "herd-" + orderNo, 80_000);
            }));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<ResponseEntity<String>> delivery : deliveries) {
            if (delivery.get(60, TimeUnit.SECONDS).getStatusCode().is2xxSuccessful()) {
                succeeded++;
            }
        }
        pool.shutdown();

        assertThat(succeeded).isEqualTo(1);
        assertThat(markPaidRuns(orderNo)).isEqualTo(1);
        assertThat(clipflowJdbc.sql("SELECT COUNT(*) FROM payment WHERE order_no = ?").param(orderNo)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(book.find(orderNo).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
    }

    private ResponseEntity<String> correlate(String orderNo, String paymentId, long amount) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = """
                {"messageName": "PaymentReceived", "businessKey": "%s",
                 "processVariables": {"paymentId": {"value": "%s", "type": "String"},
                                      "amount": {"value": %d, "type": "Long"}}}""".formatted(orderNo, paymentId,
                amount);
        return http.withBasicAuth("admin", "admin").postForEntity("/engine-rest/message",
                new HttpEntity<>(body, headers), String.class);
    }

    private long markPaidRuns(String orderNo) {
        String processId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(orderNo)
                .singleResult().getId();
        return history.createHistoricActivityInstanceQuery().processInstanceId(processId).activityId("markPaid")
                .count();
    }
}
