package io.clipflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.RedisForTestRun;
import io.clipflow.RedisTestServer;
import io.clipflow.catalogue.Item;
import io.clipflow.catalogue.Items;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Stops the test run's Redis and starts it again: while Redis is away
 * an order submit answers 503 and writes nothing; when Redis is back, ordering works again.
 */
@ClipflowIntegrationTest
class OrdersWithoutRedisTest {

    final RedisTestServer redis = RedisForTestRun.shared();

    @Autowired MockMvc mvc;
    @Autowired Items items;
    @Autowired JdbcClient clipflowJdbc;

    @Test
    void submitAnswers503AndCreatesNothingWhileRedisIsDownThenRecovers() throws Exception {
        OrderApi api = new OrderApi(mvc);
        Item item = items.create("Radio", 2_000, 5);
        String key = api.token("buyer1");

        redis.stop();
        try {
            api.submit("buyer1", key, item.id(), 1)
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("UNAVAILABLE"));
            mvc.perform(post("/api/orders/tokens").with(httpBasic("buyer1", "buyer1")))
                    .andExpect(status().isServiceUnavailable());
            assertThat(ordersOf(item)).isZero();
            assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(5);
        }
        finally {
            redis.start();
        }

        // this Redis keeps nothing across a restart, so the old key is gone: a new one works
        api.submit("buyer1", key, item.id(), 1).andExpect(status().isUnprocessableEntity());
        api.submit("buyer1", api.token("buyer1"), item.id(), 1).andExpect(status().isCreated());
        assertThat(ordersOf(item)).isEqualTo(1);
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(4);
    }

    private int ordersOf(Item item) {
        return clipflowJdbc.sql("SELECT COUNT(*) FROM orders WHERE item_id = ?").param(item.id())
                .query(Integer.class).single();
    }
}
