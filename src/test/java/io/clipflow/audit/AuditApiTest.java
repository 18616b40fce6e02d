package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipflow.ClipflowIntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ClipflowIntegrationTest
class AuditApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient clipflowJdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void publishedVideoIsAuditedByItsAssigneeAndShownOnTheFeed() throws Exception {
        String code = publish("Harbour at dusk", "a calm timelapse");
        String auditor = openTask(code).getAssignee();

        mvc.perform(get("/api/audits/mine").with(httpBasic(auditor, auditor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '" + code + "')].title").value("Harbour at dusk"));
        mvc.perform(post("/api/audits/{code}/decision", code).with(httpBasic(auditor, auditor))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approved\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.auditor").value(auditor));

        assertThat(openTask(code)).isNull();
        assertThat(auditRecords(code)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("AUDITOR", auditor).containsEntry("DECISION", 2));
        mvc.perform(get("/api/feed?size=50").with(httpBasic("buyer1", "buyer1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.code == '" + code + "')].title").value("Harbour at dusk"));
    }

    @Test
    void anotherAuditorGets403AndTheTaskStaysOpen() throws Exception {
        String code = publish("Not yours", "to decide");
        String assignee = openTask(code).getAssignee();
        String other = otherAuditor(assignee);

        mvc.perform(decision(code, other, "{\"approved\": true}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));

        assertThat(openTask(code)).isNotNull();
    }

    @Test
    void rejectingWithoutReasonGets400() throws Exception {
        String code = publish("Reasonless", "reject");
        String assignee = openTask(code).getAssignee();

        mvc.perform(decision(code, assignee, "{\"approved\": false}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("REASON_REQUIRED"));
        mvc.perform(decision(code, assignee, "{\"reason\": \"no decision\"}")).andExpect(status().isBadRequest());

        assertThat(openTask(code)).isNotNull();
    }

    @Test
    void decidingTwiceGets409() throws Exception {
        String code = publish("Twice", "decided");
        String assignee = openTask(code).getAssignee();
        mvc.perform(decision(code, assignee, "{\"approved\": false, \"reason\": \"blurry\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.reason").value("blurry"));

        mvc.perform(decision(code, assignee, "{\"approved\": true}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_DECIDED"));
    }

    @Test
    void creatorsMayNotDecide() throws Exception {
        String code = publish("Self-approval", "not allowed");

        mvc.perform(decision(code, "creator1", "{\"approved\": true}")).andExpect(status().isForbidden());
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

    @Test
    void videoIsVisibleToItsCreatorAndAuditorsButNotToOthers() throws Exception {
        String code = publish("Visibility", "check");

        mvc.perform(get("/api/videos/{code}", code).with(httpBasic("creator1", "creator1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(get("/api/videos/{code}", code).with(httpBasic("auditor1", "auditor1")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/videos/{code}", code).with(httpBasic("buyer1", "buyer1")))
                .andExpect(status().isNotFound());
    }

    String publish(String title, String description) {
        try {
            String body = mvc.perform(post("/api/videos").with(httpBasic("creator1", "creator1"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(Map.of("title", title, "description", description,
                                    "videoUrl", "https://v.example/clip.mp4"))))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/videos/")))
                    .andExpect(jsonPath("$.status").value("PENDING"))
                    .andReturn().getResponse().getContentAsString();
            return json.readTree(body).get("code").asText();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private org.springframework.test.web.servlet.RequestBuilder decision(String code, String user, String body) {
        return post("/api/audits/{code}/decision", code).with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    Task openTask(String code) {
        return tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("auditVideo")
                .singleResult();
    }

    static String otherAuditor(String assignee) {
        return List.of("auditor1", "auditor2", "auditor3").stream().filter(a -> !a.equals(assignee)).findFirst()
                .orElseThrow();
    }

    Map<String, Object> videoRow(String code) {
        return clipflowJdbc.sql("SELECT status, auditor, reason FROM publish WHERE code = ?").param(code).query()
                .singleRow();
    }

    List<Map<String, Object>> auditRecords(String code) {
        return clipflowJdbc.sql("SELECT auditor, decision, reason FROM audit_record WHERE code = ?").param(code)
                .query().listOfRows();
    }
}
