package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.clipflow.ClipflowIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Engine REST answers what the caller got wrong with a 4xx and the engine's message; it was a 500. */
@ClipflowIntegrationTest
class EngineRestClientErrorsTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @Test
    void aUserWithAnInvalidIdIsA400AndNotCreated() {
        ResponseEntity<String> response = asAdmin().postForEntity("/engine-rest/user/create",
                Map.of("profile", Map.of("id", "a b/c", "firstName", "A", "lastName", "B"),
                        "credentials", Map.of("password", "secret")), String.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("is not a valid resource identifier");
        assertThat(identity.createUserQuery().userId("a b/c").count()).isZero();
    }

    @Test
    void aGroupWithAnInvalidIdIsA400AndNotCreated() {
        ResponseEntity<String> response = asAdmin().postForEntity("/engine-rest/group/create",
                Map.of("id", "no spaces", "name", "x"), String.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(identity.createGroupQuery().groupId("no spaces").count()).isZero();
    }

    @Test
    void unknownTasksAndInstancesAre400s() {
        ResponseEntity<String> complete = asAdmin().postForEntity("/engine-rest/task/no-such-task/complete",
                Map.of(), String.class);
        ResponseEntity<String> claim = asAdmin().postForEntity("/engine-rest/task/no-such-task/claim",
                Map.of("userId", "admin"), String.class);
        ResponseEntity<String> variables = asAdmin().getForEntity(
                "/engine-rest/process-instance/no-such-instance/variables", String.class);

        assertThat(complete.getStatusCode()).as(complete.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(complete.getBody()).contains("Cannot complete task no-such-task: Cannot find task");
        assertThat(claim.getStatusCode()).as(claim.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(variables.getStatusCode()).as(variables.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void startingAProcessWithoutTheVariablesItNeedsIsA400AndStartsNothing() {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("order").count();

        ResponseEntity<String> response = asAdmin().postForEntity(
                "/engine-rest/process-definition/key/order/start", Map.of("businessKey", "hostile"), String.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("Unknown property used in expression");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("order").count()).isEqualTo(before);
    }

    private TestRestTemplate asAdmin() {
        return http.withBasicAuth("admin", "admin");
    }
}
