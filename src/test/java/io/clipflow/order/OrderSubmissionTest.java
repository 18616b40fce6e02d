package io.clipflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.catalogue.Item;
import io.clipflow.catalogue.Items;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Submitting orders with one-time idempotency keys: every answer the IETF draft and Stripe promise. */
@ClipflowIntegrationTest
class OrderSubmissionTest {

    @Autowired MockMvc mvc;
    @Autowired Items items;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;

    OrderApi api;
    String buyer;

    @BeforeEach
    void setUp() {
        api = new OrderApi(mvc);
        buyer = OrderApi.newBuyer(identity, "subbuyer");
    }

    @Test
    void firstUseCreatesTheOrderReservesStockAndStartsItsProcess() throws Exception {
        Item item = items.create("Mug", 1250, 10);

        String key = api.token(buyer);
        String orderNo = com.jayway.jsonpath.JsonPath.read(api.submit(buyer, key, item.id(), 3)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/orders/O")))
                .andExpect(jsonPath("$.status").value("CREATED"))
                .andExpect(jsonPath("$.amountCents").value(3750))
                .andReturn().getResponse().getContentAsString(), "$.orderNo");

        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(7);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("order")
                .processInstanceBusinessKey(orderNo).count()).isEqualTo(1);
        mvc.perform(get("/api/orders/" + orderNo).with(httpBasic(buyer, buyer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.quantity").value(3));
    }

    @Test
    void sameKeyAndBodyAgainReplaysTheSameOrderAndReservesNothingMore() throws Exception {
        Item item = items.create("Pen", 100, 5);
        String key = api.token(buyer);
        String first = api.submit(buyer, key, item.id(), 2).andReturn().getResponse().getContentAsString();

        api.submit(buyer, key, item.id(), 2)
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().json(first));

        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(3);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() throws Exception {
        Item item = items.create("Cap", 100, 5);
        String key = api.token(buyer);
        api.submit(buyer, key, item.id(), 1).andExpect(status().isCreated());

        api.submit(buyer, key, item.id(), 2).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void unknownForeignAndMissingKeysAreRefused() throws Exception {
        Item item = items.create("Bag", 100, 5);

        api.submit(buyer, "no-such-key", item.id(), 1).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_INVALID"));
        api.submit(buyer, api.token("buyer1"), item.id(), 1).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_INVALID"));
        api.submit(buyer, null, item.id(), 1).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_MISSING"));
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(5);
    }

    @Test
    void invalidBodyDoesNotSpendTheKey() throws Exception {
        Item item = items.create("Cup", 100, 5);
        String key = api.token(buyer);

        api.submit(buyer, key, item.id(), 0).andExpect(status().isBadRequest());

        api.submit(buyer, key, item.id(), 1).andExpect(status().isCreated());
    }

    @Test
    void outOfStockIsStoredAndReplayedWithTheKeySpent() throws Exception {
        Item item = items.create("Rare", 100, 1);
        String key = api.token(buyer);

        api.submit(buyer, key, item.id(), 2).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("OUT_OF_STOCK"));
        api.submit(buyer, key, item.id(), 2).andExpect(status().isConflict())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.instance").value("/api/orders"))
                .andExpect(jsonPath("$.code").value("OUT_OF_STOCK"));
        api.submit(buyer, api.token(buyer), 999_999, 1).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("UNKNOWN_ITEM"));
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(1);
    }

    @Test
    void onlyBuyersGetTokens() throws Exception {
        mvc.perform(post("/api/orders/tokens").with(httpBasic("creator1", "creator1")))
                .andExpect(status().isForbidden());
    }
}
