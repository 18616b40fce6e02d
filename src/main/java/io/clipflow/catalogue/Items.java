package io.clipflow.catalogue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.clipflow.platform.GeneratedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The item catalogue and its stock. Stock only ever changes through a guarded statement, so it cannot go below
 * zero whatever runs concurrently: {@link #take} takes, {@link #release} gives back.
 */
@Component
public class Items {

    private final JdbcClient jdbc;

    public Items(JdbcClient clipflowJdbc) {
        this.jdbc = clipflowJdbc;
    }

    public Item create(String name, long priceCents, int stock) {
        long id = GeneratedIds.insert(jdbc, "item", List.of("name", "price_cents", "stock", "created_at"),
                name, priceCents, stock, OffsetDateTime.now());
        return new Item(id, name, priceCents, stock);
    }

    public Optional<Item> find(long id) {
        return jdbc.sql("SELECT id, name, price_cents, stock FROM item WHERE id = ?").param(id)
                .query((rs, n) -> new Item(rs.getLong("id"), rs.getString("name"), rs.getLong("price_cents"),
                        rs.getInt("stock")))
                .optional();
    }

    /**
     * Takes {@code quantity} units if that many are left, in the caller's transaction (the order row commits or
     * rolls back with it); false if fewer are left or the item does not exist.
     */
    public boolean take(long itemId, int quantity) {
        return jdbc.sql("UPDATE item SET stock = stock - ? WHERE id = ? AND stock >= ?")
                .params(quantity, itemId, quantity).update() == 1;
    }

    /** Gives {@code quantity} units back (a cancelled order's), in the caller's transaction. */
    public void release(long itemId, int quantity) {
        jdbc.sql("UPDATE item SET stock = stock + ? WHERE id = ?").params(quantity, itemId).update();
    }
}
