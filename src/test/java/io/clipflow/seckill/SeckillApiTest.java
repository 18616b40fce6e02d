package io.clipflow.seckill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;

import com.jayway.jsonpath.JsonPath;
import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.catalogue.Items;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The seckill API's answers: who may call what, every refusal code, replays, and the public page. */
@ClipflowIntegrationTest
class SeckillApiTest {

    @Autowired MockMvc mvc;
    @Autowired Items items;
    @Autowired IdentityService identity;
    @Autowired TestRestTemplate web;

    SeckillApi api;

    @BeforeEach
    void setUp() {
        api = new SeckillApi(mvc);
        SeckillApi.newBuyer(identity, "apibuyer1");
        SeckillApi.newBuyer(identity, "apibuyer2");
    }

    @Test
    void opsCreateAnEventAndAnyoneSignedInReadsItsCounters() throws Exception {
        long item = items.create("Phone", 99_900, 20).id();
        OffsetDateTime startsAt = OffsetDateTime.parse("2030-01-01T10:00:00Z");

        long id = api.createEvent(item, 5, startsAt, startsAt.plusHours(1));

        mvc.perform(get("/api/seckill/events/" + id).with(httpBasic("apibuyer1", "apibuyer1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.itemId").value(item))
                .andExpect(jsonPath("$.stock").value(5)).andExpect(jsonPath("$.remaining").value(5))
                .andExpect(jsonPath("$.sold").value(0))
                .andExpect(jsonPath("$.startsAt").value("2030-01-01T10:00:00Z"));
        mvc.perform(get("/api/seckill/events/999999").with(httpBasic("apibuyer1", "apibuyer1")))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyOpsCreateEventsAndNeverForMoreThanTheItemHas() throws Exception {
        long item = items.create("Watch", 5_000, 3).id();
        OffsetDateTime now = OffsetDateTime.now();
        String json = SeckillApi.eventJson(item, 2, now, now.plusHours(1));

        mvc.perform(post("/api/seckill/events").with(httpBasic("apibuyer1", "apibuyer1"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isForbidden());
        mvc.perform(post("/api/seckill/events").with(httpBasic("admin", "admin")).contentType(MediaType.APPLICATION_JSON)
                .content(SeckillApi.eventJson(item, 4, now, now.plusHours(1))))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("NOT_ENOUGH_STOCK"));
        mvc.perform(post("/api/seckill/events").with(httpBasic("admin", "admin")).contentType(MediaType.APPLICATION_JSON)
                .content(SeckillApi.eventJson(item, 2, now, now.minusHours(1))))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/seckill/events").with(httpBasic("admin", "admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"itemId\":" + item + "}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION"));
    }

    @Test
    void anAttemptIsAcceptedAtOnceAndItsReplayGetsTheSameAnswer() throws Exception {
        long event = api.openEvent(items.create("Lamp", 1_000, 5).id(), 5);
        String token = api.token("apibuyer1");

        MockHttpServletResponse first = api.attempt("apibuyer1", event, token);
        MockHttpServletResponse again = api.attempt("apibuyer1", event, token);

        assertThat(first.getStatus()).isEqualTo(202);
        assertThat(JsonPath.<String>read(first.getContentAsString(), "$.status")).isEqualTo("PENDING");
        String attemptId = JsonPath.read(first.getContentAsString(), "$.attemptId");
        assertThat(first.getHeader("Location")).isEqualTo("/api/seckill/attempts/" + attemptId);
        assertThat(again.getStatus()).isEqualTo(202);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(JsonPath.<String>read(again.getContentAsString(), "$.attemptId")).isEqualTo(attemptId);
        assertThat(api.attempt("apibuyer1", event, api.token("apibuyer1")).getContentAsString())
                .contains("ALREADY_PURCHASED");
        mvc.perform(get("/api/seckill/events/" + event).with(httpBasic("apibuyer2", "apibuyer2")))
                .andExpect(jsonPath("$.remaining").value(4)).andExpect(jsonPath("$.sold").value(1));
    }

    @Test
    void anAttemptIsShownToItsBuyerOnlyUntilItsResult() throws Exception {
        long event = api.openEvent(items.create("Kettle", 2_000, 2).id(), 2);
        String attemptId = JsonPath.read(api.attempt("apibuyer1", event, api.token("apibuyer1"))
                .getContentAsString(), "$.attemptId");

        assertThat(api.readAttempt("apibuyer2", attemptId).getStatus()).isEqualTo(404);
        await("the order").atMost(Duration.ofSeconds(20)).until(() -> read(attemptId).contains("SUCCEEDED"));
        assertThat(read(attemptId)).contains("\"orderNo\":\"O");
    }

    @Test
    void refusalsCarryTheirCodes() throws Exception {
        long item = items.create("Fan", 1_000, 10).id();
        OffsetDateTime now = OffsetDateTime.now();
        long later = api.createEvent(item, 1, now.plusHours(1), now.plusHours(2));
        long over = api.createEvent(item, 1, now.minusHours(2), now.minusHours(1));
        long small = api.openEvent(item, 1);
        api.attempt("apibuyer1", small, api.token("apibuyer1"));

        assertCode(api.attempt("apibuyer2", later, api.token("apibuyer2")), 409, "NOT_OPEN");
        assertCode(api.attempt("apibuyer2", over, api.token("apibuyer2")), 409, "CLOSED");
        assertCode(api.attempt("apibuyer2", small, api.token("apibuyer2")), 409, "SOLD_OUT");
        assertCode(api.attempt("apibuyer2", small, null), 400, "IDEMPOTENCY_KEY_MISSING");
        assertCode(api.attempt("apibuyer2", small, "made-up"), 422, "IDEMPOTENCY_KEY_INVALID");
        assertCode(api.attempt("apibuyer2", small, api.token("apibuyer1")), 422, "IDEMPOTENCY_KEY_INVALID");
        assertCode(api.attempt("apibuyer2", 999_999, api.token("apibuyer2")), 404, "NOT_FOUND");
        assertCode(api.attempt("admin", small, "any"), 403, "FORBIDDEN");
    }

    @Test
    void thePageIsOpenAndTheBenchBaselineIsNotShipped() throws Exception {
        mvc.perform(post("/api/seckill/noop").with(httpBasic("apibuyer1", "apibuyer1")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/seckill/noop")).andExpect(status().isUnauthorized());

        var page = web.getForEntity("/seckill.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("/api/seckill/events");
    }

    private String read(String attemptId) {
        try {
            return api.readAttempt("apibuyer1", attemptId).getContentAsString();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void assertCode(MockHttpServletResponse response, int status, String code) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(JsonPath.<String>read(response.getContentAsString(), "$.code")).isEqualTo(code);
    }
}
