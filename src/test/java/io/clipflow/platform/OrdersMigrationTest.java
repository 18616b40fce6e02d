package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V6 on a database that has orders from before they were sharded: every order and payment is kept, a payment gets
 * its order's buyer, each order gets its stock hold (released for a cancelled one), and an order no longer needs
 * its item in the same database.
 */
class OrdersMigrationTest {

    @Test
    void existingOrdersAndPaymentsAreKeptWithTheirHoldsAndBuyers() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:v6-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        migrate(ds, "5");
        JdbcClient db = JdbcClient.create(ds);
        OffsetDateTime at = OffsetDateTime.now();
        db.sql("INSERT INTO item (id, name, price_cents, stock, created_at) VALUES (7, 'Lamp', 500, 5, ?)").param(at)
                .update();
        db.sql("INSERT INTO orders (order_no, buyer, item_id, quantity, amount_cents, status, source, payment_id, "
                + "created_at, paid_at, cancelled_at) VALUES ('O20250101AAAAAAAAAA', 'b1', 7, 2, 1000, 'PAID', 'key:a', "
                + "'p1', ?, ?, NULL), ('O20250101BBBBBBBBBB', 'b2', 7, 1, 500, 'CANCELLED', 'key:b', NULL, ?, NULL, ?)")
                .params(at, at, at, at).update();
        db.sql("INSERT INTO payment (payment_id, order_no, amount_cents, received_at) "
                + "VALUES ('p1', 'O20250101AAAAAAAAAA', 1000, ?)").param(at).update();

        migrate(ds, "6");

        assertThat(db.sql("SELECT order_no, status FROM orders ORDER BY order_no").query().listOfRows())
                .extracting(row -> row.get("ORDER_NO") + " " + row.get("STATUS"))
                .containsExactly("O20250101AAAAAAAAAA PAID", "O20250101BBBBBBBBBB CANCELLED");
        assertThat(db.sql("SELECT buyer FROM payment WHERE payment_id = 'p1'").query(String.class).single())
                .isEqualTo("b1");
        List<Map<String, Object>> holds = db.sql("SELECT holder, quantity, released_at FROM stock_hold ORDER BY holder")
                .query().listOfRows();
        assertThat(holds).extracting(row -> row.get("HOLDER") + " " + row.get("QUANTITY") + " "
                + (row.get("RELEASED_AT") != null)).containsExactly("key:a 2 false", "key:b 1 true");
        // an order whose item lives in another database
        db.sql("INSERT INTO orders (order_no, buyer, item_id, quantity, amount_cents, status, source, created_at) "
                + "VALUES ('O20260101CCCCCCCCCC-00', 'b3', 999, 1, 1, 'CREATED', 'key:c', ?)").param(at).update();
        assertThat(db.sql("SELECT COUNT(*) FROM shard_layout").query(Long.class).single()).isZero();
    }

    private static void migrate(JdbcDataSource ds, String version) {
        Flyway.configure().dataSource(ds).locations("classpath:db/shards").target(version).load().migrate();
    }
}
