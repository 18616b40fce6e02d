package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import io.clipflow.ClipflowIntegrationTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A four-eyes video (the demo's travel category, pool guide1 and guide2) through {@code /api} and engine REST: two
 * decisions by two auditors, each recorded and listed with the video; the first auditor cannot decide again.
 */
@ClipflowIntegrationTest
class FourEyesApiTest extends AuditApiSupport {

    static final List<String> GUIDES = List.of("guide1", "guide2");

    @Test
    void twoAuditorsApproveThroughTheApiAndTheVideoListsBothDecisions() throws Exception {
        String code = publishIn("travel", "Rice terraces at dawn");
        String first = openTask(code).getAssignee();
        assertThat(GUIDES).contains(first);

        String firstAnswer = mvc.perform(decision(code, first, "{\"approved\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.decisions.length()").value(1))
                .andExpect(jsonPath("$.decisions[0].auditor").value(first))
                .andReturn().getResponse().getContentAsString();
        Task second = openSecondReview(code);
        String secondAuditor = second.getAssignee();
        assertThat(secondAuditor).isIn(GUIDES).isNotEqualTo(first);
        assertThat(JsonPath.<String>read(firstAnswer, "$.auditor")).as("the answer names the second auditor")
                .isEqualTo(secondAuditor);
        assertThat(second.getName()).isEqualTo("Second review: Rice terraces at dawn (Places to go)");

        mvc.perform(get("/api/videos/{code}", code).with(httpBasic("creator1", "creator1")))
                .andExpect(jsonPath("$.status").value("PENDING")).andExpect(jsonPath("$.auditor").value(secondAuditor));
        mvc.perform(get("/api/audits/mine?size=100").with(httpBasic(secondAuditor, secondAuditor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '" + code + "')].review").value("SECOND"))
                .andExpect(jsonPath("$[?(@.code == '" + code + "')].firstDecision")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("Approved by " + first))));
        mvc.perform(decision(code, first, "{\"approved\": true}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_DECIDED"));

        mvc.perform(decision(code, secondAuditor, "{\"approved\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.auditor").value(secondAuditor));

        mvc.perform(get("/api/videos/{code}", code).with(httpBasic("creator1", "creator1")))
                .andExpect(jsonPath("$.decisions[0].auditor").value(first))
                .andExpect(jsonPath("$.decisions[0].approved").value(true))
                .andExpect(jsonPath("$.decisions[1].auditor").value(secondAuditor))
                .andExpect(jsonPath("$.decisions[1].approved").value(true))
                .andExpect(jsonPath("$.decisions[1].decidedAt").isNotEmpty());
        assertThat(auditRecords(code)).extracting(r -> r.get("AUDITOR"), r -> r.get("DECISION"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(first, 2),
                        org.assertj.core.groups.Tuple.tuple(secondAuditor, 2));
        assertThat(videoRow(code)).containsEntry("STATUS", 2).containsEntry("AUDITOR", secondAuditor);
    }

    @Test
    void theSecondAuditorRejectsThroughEngineRestWithTheReason() throws Exception {
        String code = publishIn("travel", "Volcano selfie");
        String first = openTask(code).getAssignee();
        mvc.perform(decision(code, first, "{\"approved\": true}")).andExpect(status().isOk());
        Task second = openSecondReview(code);
        Map<String, Object> reject = Map.of("variables", Map.of(
                "approved", Map.of("value", false, "type", "Boolean"),
                "reason", Map.of("value", "Standing on the crater rim", "type", "String")));

        ResponseEntity<String> byFirst = http.withBasicAuth(first, first)
                .postForEntity("/engine-rest/task/" + second.getId() + "/complete", reject, String.class);
        ResponseEntity<String> handedToFirst = http.withBasicAuth("admin", "admin").postForEntity(
                "/engine-rest/task/" + second.getId() + "/assignee", Map.of("userId", first), String.class);
        ResponseEntity<String> bySecond = http.withBasicAuth(second.getAssignee(), second.getAssignee())
                .postForEntity("/engine-rest/task/" + second.getId() + "/complete", reject, String.class);

        assertThat(byFirst.getStatusCode()).as(byFirst.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(handedToFirst.getStatusCode()).as(handedToFirst.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(handedToFirst.getBody()).contains("may not give the second");
        assertThat(bySecond.getStatusCode()).as(bySecond.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode video = json.readTree(mvc.perform(get("/api/videos/{code}", code)
                .with(httpBasic("creator1", "creator1"))).andReturn().getResponse().getContentAsString());
        assertThat(video.get("status").asText()).isEqualTo("REJECTED");
        assertThat(video.get("reason").asText()).isEqualTo("Standing on the crater rim");
        assertThat(video.get("decisions")).hasSize(2);
        assertThat(video.get("decisions").get(1).get("auditor").asText()).isEqualTo(second.getAssignee());
        assertThat(video.get("decisions").get(1).get("approved").asBoolean()).isFalse();
        assertThat(video.get("decisions").get(1).get("reason").asText()).isEqualTo("Standing on the crater rim");
    }

    @Test
    void theFirstAuditorRejectingEndsItAtOnce() throws Exception {
        String code = publishIn("travel", "Hostel tour");
        String first = openTask(code).getAssignee();

        mvc.perform(decision(code, first, "{\"approved\": false, \"reason\": \"Advertising\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decisions.length()").value(1));

        assertThat(openSecondReview(code)).isNull();
        assertThat(auditRecords(code)).singleElement().satisfies(r -> assertThat(r).containsEntry("DECISION", 3));
    }
}
