package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.clipflow.ClipflowIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@ClipflowIntegrationTest
class OperationsEndpointsTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    /**
     * The wrong password below locks admin in the engine for a few seconds; the next test class to sign admin in
     * after its verified password left the credential cache would get 401.
     */
    @AfterEach
    void unlockAdmin() {
        identity.unlockUser("admin");
    }

    @Test
    void healthShowsOnlyUpOrDownToAnyone() {
        ResponseEntity<String> anonymous = http.getForEntity("/actuator/health", String.class);
        ResponseEntity<String> buyer = http.withBasicAuth("buyer1", "buyer1").getForEntity("/actuator/health",
                String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getBody()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(buyer.getBody()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(http.getForEntity("/actuator/health/redis", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void healthNamesEveryPartToOps() {
        ResponseEntity<String> health = http.withBasicAuth("admin", "admin").getForEntity("/actuator/health",
                String.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"redis\":{\"status\":\"UP\"", "\"shards\":{\"status\":\"UP\"",
                "\"processEngine\":{\"status\":\"UP\"", "camundaBpmDataSource");
    }

    @Test
    void prometheusExposesEngineAndHttpMetricsToOps() {
        http.withBasicAuth("admin", "admin").getForEntity("/api/me", String.class);

        ResponseEntity<String> metrics = http.withBasicAuth("admin", "admin").getForEntity("/actuator/prometheus",
                String.class);

        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("http_server_requests_seconds", "hikaricp_connections");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used" })
    void metricsAreForOpsOnly(String path) {
        ResponseEntity<String> anonymous = http.getForEntity(path, String.class);
        ResponseEntity<String> buyer = http.withBasicAuth("buyer1", "buyer1").getForEntity(path, String.class);
        ResponseEntity<String> wrongPassword = http.withBasicAuth("admin", "nope").getForEntity(path, String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(anonymous.getBody()).contains("\"code\":\"UNAUTHORIZED\"").doesNotContain("jvm_");
        assertThat(buyer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(buyer.getBody()).contains("\"code\":\"FORBIDDEN\"").doesNotContain("jvm_");
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("admin", "admin").getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
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
