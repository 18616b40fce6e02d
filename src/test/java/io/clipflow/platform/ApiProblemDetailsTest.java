package io.clipflow.platform;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clipflow.ClipflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@ClipflowIntegrationTest
class ApiProblemDetailsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousCallerGets401ProblemWithChallenge() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"clipflow\""))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
    }

    @Test
    void signedInCallerSeesItsGroups() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("auditor1", "auditor1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value("auditor1"))
                .andExpect(jsonPath("$.groups[0]").value("auditors"));
    }

    @Test
    void wrongGroupGets403Problem() throws Exception {
        mvc.perform(probe("{\"name\":\"x\",\"count\":1}").with(httpBasic("creator1", "creator1")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    @Test
    void unknownPathGets404Problem() throws Exception {
        mvc.perform(get("/api/no-such-thing").with(httpBasic("admin", "admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void invalidFieldsGet400ProblemNamingThem() throws Exception {
        mvc.perform(probe("{\"name\":\"\",\"count\":-1}").with(httpBasic("admin", "admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION"))
                .andExpect(jsonPath("$.errors.length()").value(2));
    }

    @Test
    void malformedJsonGets400Problem() throws Exception {
        mvc.perform(probe("{\"name\": ").with(httpBasic("admin", "admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void refusalCarriesItsCode() throws Exception {
        mvc.perform(probe("{\"name\":\"conflict\",\"count\":1}").with(httpBasic("admin", "admin")))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("PROBE_CONFLICT"))
                .andExpect(jsonPath("$.type").value("urn:clipflow:problem:probe-conflict"));
    }

    @Test
    void unexpectedFailureShowsNoInternals() throws Exception {
        mvc.perform(probe("{\"name\":\"boom\",\"count\":1}").with(httpBasic("admin", "admin")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("secret internals"))));
    }

    private static MockHttpServletRequestBuilder probe(String json) {
        return post("/api/test-probe").contentType(MediaType.APPLICATION_JSON).content(json);
    }
}
