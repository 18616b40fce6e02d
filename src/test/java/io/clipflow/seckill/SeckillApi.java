package io.clipflow.seckill;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import com.jayway.jsonpath.JsonPath;
import io.clipflow.platform.ClipflowGroups;
import io.clipflow.platform.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The seckill API as clients use it, for the integration tests. */
final class SeckillApi {

    private final MockMvc mvc;

    SeckillApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** An event created by ops (admin) through the API; returns its id. */
    long createEvent(long itemId, int stock, OffsetDateTime startsAt, OffsetDateTime endsAt) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/seckill/events").with(httpBasic("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON).content(eventJson(itemId, stock, startsAt, endsAt)))
                .andReturn().getResponse();
        if (response.getStatus() != 201) {
            throw new AssertionError("event not created: " + response.getStatus() + " " + response.getContentAsString());
        }
        return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
    }

    long openEvent(long itemId, int stock) throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        return createEvent(itemId, stock, now.minusSeconds(5), now.plusMinutes(10));
    }

    /** A token from {@code POST /api/orders/tokens}: spent in steps of its own. */
    String token(String user) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/orders/tokens").with(httpBasic(user, user)))
                .andReturn().getResponse();
        return JsonPath.read(response.getContentAsString(), "$.token");
    }

    /** A token issued for the event: spent in the accept script's one step. */
    String eventToken(String user, long eventId) throws Exception {
        MockHttpServletResponse response = eventTokenResponse(user, eventId);
        if (response.getStatus() != 201) {
            throw new AssertionError("no token: " + response.getStatus() + " " + response.getContentAsString());
        }
        return JsonPath.read(response.getContentAsString(), "$.token");
    }

    MockHttpServletResponse eventTokenResponse(String user, long eventId) throws Exception {
        return mvc.perform(post("/api/seckill/events/" + eventId + "/tokens").with(httpBasic(user, user)))
                .andReturn().getResponse();
    }

    /** Both kinds of token a buyer may bring to an attempt. */
    enum TokenKind {
        ORDER_TOKEN, EVENT_TOKEN;

        String issue(SeckillApi api, String user, long eventId) throws Exception {
            return this == ORDER_TOKEN ? api.token(user) : api.eventToken(user, eventId);
        }
    }

    MockHttpServletResponse attempt(String user, long eventId, String token) throws Exception {
        var request = post("/api/seckill/events/" + eventId + "/attempts").with(httpBasic(user, user));
        if (token != null) {
            request.header("Idempotency-Key", token);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    MockHttpServletResponse readAttempt(String user, String attemptId) throws Exception {
        return mvc.perform(get("/api/seckill/attempts/" + attemptId).with(httpBasic(user, user)))
                .andReturn().getResponse();
    }

    static String eventJson(long itemId, int stock, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return "{\"itemId\":" + itemId + ",\"stock\":" + stock + ",\"startsAt\":\""
                + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(startsAt) + "\",\"endsAt\":\""
                + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(endsAt) + "\"}";
    }

    /** A buyer of its own (password = user id). */
    static String newBuyer(IdentityService identity, String id) {
        return TestUsers.member(identity, id, ClipflowGroups.BUYERS);
    }
}
