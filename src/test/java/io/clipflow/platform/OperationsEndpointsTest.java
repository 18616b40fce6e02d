package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.clipflow.ClipflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@ClipflowIntegrationTest
class OperationsEndpointsTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void healthNamesEveryPart() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"redis\":{\"status\":\"UP\"", "\"shards\":{\"status\":\"UP\"",
                "\"processEngine\":{\"status\":\"UP\"", "camundaBpmDataSource");
    }

    @Test
    void prometheusExposesEngineAndHttpMetrics() {
        http.withBasicAuth("admin", "admin").getForEntity("/api/me", String.class);

        ResponseEntity<String> metrics = http.getForEntity("/actuator/prometheus", String.class);

        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("http_server_requests_seconds", "hikaricp_connections");
    }

    @Test
    void openApiDocumentsTheApi() {
        ResponseEntity<String> doc = http.getForEntity("/v3/api-docs", String.class);
        ResponseEntity<String> ui = http.getForEntity("/swagger-ui/index.html", String.class);

        assertThat(doc.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(doc.getBody()).contains("\"/api/me\"").contains("clipflow");
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
