package io.clipflow.order;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.jayway.jsonpath.JsonPath;
import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.catalogue.Items;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Tokens as a client sees them, and who may read which orders. */
@ClipflowIntegrationTest
class OrderReadingTest {

    @Autowired MockMvc mvc;
    @Autowired Items items;
    @Autowired IdentityService identity;

    @Test
    void tokenIsIssuedWithItsExpiry() throws Exception {
        String body = mvc.perform(post("/api/orders/tokens").with(httpBasic("buyer1", "buyer1")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.token").isString())
                .andReturn().getResponse().getContentAsString();

        Instant expiresAt = Instant.parse(JsonPath.read(body, "$.expiresAt"));
        org.assertj.core.api.Assertions.assertThat(expiresAt)
                .isBetween(Instant.now().plus(29, ChronoUnit.MINUTES), Instant.now().plus(31, ChronoUnit.MINUTES));
    }

    @Test
    void buyerPagesThroughOwnOrdersNewestFirst() throws Exception {
        String buyer = OrderApi.newBuyer(identity, "pagebuyer");
        OrderApi api = new OrderApi(mvc);
        long itemId = items.create("Sock", 300, 10).id();
        String first = api.place(buyer, itemId, 1);
        String second = api.place(buyer, itemId, 1);
        String third = api.place(buyer, itemId, 1);

        mvc.perform(get("/api/orders?page=0&size=2").with(httpBasic(buyer, buyer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].orderNo").value(org.hamcrest.Matchers.contains(third, second)))
                .andExpect(jsonPath("$.totalElements").value(3));
        mvc.perform(get("/api/orders?page=1&size=2").with(httpBasic(buyer, buyer)))
                .andExpect(jsonPath("$.content[*].orderNo").value(org.hamcrest.Matchers.contains(first)));
        mvc.perform(get("/api/orders?size=101").with(httpBasic(buyer, buyer))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/orders?page=-1").with(httpBasic(buyer, buyer))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/orders").with(httpBasic("creator1", "creator1")))
                .andExpect(jsonPath("$.content", hasSize(0)));
    }

    @Test
    void orderIsVisibleToItsBuyerAndOpsOnly() throws Exception {
        String buyer = OrderApi.newBuyer(identity, "readbuyer");
        String orderNo = new OrderApi(mvc).place(buyer, items.create("Scarf", 700, 2).id(), 1);

        mvc.perform(get("/api/orders/" + orderNo).with(httpBasic(buyer, buyer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.buyer").value(buyer));
        mvc.perform(get("/api/orders/" + orderNo).with(httpBasic("admin", "admin"))).andExpect(status().isOk());
        mvc.perform(get("/api/orders/" + orderNo).with(httpBasic("buyer1", "buyer1")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/orders/ONOSUCHORDER").with(httpBasic(buyer, buyer))).andExpect(status().isNotFound());
    }
}
