package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import io.clipflow.ClipflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

@ClipflowIntegrationTest
class AuditApiTest extends AuditApiSupport {

    @Test
    void publishedVideoIsAuditedByItsAssigneeAndShownOnTheFeed() throws Exception {
        String code = publish("Harbour at dusk", "a calm timelapse");
        String auditor = openTask(code).getAssignee();

        mvc.perform(get("/api/audits/mine?size=100").with(httpBasic(auditor, auditor)))
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
    void videoIsVisibleToItsCreatorAndAuditorsButNotToOthers() throws Exception {
        String code = publish("Visibility", "check");

        mvc.perform(get("/api/videos/{code}", code).with(httpBasic("creator1", "creator1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.auditor").value(openTask(code).getAssignee()));
        mvc.perform(get("/api/videos/{code}", code).with(httpBasic("auditor1", "auditor1")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/videos/{code}", code).with(httpBasic("buyer1", "buyer1")))
                .andExpect(status().isNotFound());
    }

}
