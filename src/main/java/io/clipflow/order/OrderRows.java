package io.clipflow.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the {@code orders} table, sharded by buyer: every statement names the buyer or the order number, so it
 * goes to one shard database, except the reads by source prefix (all of a seckill event's orders), which ask every
 * one. Status changes are guarded by the status they leave, so they apply once.
 */
@Repository
class OrderRows {

    private static final String COLUMNS = "order_no, buyer, item_id, quantity, amount_cents, status, source, "
            + "payment_id, created_at, paid_at, cancelled_at";

    private final JdbcClient jdbc;

    OrderRows(JdbcClient clipflowJdbc) {
        this.jdbc = clipflowJdbc;
    }

    void insert(Order order) {
        jdbc.sql("INSERT INTO orders (order_no, buyer, item_id, quantity, amount_cents, status, source, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(order.orderNo(), order.buyer(), order.itemId(), order.quantity(), order.amountCents(),
                        order.status().name(), order.source(), order.createdAt())
                .update();
    }

    Optional<Order> find(String orderNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE order_no = ?").param(orderNo)
                .query(OrderRows::map).optional();
    }

    /** A source is one buyer's (an idempotency key, a seckill attempt): its order is in that buyer's shard. */
    Optional<Order> findBySource(String buyer, String source) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE buyer = ? AND source = ?").params(buyer, source)
                .query(OrderRows::map).optional();
    }

    /** Takes back an order nobody was told of (its stock could not be held when it was redone). */
    void delete(String orderNo) {
        jdbc.sql("DELETE FROM orders WHERE order_no = ? AND status = 'CREATED'").param(orderNo).update();
    }

    /** Orders whose source starts with {@code prefix} (a LIKE on the unique source index). */
    List<Order> findBySourcePrefix(String prefix) {
        String escaped = prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE source LIKE ? ESCAPE '!'").param(escaped + "%")
                .query(OrderRows::map).list();
    }

    List<Order> pageOf(String buyer, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE buyer = ? "
                + "ORDER BY created_at DESC, order_no DESC LIMIT ? OFFSET ?")
                .params(buyer, size, page * size).query(OrderRows::map).list();
    }

    long countOf(String buyer) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE buyer = ?").param(buyer).query(Long.class).single();
    }

    boolean markPaid(String orderNo, String paymentId, OffsetDateTime paidAt) {
        return jdbc.sql("UPDATE orders SET status = 'PAID', payment_id = ?, paid_at = ? "
                + "WHERE order_no = ? AND status = 'CREATED'").params(paymentId, paidAt, orderNo).update() == 1;
    }

    boolean markCancelled(String orderNo, OffsetDateTime cancelledAt) {
        return jdbc.sql("UPDATE orders SET status = 'CANCELLED', cancelled_at = ? "
                + "WHERE order_no = ? AND status = 'CREATED'").params(cancelledAt, orderNo).update() == 1;
    }

    private static Order map(ResultSet rs, int row) throws SQLException {
        return new Order(rs.getString("order_no"), rs.getString("buyer"), rs.getLong("item_id"),
                rs.getInt("quantity"), rs.getLong("amount_cents"), OrderStatus.valueOf(rs.getString("status")),
                rs.getString("source"), rs.getString("payment_id"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("paid_at", OffsetDateTime.class),
                rs.getObject("cancelled_at", OffsetDateTime.class));
    }
}
