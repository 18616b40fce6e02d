package io.clipflow.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipflow.crash.ApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one instant a random kill almost never hits: after the engine's commit and before the shards'. The app is
 * started with {@code clipflow.faults.halt-between-commits}, so its JVM halts right there (no shutdown, as under
 * {@code kill -9}) on the first request that writes both. The request gets no answer; after a normal restart,
 * what the engine's commit promised is in the shards too (written again from the redo log), exactly once.
 */
class HaltBetweenCommitsIT {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    private final Path runDir = Path.of("target", "crash", "halt-" + System.currentTimeMillis());
    private final int port = CrashHarness.freePort();
    private RedisServer redis;
    private AppProcess app;
    private ApiClient api;

    @BeforeEach
    void startRedis() {
        redis = new RedisServer(CrashHarness.freePort(), runDir.resolve("redis"));
        redis.start();
        api = new ApiClient(port, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopAll() {
        if (app != null) {
            app.kill();
        }
        redis.kill();
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void anOrderAndAVideoCutOffBetweenTheTwoCommitsAreWholeAfterTheRestart() throws Exception {
        start("--clipflow.faults.halt-between-commits=true");
        long itemId = api.call("POST", "admin", "/api/items", Map.of("name", "Halt lamp", "priceCents", 700,
                "stock", 10), null).json().path("id").asLong();
        String key = api.call("POST", "buyer1", "/api/orders/tokens", null).text("token");
        Map<String, Object> order = Map.of("itemId", itemId, "quantity", 3);
        assertThatThrownBy(() -> api.post("buyer1", "/api/orders", order, key)).isInstanceOf(ApiClient.NoAnswer.class);

        // the key's in-flight lease made short, so that the client's retry can run within the test
        start("--clipflow.orders.in-flight-lease=PT2S");
        JsonNode placed = await("the order written again from the redo log").atMost(Duration.ofSeconds(40))
                .until(() -> ordersOf("buyer1", itemId), list -> list.size() == 1).get(0);
        String orderNo = placed.path("orderNo").asText();
        Answer retried = api.call("POST", "buyer1", "/api/orders", order, key);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.text("orderNo")).isEqualTo(orderNo);
        assertThat(count("/engine-rest/history/process-instance/count?processDefinitionKey=order"
                + "&processInstanceBusinessKey=" + orderNo)).isOne();
        assertThat(api.call("GET", "buyer1", "/api/items/" + itemId, null).json().path("stock").asInt()).isEqualTo(7);

        start("--clipflow.faults.halt-between-commits=true");
        String title = "Halted between commits " + UUID.randomUUID();
        assertThatThrownBy(() -> api.post("creator1", "/api/videos", Map.of("title", title,
                "description", "Cut off after the engine committed", "videoUrl", "https://videos.example/halt.mp4"),
                null)).isInstanceOf(ApiClient.NoAnswer.class);

        start();
        JsonNode video = await("the video written again from the redo log").atMost(Duration.ofSeconds(40))
                .until(() -> videosTitled(title), list -> list.size() == 1).get(0);
        String code = video.path("code").asText();
        assertThat(video.path("status").asText()).isEqualTo("PENDING");
        assertThat(count("/engine-rest/history/process-instance/count?processDefinitionKey=publish-to-display"
                + "&processInstanceBusinessKey=" + code)).isOne();
        assertThat(count("/engine-rest/task/count?processInstanceBusinessKey=" + code)).isOne();
        assertThat(api.call("GET", "creator1", "/api/videos/" + code, null).status()).isEqualTo(200);
    }

    /** Starts the app on the same files and port, after the previous one (halted or not) is gone. */
    private void start(String... args) {
        if (app != null) {
            app.kill();
        }
        app = new AppProcess(Path.of(System.getProperty("crash.jar", CrashOptions.DEFAULT_JAR.toString())),
                runDir.resolve("app"), port, redis.port(), List.of("-Xmx1g"), List.of(args), START_LIMIT);
        app.start();
    }

    private List<JsonNode> ordersOf(String buyer, long itemId) {
        Answer page = api.call("GET", buyer, "/api/orders?size=100", null);
        return stream(page.json().path("content")).filter(o -> o.path("itemId").asLong() == itemId).toList();
    }

    private List<JsonNode> videosTitled(String title) {
        Answer page = api.call("GET", "admin", "/api/videos?size=10&title="
                + URLEncoder.encode(title, StandardCharsets.UTF_8), null);
        return stream(page.json().path("items")).toList();
    }

    private long count(String path) {
        return api.call("GET", "admin", path, null).json().path("count").asLong();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
