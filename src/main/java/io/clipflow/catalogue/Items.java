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
     * Holds {@code quantity} units for {@code holder} (an order's source) if that many are left, in the caller's
     * transaction: the guarded stock update and a {@code stock_hold} row, both in the item's database. A holder
     * that holds already keeps its hold and takes nothing more, so a step that runs again takes the stock once.
     *
     * @return true if the holder holds the units (now or from before); false if too few are left or the item does
     *         not exist, and nothing was written
     */
    public boolean hold(long itemId, int quantity, String holder) {
        if (holds(holder)) {
            return true;
        }
        if (jdbc.sql("UPDATE item SET stock = stock - ? WHERE id = ? AND stock >= ?")
                .params(quantity, itemId, quantity).update() != 1) {
            return false;
        }
        // the key is the guard against a concurrent twin of the same holder: it fails here and rolls back
        jdbc.sql("INSERT INTO stock_hold (holder, item_id, quantity, held_at) VALUES (?, ?, ?, ?)")
                .params(holder, itemId, quantity, OffsetDateTime.now()).update();
        return true;
    }

    /** Whether {@code holder} holds units (released or not). */
    public boolean holds(String holder) {
        return jdbc.sql("SELECT COUNT(*) FROM stock_hold WHERE holder = ?").param(holder).query(Long.class)
                .single() > 0;
    }

    /**
     * Gives back what {@code holder} holds (a cancelled order's units), once, in the caller's transaction; a hold
     * released before or never taken changes nothing.
     */
    public void release(String holder) {
        OffsetDateTime now = OffsetDateTime.now();
        if (jdbc.sql("UPDATE stock_hold SET released_at = ? WHERE holder = ? AND released_at IS NULL")
                .params(now, holder).update() == 1) {
            long[] hold = jdbc.sql("SELECT item_id, quantity FROM stock_hold WHERE holder = ?").param(holder)
                    .query((rs, n) -> new long[] { rs.getLong("item_id"), rs.getInt("quantity") }).single();
            jdbc.sql("UPDATE item SET stock = stock + ? WHERE id = ?").params(hold[1], hold[0]).update();
        }
    }
}
