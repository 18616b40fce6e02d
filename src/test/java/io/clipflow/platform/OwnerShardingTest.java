package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.catalogue.Item;
import io.clipflow.catalogue.Items;
import io.clipflow.order.Order;
import io.clipflow.order.OrderBook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Orders and payments over two shard databases: each row in the database of its buyer's bucket, the stock it holds
 * beside the item in ds_0, read back through the API by order number and by buyer; rows left in the wrong database
 * (an install from before orders were sharded, or one given more databases) are moved at start.
 */
@ClipflowIntegrationTest
class OwnerShardingTest {

    @Autowired ShardDatabases shards;
    @Autowired OrderBook book;
    @Autowired Items items;
    @Autowired IdentityService identity;
    @Autowired MockMvc mvc;

    @Test
    void anOrderAndItsPaymentLiveInTheBuyersDatabaseAndTheStockHoldBesideTheItem() throws Exception {
        assertThat(shards.physical()).hasSize(2);
        Item item = items.create("Tripod", 1500, 10);
        for (int shard = 0; shard < 2; shard++) {
            String buyer = buyerIn(shard);
            Order order = book.place(buyer, item.id(), 2, "key:" + UUID.randomUUID());

            assertThat(order.orderNo()).endsWith(ShardKeys.tagFor(buyer));
            assertThat(rows(shard, "orders", "order_no", order.orderNo())).isOne();
            assertThat(rows(1 - shard, "orders", "order_no", order.orderNo())).isZero();
            assertThat(rows(0, "stock_hold", "holder", order.source())).isOne();
            assertThat(rows(1, "stock_hold", "holder", order.source())).isZero();

            mvc.perform(post("/api/orders/" + order.orderNo() + "/payments").with(httpBasic(buyer, buyer))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"paymentId\":\"pay-" + order.orderNo()
                            + "\",\"amount\":3000}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAID"));
            assertThat(rows(shard, "payment", "payment_id", "pay-" + order.orderNo())).isOne();
            assertThat(rows(1 - shard, "payment", "payment_id", "pay-" + order.orderNo())).isZero();

            mvc.perform(get("/api/orders/" + order.orderNo()).with(httpBasic(buyer, buyer)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAID"));
            mvc.perform(get("/api/orders").with(httpBasic(buyer, buyer)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").value(1))
                    .andExpect(jsonPath("$.content[0].orderNo").value(order.orderNo()));
        }
        assertThat(items.find(item.id()).orElseThrow().stock()).isEqualTo(6);
    }

    @Test
    void rowsInTheWrongDatabaseAreMovedOnceAndAnOldOrderNumberIsStillFound() throws Exception {
        String buyer = buyerIn(1);
        Item item = items.create("Old lamp", 800, 5);
        // an order as written before orders were sharded: in ds_0, with an order number without a tag
        String orderNo = "O20250101" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        OffsetDateTime at = OffsetDateTime.now().minusDays(30);
        database(0).sql("INSERT INTO orders (order_no, buyer, item_id, quantity, amount_cents, status, source, "
                + "payment_id, created_at, paid_at) VALUES (?, ?, ?, 1, 800, 'PAID', ?, ?, ?, ?)")
                .params(orderNo, buyer, item.id(), "key:old-" + orderNo, "pay-old-" + orderNo, at, at).update();
        database(0).sql("INSERT INTO payment (payment_id, order_no, buyer, amount_cents, received_at) "
                + "VALUES (?, ?, ?, 800, ?)").params("pay-old-" + orderNo, orderNo, buyer, at).update();
        database(0).sql("UPDATE shard_layout SET shard_count = 1").update();

        int moved = OwnerRehoming.rehome(List.copyOf(shards.physical().values()));

        assertThat(moved).isEqualTo(2);
        assertThat(rows(0, "orders", "order_no", orderNo)).isZero();
        assertThat(rows(1, "orders", "order_no", orderNo)).isOne();
        assertThat(rows(0, "payment", "payment_id", "pay-old-" + orderNo)).isZero();
        assertThat(rows(1, "payment", "payment_id", "pay-old-" + orderNo)).isOne();
        assertThat(OwnerRehoming.rehome(List.copyOf(shards.physical().values()))).isZero();
        mvc.perform(get("/api/orders/" + orderNo).with(httpBasic(buyer, buyer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.paymentId").value("pay-old-" + orderNo));
        mvc.perform(get("/api/orders").with(httpBasic(buyer, buyer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content[?(@.orderNo == '" + orderNo + "')]").exists());
    }

    /** A new buyer (password = user id) whose bucket lives in shard database {@code shard} of two. */
    private String buyerIn(int shard) {
        for (int i = 0; ; i++) {
            String id = "shardbuyer" + UUID.randomUUID().toString().substring(0, 6) + i;
            if (ShardKeys.shardOf(ShardKeys.bucketOf(id), 2) == shard) {
                return TestUsers.member(identity, id, ClipflowGroups.BUYERS);
            }
        }
    }

    private long rows(int shard, String table, String column, String value) {
        return database(shard).sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?").param(value)
                .query(Long.class).single();
    }

    private JdbcClient database(int shard) {
        return JdbcClient.create(shards.physical().get("ds_" + shard));
    }
}
