package io.clipflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.catalogue.Item;
import io.clipflow.catalogue.Items;
import io.clipflow.idempotency.IdempotencyKeys;
import io.clipflow.idempotency.IdempotentRequests;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.ErrorResponseException;

/** Many requests carrying one key at the same moment, over real HTTP: one order, one stock reservation. */
@ClipflowIntegrationTest
class ConcurrentOrderTest {

    @Autowired TestRestTemplate http;
    @Autowired MockMvc mvc;
    @Autowired Items items;
    @Autowired IdempotentRequests idempotent;
    @Autowired IdempotencyKeys keys;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient clipflowJdbc;

    @Test
    void fiftyConcurrentSubmissionsOfOneKeyCreateExactlyOneOrder() throws Exception {
        String buyer = OrderApi.newBuyer(identity, "rushbuyer");
        Item item = items.create("Console", 49_900, 100);
        String key = new OrderApi(mvc).token(buyer);
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(buyer, buyer);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        HttpEntity<String> request = new HttpEntity<>(OrderApi.orderJson(item.id(), 2), headers);

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return http.postForEntity("/api/orders", request, String.class);
            }));
        }
        start.countDown();
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        Set<String> orderNumbers = ConcurrentHashMap.newKeySet();
        for (Future<ResponseEntity<String>> answer : answers) {
            ResponseEntity<String> response = answer.get(60, TimeUnit.SECONDS);
            statuses.add(response.getStatusCode().value());
            if (response.getStatusCode().value() == 201) {
                orderNumbers.add(JsonPath.read(response.getBody(), "$.orderNo"));
            }
        }
        pool.shutdown();

        assertThat(statuses).isSubsetOf(200, 201, 409).contains(201);
        assertThat(orderNumbers).hasSize(1);
        assertThat(clipflowJdbc.sql("SELECT COUNT(*) FROM orders WHERE buyer = ?").param(buyer)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(98);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderNumbers.iterator().next())
                .count()).isEqualTo(1);
    }

    @Test
    void aSecondRequestWhileTheFirstIsStillRunningGets409() throws Exception {
        String key = keys.issue("buyer1").token();
        OrderController.NewOrder order = new OrderController.NewOrder(1L, 1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<ResponseEntity<String>> first = pool.submit(() -> idempotent.execute(key, "buyer1", order, () -> {
            firstRunning.countDown();
            await(releaseFirst);
            return ResponseEntity.status(201).body(java.util.Map.of("orderNo", "O1"));
        }));
        firstRunning.await(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> idempotent.execute(key, "buyer1", order, () -> ResponseEntity.ok("second")))
                .isInstanceOfSatisfying(ErrorResponseException.class, ex -> {
                    assertThat(ex.getStatusCode().value()).isEqualTo(409);
                    assertThat(ex.getBody().getProperties()).containsEntry("code", "IDEMPOTENCY_KEY_IN_FLIGHT");
                });
        releaseFirst.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(201);
        assertThat(idempotent.execute(key, "buyer1", order, () -> ResponseEntity.ok("never")).getBody())
                .isEqualTo("{\"orderNo\":\"O1\"}");
        pool.shutdown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
