package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.RedisForTestRun;
import io.clipflow.RedisTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Stops the test run's Redis and starts it again: the app stays up and health says DOWN, and to ops which part. */
@ClipflowIntegrationTest
class RedisHealthTest {

    final RedisTestServer redis = RedisForTestRun.shared();

    @Autowired
    TestRestTemplate http;

    @Test
    void healthReportsRedisDownWhileItIsDownAndUpWhenItReturns() {
        assertThat(health().getBody()).contains("\"redis\":{\"status\":\"UP\"");

        redis.stop();
        try {
            ResponseEntity<String> down = health();
            assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(down.getBody()).contains("\"redis\":{\"status\":\"DOWN\"")
                    .contains("\"shards\":{\"status\":\"UP\"");
            ResponseEntity<String> anonymous = http.getForEntity("/actuator/health", String.class);
            assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(anonymous.getBody()).isEqualTo("{\"status\":\"DOWN\"}");
        }
        finally {
            redis.start();
        }
        assertThat(health().getBody()).contains("\"redis\":{\"status\":\"UP\"");
    }

    /** As ops, who see which part is down. */
    private ResponseEntity<String> health() {
        return http.withBasicAuth("admin", "admin").getForEntity("/actuator/health", String.class);
    }
}
