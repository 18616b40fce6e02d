package io.clipflow.seckill;

import static java.nio.charset.StandardCharsets.UTF_8;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import io.clipflow.seckill.SeckillApi.TokenKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    @ParameterizedTest
    @EnumSource(TokenKind.class)
    void anAttemptIsAcceptedAtOnceAndItsReplayGetsTheSameAnswer(TokenKind tokens) throws Exception {
        long event = api.openEvent(items.create("Lamp", 1_000, 5).id(), 5);
        String token = tokens.issue(api, "apibuyer1", event);

        MockHttpServletResponse first = api.attempt("apibuyer1", event, token);
        MockHttpServletResponse again = api.attempt("apibuyer1", event, token);

        assertThat(first.getStatus()).isEqualTo(202);
        assertThat(JsonPath.<String>read(first.getContentAsString(), "$.status")).isEqualTo("PENDING");
        String attemptId = JsonPath.read(first.getContentAsString(), "$.attemptId");
        assertThat(first.getHeader("Location")).isEqualTo("/api/seckill/attempts/" + attemptId);
        assertThat(first.getHeader("Idempotent-Replayed")).isNull();
        assertThat(again.getStatus()).isEqualTo(202);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(JsonPath.<String>read(again.getContentAsString(), "$.attemptId")).isEqualTo(attemptId);
        assertThat(api.attempt("apibuyer1", event, tokens.issue(api, "apibuyer1", event)).getContentAsString())
                .contains("ALREADY_PURCHASED");
        mvc.perform(get("/api/seckill/events/" + event).with(httpBasic("apibuyer2", "apibuyer2")))
                .andExpect(jsonPath("$.remaining").value(4)).andExpect(jsonPath("$.sold").value(1));
    }

    @Test
    void buyersGetTokensForAnEventThatExists() throws Exception {
        long event = api.openEvent(items.create("Torch", 1_000, 5).id(), 5);

        MockHttpServletResponse issued = api.eventTokenResponse("apibuyer1", event);

        assertThat(issued.getStatus()).isEqualTo(201);
        assertThat(JsonPath.<String>read(issued.getContentAsString(), "$.token")).startsWith("seckill-" + event + ".");
        assertThat(JsonPath.<String>read(issued.getContentAsString(), "$.expiresAt")).isNotBlank();
        assertCode(api.eventTokenResponse("apibuyer1", 999_999), 404, "NOT_FOUND");
        assertCode(api.eventTokenResponse("admin", event), 403, "FORBIDDEN");
        mvc.perform(post("/api/seckill/events/" + event + "/tokens")).andExpect(status().isUnauthorized());
    }

    /**
     * A token issued for one event and spent on another lives in the first event's slot: it is claimed on its own
     * (as an order token is), and it stays bound to the first request it was spent on, like any token.
     */
    @Test
    void aTokenIsBoundToTheFirstRequestItWasSpentOnWhateverItWasIssuedFor() throws Exception {
        long item = items.create("Fork", 1_000, 10).id();
        long issuedFor = api.openEvent(item, 2);
        long spentOn = api.openEvent(item, 2);
        String token = api.eventToken("apibuyer1", issuedFor);

        MockHttpServletResponse first = api.attempt("apibuyer1", spentOn, token);
        MockHttpServletResponse again = api.attempt("apibuyer1", spentOn, token);

        assertThat(first.getStatus()).isEqualTo(202);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
        assertCode(api.attempt("apibuyer1", issuedFor, token), 422, "IDEMPOTENCY_KEY_REUSED");
        String spentOnASale = api.eventToken("apibuyer2", issuedFor);
        assertThat(api.attempt("apibuyer2", issuedFor, spentOnASale).getStatus()).isEqualTo(202);
        assertCode(api.attempt("apibuyer2", spentOn, spentOnASale), 422, "IDEMPOTENCY_KEY_REUSED");
        mvc.perform(post("/api/orders").with(httpBasic("apibuyer2", "apibuyer2")).header("Idempotency-Key", spentOnASale)
                .contentType(MediaType.APPLICATION_JSON).content("{\"itemId\":" + item + ",\"quantity\":1}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        mvc.perform(get("/api/seckill/events/" + issuedFor).with(httpBasic("apibuyer2", "apibuyer2")))
                .andExpect(jsonPath("$.sold").value(1));
        mvc.perform(get("/api/seckill/events/" + spentOn).with(httpBasic("apibuyer2", "apibuyer2")))
                .andExpect(jsonPath("$.sold").value(1));
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

    @ParameterizedTest
    @EnumSource(TokenKind.class)
    void refusalsCarryTheirCodes(TokenKind tokens) throws Exception {
        long item = items.create("Fan", 1_000, 10).id();
        OffsetDateTime now = OffsetDateTime.now();
        long later = api.createEvent(item, 1, now.plusHours(1), now.plusHours(2));
        long over = api.createEvent(item, 1, now.minusHours(2), now.minusHours(1));
        long small = api.openEvent(item, 1);
        api.attempt("apibuyer1", small, tokens.issue(api, "apibuyer1", small));

        assertCode(api.attempt("apibuyer2", later, tokens.issue(api, "apibuyer2", later)), 409, "NOT_OPEN");
        assertCode(api.attempt("apibuyer2", over, tokens.issue(api, "apibuyer2", over)), 409, "CLOSED");
        String soldOut = tokens.issue(api, "apibuyer2", small);
        assertCode(api.attempt("apibuyer2", small, soldOut), 409, "SOLD_OUT");
        assertCode(api.attempt("apibuyer2", small, soldOut), 409, "SOLD_OUT");
        assertCode(api.attempt("apibuyer2", small, null), 400, "IDEMPOTENCY_KEY_MISSING");
        assertCode(api.attempt("apibuyer2", small, "made-up"), 422, "IDEMPOTENCY_KEY_INVALID");
        assertCode(api.attempt("apibuyer2", small, "seckill-" + small + ".made-up"), 422, "IDEMPOTENCY_KEY_INVALID");
        assertCode(api.attempt("apibuyer2", small, tokens.issue(api, "apibuyer1", small)), 422,
                "IDEMPOTENCY_KEY_INVALID");
        assertCode(api.attempt("apibuyer2", 999_999, api.token("apibuyer2")), 404, "NOT_FOUND");
        assertCode(api.attempt("admin", small, "any"), 403, "FORBIDDEN");
        assertThat(api.readAttempt("apibuyer2", "not-an-attempt").getStatus()).isEqualTo(404);
        assertThat(api.readAttempt("apibuyer2", "x").getStatus()).isEqualTo(404);
    }

    /**
     * Over a real connection the answer is written by the thread that gets Redis's reply, after the request thread
     * has gone back to Tomcat: the same status, headers and body as any answer of the API.
     */
    @Test
    void anAttemptOverHttpIsAnsweredWithTheSameStatusHeadersAndBody() throws Exception {
        long event = api.openEvent(items.create("Bell", 1_000, 2).id(), 1);
        String token = api.eventToken("apibuyer1", event);

        ResponseEntity<String> accepted = attemptOverHttp("apibuyer1", event, token);
        ResponseEntity<String> replayed = attemptOverHttp("apibuyer1", event, token);
        ResponseEntity<String> soldOut = attemptOverHttp("apibuyer2", event, api.eventToken("apibuyer2", event));

        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        String attemptId = JsonPath.read(accepted.getBody(), "$.attemptId");
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/seckill/attempts/" + attemptId);
        assertThat(accepted.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(accepted.getHeaders().getContentLength()).isEqualTo(accepted.getBody().getBytes(UTF_8).length);
        assertThat(accepted.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(accepted.getHeaders().getCacheControl()).contains("no-store");
        assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.getBody()).isEqualTo(accepted.getBody());
        assertThat(soldOut.getStatusCode().value()).isEqualTo(409);
        assertThat(soldOut.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(soldOut.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(JsonPath.<String>read(soldOut.getBody(), "$.code")).isEqualTo("SOLD_OUT");
        assertThat(JsonPath.<String>read(soldOut.getBody(), "$.instance"))
                .isEqualTo("/api/seckill/events/" + event + "/attempts");
        mvc.perform(get("/api/seckill/events/" + event).with(httpBasic("apibuyer2", "apibuyer2")))
                .andExpect(jsonPath("$.remaining").value(0)).andExpect(jsonPath("$.sold").value(1));
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

    private ResponseEntity<String> attemptOverHttp(String user, long eventId, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.set("Idempotency-Key", token);
        return web.exchange("/api/seckill/events/" + eventId + "/attempts", HttpMethod.POST,
                new HttpEntity<>(headers), String.class);
    }

    private static void assertCode(MockHttpServletResponse response, int status, String code) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(JsonPath.<String>read(response.getContentAsString(), "$.code")).isEqualTo(code);
    }
}
