package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.clipflow.RedisTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a Redis of its own that it stops and starts again: the app stays up and health says which part is down.
 * A second context: its engine gets a unique name, else it replaces the shared context's engine as "default" in
 * Camunda's static registry, and engine REST of the shared context would talk to this one from then on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=true")
@ActiveProfiles("test")
class RedisHealthTest {

    static final RedisTestServer redis = RedisTestServer.startOnFreePort();

    @DynamicPropertySource
    static void redisPort(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", redis::port);
    }

    @AfterAll
    static void stopRedis() {
        redis.stop();
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void healthReportsRedisDownWhileItIsDownAndUpWhenItReturns() {
        assertThat(health().getBody()).contains("\"redis\":{\"status\":\"UP\"");

        redis.stop();
        ResponseEntity<String> down = health();
        assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(down.getBody()).contains("\"redis\":{\"status\":\"DOWN\"").contains("\"shards\":{\"status\":\"UP\"");

        redis.start();
        assertThat(health().getBody()).contains("\"redis\":{\"status\":\"UP\"");
    }

    private ResponseEntity<String> health() {
        return http.getForEntity("/actuator/health", String.class);
    }
}
