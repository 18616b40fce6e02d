package io.clipflow.seckill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.catalogue.Items;
import io.clipflow.idempotency.IdempotencyKeys;
import io.clipflow.order.Order;
import io.clipflow.order.OrderBook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The flash sale under load, through the whole app: 2,000 attempts from 400 buyers (each tries five times with
 * new tokens, some repeat a token) for 100 units → exactly 100 orders, one per buyer, no 5xx, Redis and the
 * database agree.
 */
@ClipflowIntegrationTest
class SeckillConcurrencyTest {

    static final int BUYERS = 400;
    static final int TRIES_PER_BUYER = 5;
    static final int UNITS = 100;
    static final int ITEM_STOCK = 150;

    @Autowired MockMvc mvc;
    @Autowired Items items;
    @Autowired OrderBook orderBook;
    @Autowired IdentityService identity;
    @Autowired Attempts attempts;
    @Autowired SeckillEvents events;
    @Autowired IdempotencyKeys keys;

    @Test
    void twoThousandAttemptsForOneHundredUnitsMakeExactlyOneHundredOrdersOnePerBuyer() throws Exception {
        SeckillApi api = new SeckillApi(mvc);
        List<String> buyers = IntStream.range(0, BUYERS)
                .mapToObj(i -> SeckillApi.newBuyer(identity, "crowd" + i)).toList();
        long item = items.create("Limited sneaker", 49_900, ITEM_STOCK).id();
        long event = api.openEvent(item, UNITS);
        List<String> tries = new ArrayList<>();
        buyers.forEach(buyer -> tries.addAll(Collections.nCopies(TRIES_PER_BUYER, buyer)));
        Collections.shuffle(tries, new Random(42));

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, String> acceptedAttempts = new ConcurrentHashMap<>();
        AtomicInteger unitsTaken = new AtomicInteger();
        AtomicInteger replaysDiffering = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < tries.size(); i++) {
            String buyer = tries.get(i);
            boolean repeatsToken = i % 10 == 0;
            // half bring a token issued for the event (spent in the accept script), half an order token (claimed
            // in a step of its own): both ways at once
            boolean eventToken = i % 4 < 2;
            running.add(pool.submit(() -> {
                start.await();
                String token = eventToken ? keys.issue(buyer, SeckillKeys.slotTag(event)).token()
                        : keys.issue(buyer).token();
                MockHttpServletResponse response = api.attempt(buyer, event, token);
                statuses.computeIfAbsent(response.getStatus(), s -> new AtomicInteger()).incrementAndGet();
                if (response.getStatus() == 202) {
                    unitsTaken.incrementAndGet();
                    String attemptId = JsonPath.read(response.getContentAsString(), "$.attemptId");
                    acceptedAttempts.merge(buyer, attemptId, (a, b) -> a + "," + b);
                }
                if (repeatsToken) {
                    MockHttpServletResponse replay = api.attempt(buyer, event, token);
                    if (replay.getStatus() != response.getStatus()
                            || !replay.getContentAsString().equals(response.getContentAsString())) {
                        replaysDiffering.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> attempt : running) {
            attempt.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(statuses.keySet()).as("statuses %s", statuses).containsOnly(202, 409);
        assertThat(unitsTaken.get()).isEqualTo(UNITS);
        assertThat(acceptedAttempts).hasSize(UNITS).allSatisfy((buyer, ids) -> assertThat(ids).doesNotContain(","));
        assertThat(replaysDiffering.get()).isZero();
        assertThat(events.remaining(event)).isZero();

        await("100 orders").atMost(Duration.ofSeconds(45)).until(() -> acceptedAttempts.values().stream()
                .allMatch(id -> attempts.find(id).orElseThrow().status() != Attempts.Status.PENDING));
        assertThat(acceptedAttempts.values()).allSatisfy(id -> assertThat(attempts.find(id).orElseThrow().status())
                .isEqualTo(Attempts.Status.SUCCEEDED));
        List<Order> orders = orderBook.placedFor(SeckillKeys.orderSourcePrefix(event));
        assertThat(orders).hasSize(UNITS);
        assertThat(orders.stream().map(Order::buyer).collect(Collectors.toSet())).hasSize(UNITS)
                .isEqualTo(acceptedAttempts.keySet());
        assertThat(items.find(item).orElseThrow().stock()).isEqualTo(ITEM_STOCK - UNITS);
        assertThat(events.remaining(event)).isZero();
    }
}
