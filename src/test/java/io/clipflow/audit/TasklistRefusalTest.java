package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.WebappSession;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guard's refusals where Tasklist meets them: its form is submitted to the webapps' own engine REST, which
 * answered them with 500 and the engine's wrapper message until {@link ListenerRefusals}. Now 400 and 403, with
 * the guard's words, and nothing changes.
 */
@ClipflowIntegrationTest
class TasklistRefusalTest extends AuditApiSupport {

    @LocalServerPort
    int port;

    @Test
    void aBlankReasonGets400WithTheGuardsMessage() {
        String code = publish("Blank reason in Tasklist", "the form lets spaces through");
        Task task = openTask(code);

        HttpResponse<String> response = WebappSession.signIn(port, "tasklist", task.getAssignee())
                .postJson("/task/" + task.getId() + "/submit-form", """
                        {"variables": {"approved": {"value": false, "type": "Boolean"},
                                       "reason": {"value": "   ", "type": "String"}}}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("A rejection needs a 'reason'").doesNotContain("ENGINE-03051");
        assertThat(openTask(code)).isNotNull();
        assertThat(videoRow(code)).containsEntry("STATUS", 1);
        assertThat(auditRecords(code)).isEmpty();
    }

    @Test
    void aTaskHandedToAnotherAuditorMeanwhileGets403WithTheGuardsMessage() {
        String code = publish("Handed over in Tasklist", "while the form was open");
        Task task = openTask(code);
        WebappSession firstHolder = WebappSession.signIn(port, "tasklist", task.getAssignee());
        tasks.setAssignee(task.getId(), otherAuditor(task.getAssignee()));

        HttpResponse<String> response = firstHolder.postJson("/task/" + task.getId() + "/submit-form", """
                {"variables": {"approved": {"value": true, "type": "Boolean"}}}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("Only the auditor this task is assigned to may decide it")
                .doesNotContain("ENGINE-03051");
        assertThat(openTask(code).getAssignee()).isEqualTo(otherAuditor(task.getAssignee()));
        assertThat(videoRow(code)).containsEntry("STATUS", 1);
        assertThat(auditRecords(code)).isEmpty();
    }
}
