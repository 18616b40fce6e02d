package io.clipflow.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipflow.RedisClusterTestServer;
import io.clipflow.platform.ClipflowGroups;
import io.clipflow.platform.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three flows on a real Redis Cluster of three masters ({@code spring.data.redis.cluster.nodes}): every Lua
 * script's keys share one hash slot, or Redis would refuse it ({@code CROSSSLOT}) and the API answer 500. The
 * word library's reload message, the feed cache, the auditor load, order keys, flash sales with both kinds of
 * token and a webapp login (whose session id changes, a rename across slots) all run on it.
 */
class RedisClusterFlowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RedisClusterTestServer cluster;
    static ProcessEngine registered;
    static AppNode node;

    @BeforeAll
    static void aNodeOnARedisCluster() {
        cluster = RedisClusterTestServer.start();
        registered = AppNode.registeredEngine();
        node = AppNode.start(Map.of("spring.data.redis.cluster.nodes", cluster.nodes()));
    }

    @AfterAll
    static void stop() {
        try {
            if (node != null) {
                node.close();
            }
        }
        finally {
            AppNode.restoreEngineRegistry(registered);
            if (cluster != null) {
                cluster.stop();
            }
        }
    }

    @Test
    void publishScreensAssignsAuditsAndShowsOnTheFeed() throws Exception {
        JsonNode word = ok(call("POST", "/api/sensitive-words", "admin", "{\"word\":\"clusterbanned\",\"level\":\"BLOCK\"}"));
        assertThat(word.path("word").asText()).isEqualTo("clusterbanned");
        String blocked = code(call("POST", "/api/videos", "creator1", video("Promo", "buy clusterbanned now")));
        await("the word screen rejects").atMost(Duration.ofSeconds(20))
                .until(() -> status(blocked).equals("REJECTED"));

        String code = code(call("POST", "/api/videos", "creator1", video("Harbour", "boats at dawn")));
        String auditor = await("an auditor assigned").atMost(Duration.ofSeconds(20))
                .until(() -> ok(call("GET", "/api/videos/" + code, "creator1", null)).path("auditor").asText(""),
                        assigned -> !assigned.isEmpty());
        ok(call("POST", "/api/audits/" + code + "/decision", auditor, "{\"approved\":true}"));

        assertThat(status(code)).isEqualTo("APPROVED");
        assertThat(ok(call("GET", "/api/feed", "buyer1", null)).findValuesAsText("code")).contains(code);
        assertThat(ok(call("GET", "/api/feed", "buyer1", null)).findValuesAsText("code")).contains(code);
    }

    @Test
    void anOrderIsPlacedOncePerKeyAndPaidOnce() throws Exception {
        long item = ok(call("POST", "/api/items", "admin", "{\"name\":\"Tripod\",\"priceCents\":1500,\"stock\":5}"))
                .path("id").asLong();
        String token = ok(call("POST", "/api/orders/tokens", "buyer1", null)).path("token").asText();
        String order = "{\"itemId\":" + item + ",\"quantity\":2}";

        HttpResponse<String> first = node.call("POST", "/api/orders", "buyer1", order, Map.of("Idempotency-Key", token));
        HttpResponse<String> again = node.call("POST", "/api/orders", "buyer1", order, Map.of("Idempotency-Key", token));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.body()).isEqualTo(first.body());
        String orderNo = JSON.readTree(first.body()).path("orderNo").asText();
        String payment = "{\"paymentId\":\"pay-" + orderNo + "\",\"amount\":3000}";
        assertThat(ok(call("POST", "/api/orders/" + orderNo + "/payments", "buyer1", payment)).path("status").asText())
                .isEqualTo("PAID");
        assertThat(ok(call("POST", "/api/orders/" + orderNo + "/payments", "buyer1", payment)).path("status").asText())
                .isEqualTo("PAID");
        assertThat(ok(call("GET", "/api/items/" + item, "buyer1", null)).path("stock").asInt()).isEqualTo(3);
    }

    @Test
    void aFlashSaleSellsItsStockOncePerBuyerWithEitherKindOfToken() throws Exception {
        int units = 8;
        int buyers = 24;
        long item = ok(call("POST", "/api/items", "admin", "{\"name\":\"Ring light\",\"priceCents\":2599,\"stock\":20}"))
                .path("id").asLong();
        OffsetDateTime now = OffsetDateTime.now();
        long event = ok(call("POST", "/api/seckill/events", "admin", "{\"itemId\":" + item + ",\"stock\":" + units
                + ",\"startsAt\":\"" + now.minusSeconds(5) + "\",\"endsAt\":\"" + now.plusMinutes(10) + "\"}"))
                .path("id").asLong();
        IdentityService identity = node.bean(IdentityService.class);
        List<String> crowd = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            crowd.add(buyer(identity, "clusterbuyer" + i));
        }

        Map<String, String> accepted = new ConcurrentHashMap<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> tries = new ArrayList<>();
        for (int i = 0; i < crowd.size(); i++) {
            String buyer = crowd.get(i);
            String tokens = i % 2 == 0 ? "/api/seckill/events/" + event + "/tokens" : "/api/orders/tokens";
            tries.add(pool.submit(() -> {
                for (int attempt = 0; attempt < 2; attempt++) {
                    String token = ok(call("POST", tokens, buyer, null)).path("token").asText();
                    HttpResponse<String> answer = node.call("POST", "/api/seckill/events/" + event + "/attempts",
                            buyer, null, Map.of("Idempotency-Key", token));
                    statuses.merge(answer.statusCode(), 1, Integer::sum);
                    if (answer.statusCode() == 202) {
                        accepted.merge(buyer, JSON.readTree(answer.body()).path("attemptId").asText(),
                                (a, b) -> a + "," + b);
                    }
                }
                return null;
            }));
        }
        for (Future<?> attempt : tries) {
            attempt.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(statuses.keySet()).as("statuses %s", statuses).containsOnly(202, 409);
        assertThat(accepted).hasSize(units).allSatisfy((buyer, ids) -> assertThat(ids).doesNotContain(","));
        accepted.forEach((buyer, attemptId) -> await("the order of " + attemptId).atMost(Duration.ofSeconds(60))
                .until(() -> ok(call("GET", "/api/seckill/attempts/" + attemptId, buyer, null)).path("status")
                        .asText().equals("SUCCEEDED")));
        JsonNode sale = ok(call("GET", "/api/seckill/events/" + event, "buyer1", null));
        assertThat(sale.path("remaining").asInt()).isZero();
        assertThat(sale.path("sold").asInt()).isEqualTo(units);
        JsonNode report = ok(call("POST", "/api/seckill/events/" + event + "/reconcile", "admin", null));
        assertThat(report.path("orders").asInt()).isEqualTo(units);
        assertThat(report.path("drift").asInt()).isZero();
        assertThat(ok(call("GET", "/api/items/" + item, "buyer1", null)).path("stock").asInt()).isEqualTo(20 - units);
    }

    @Test
    void aWebappLoginLivesInTheClusterAndKeysSpreadOverItsMasters() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.get(node, "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> login = browser.post(node, "/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=auditor1&password=auditor1");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(browser.get(node, "/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"auditor1\"");

        ok(call("POST", "/api/orders/tokens", "buyer1", null));
        assertThat(cluster.ports()).as("every master holds some of clipflow's keys").allSatisfy(port -> assertThat(
                Long.parseLong(cluster.cli(port, "DBSIZE").trim())).isPositive());
    }

    private static HttpResponse<String> call(String method, String path, String user, String json) {
        return node.call(method, path, user, json, Map.of());
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + ": "
                + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static String code(HttpResponse<String> published) throws Exception {
        return ok(published).path("code").asText();
    }

    private static String status(String code) throws Exception {
        return ok(call("GET", "/api/videos/" + code, "creator1", null)).path("status").asText();
    }

    private static String video(String title, String description) {
        return "{\"title\":\"" + title + "\",\"description\":\"" + description
                + "\",\"videoUrl\":\"https://v.example/c.mp4\"}";
    }

    private static String buyer(IdentityService identity, String id) {
        return TestUsers.member(identity, id, ClipflowGroups.BUYERS);
    }
}
