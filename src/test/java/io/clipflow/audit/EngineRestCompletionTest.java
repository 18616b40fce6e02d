package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.clipflow.ClipflowIntegrationTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Completing the audit through engine REST: the same effects as the API, the same refusals (403, 400). */
@ClipflowIntegrationTest
class EngineRestCompletionTest extends AuditApiSupport {

    @Test
    void auditorsMayReadTheProcessTheirTasksBelongTo() {
        String definition = "/engine-rest/process-definition/key/publish-to-display";

        assertThat(http.withBasicAuth("auditor1", "auditor1").getForEntity(definition, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("creator1", "creator1").getForEntity(definition, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void completingThroughEngineRestHasTheSameEffect() {
        String code = publish("Via engine REST", "completed by the assignee");
        Task task = openTask(code);
        Map<String, Object> body = Map.of("variables", Map.of(
                "approved", Map.of("value", false, "type", "Boolean"),
                "reason", Map.of("value", "Copyrighted music", "type", "String")));

        ResponseEntity<String> response = http.withBasicAuth(task.getAssignee(), task.getAssignee())
                .postForEntity("/engine-rest/task/" + task.getId() + "/complete", body, String.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(videoRow(code)).containsEntry("STATUS", 3).containsEntry("AUDITOR", task.getAssignee())
                .containsEntry("REASON", "Copyrighted music");
        assertThat(auditRecords(code)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("DECISION", 3).containsEntry("REASON", "Copyrighted music"));
    }

    @Test
    void engineRestCompletionByAnotherAuditorIsRefusedAndNothingChanges() {
        String code = publish("Guarded", "by the complete listener");
        Task task = openTask(code);
        String other = otherAuditor(task.getAssignee());
        Map<String, Object> body = Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean")));

        ResponseEntity<String> response = http.withBasicAuth(other, other)
                .postForEntity("/engine-rest/task/" + task.getId() + "/complete", body, String.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).contains("Only the auditor this task is assigned to may decide it");
        assertThat(openTask(code)).isNotNull();
        assertThat(videoRow(code)).containsEntry("STATUS", 1);
        assertThat(auditRecords(code)).isEmpty();
    }

    @Test
    void engineRestRejectionWithoutReasonGets400AndNothingChanges() {
        String code = publish("No reason via REST", "refused");
        Task task = openTask(code);
        Map<String, Object> body = Map.of("variables", Map.of("approved", Map.of("value", false, "type", "Boolean")));

        ResponseEntity<String> response = http.withBasicAuth(task.getAssignee(), task.getAssignee())
                .postForEntity("/engine-rest/task/" + task.getId() + "/complete", body, String.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("A rejection needs a 'reason'");
        assertThat(openTask(code)).isNotNull();
        assertThat(videoRow(code)).containsEntry("STATUS", 1);
    }
}
