package io.clipflow.order;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.clipflow.platform.ClipflowGroups;
import io.clipflow.platform.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Small steps of the order API as a client takes them, for the integration tests. */
final class OrderApi {

    private final MockMvc mvc;

    OrderApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    String token(String user) throws Exception {
        String body = mvc.perform(post("/api/orders/tokens").with(httpBasic(user, user)))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    ResultActions submit(String user, String key, long itemId, int quantity) throws Exception {
        var request = post("/api/orders").with(httpBasic(user, user)).contentType(MediaType.APPLICATION_JSON)
                .content(orderJson(itemId, quantity));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    String place(String user, long itemId, int quantity) throws Exception {
        String body = submit(user, token(user), itemId, quantity).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.orderNo");
    }

    ResultActions pay(String user, String orderNo, String paymentId, long amount) throws Exception {
        return mvc.perform(post("/api/orders/" + orderNo + "/payments").with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"paymentId\":\"" + paymentId + "\",\"amount\":" + amount + "}"));
    }

    static String orderJson(long itemId, int quantity) {
        return "{\"itemId\":" + itemId + ",\"quantity\":" + quantity + "}";
    }

    /** A buyer of its own (password = user id), so tests do not share one buyer's order list. */
    static String newBuyer(IdentityService identity, String id) {
        return TestUsers.member(identity, id, ClipflowGroups.BUYERS);
    }
}
