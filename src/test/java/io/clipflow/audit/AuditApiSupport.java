package io.clipflow.audit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Helpers for the audit API tests: publish through the API, find the audit task, read the rows. */
abstract class AuditApiSupport {

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

    String publish(String title, String description) {
        return publish(title, description, Map.of());
    }

    String publishIn(String category, String title) {
        return publish(title, "a video about " + category, Map.of("category", category));
    }

    private String publish(String title, String description, Map<String, String> more) {
        Map<String, String> request = new java.util.HashMap<>(more);
        request.putAll(Map.of("title", title, "description", description, "videoUrl", "https://v.example/clip.mp4"));
        try {
            String body = mvc.perform(post("/api/videos").with(httpBasic("creator1", "creator1"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(request)))
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

    org.springframework.test.web.servlet.RequestBuilder decision(String code, String user, String body) {
        return post("/api/audits/{code}/decision", code).with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    Task openTask(String code) {
        return tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("auditVideo")
                .singleResult();
    }

    Task openSecondReview(String code) {
        return tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("secondReview")
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
