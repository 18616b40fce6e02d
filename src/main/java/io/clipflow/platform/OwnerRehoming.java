package io.clipflow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts every row of the owner-sharded tables into the database of its owner's bucket ({@link ShardKeys}), once
 * per change of the number of shard databases: rows written before orders were sharded (all in {@code ds_0}) and
 * rows whose bucket moved because databases were added. A database records in {@code shard_layout} the count it
 * was laid out for, so an unchanged install only reads that one row per database.
 *
 * <p>A row is copied to its database (unless already there) before it is deleted from the old one, parents before
 * children (a payment references its order), so a node that dies midway leaves copies that the next start
 * finishes. It runs as the node starts, before anything reads these tables, under the {@link BootstrapLock}.
 */
final class OwnerRehoming {

    /** An owner-sharded table: its owner column and its primary key. Parents first. */
    record OwnerTable(String name, String ownerColumn, String keyColumn) {
    }

    static final List<OwnerTable> TABLES = List.of(new OwnerTable("orders", "buyer", "order_no"),
            new OwnerTable("payment", "buyer", "payment_id"));

    private static final Logger log = LoggerFactory.getLogger(OwnerRehoming.class);

    private OwnerRehoming() {
    }

    /** Returns how many rows moved. */
    static int rehome(List<DataSource> databases) {
        int count = databases.size();
        List<JdbcClient> jdbc = databases.stream().map(JdbcClient::create).toList();
        if (jdbc.stream().allMatch(db -> laidOutFor(db) == count)) {
            return 0;
        }
        int moved = 0;
        for (int from = 0; from < count; from++) {
            List<List<Object>> keysByTable = new ArrayList<>();
            for (OwnerTable table : TABLES) {
                List<Object> keys = new ArrayList<>();
                for (Map<String, Object> row : jdbc.get(from).sql("SELECT * FROM " + table.name()).query().listOfRows()) {
                    int to = ShardKeys.shardOf(ShardKeys.bucketOf(value(row, table.ownerColumn()).toString()), count);
                    if (to != from) {
                        copy(jdbc.get(to), table, row);
                        keys.add(value(row, table.keyColumn()));
                    }
                }
                keysByTable.add(keys);
            }
            for (int t = TABLES.size() - 1; t >= 0; t--) {
                OwnerTable table = TABLES.get(t);
                for (Object key : keysByTable.get(t)) {
                    jdbc.get(from).sql("DELETE FROM " + table.name() + " WHERE " + table.keyColumn() + " = ?")
                            .param(key).update();
                }
                moved += keysByTable.get(t).size();
            }
        }
        for (JdbcClient db : jdbc) {
            db.sql("DELETE FROM shard_layout").update();
            db.sql("INSERT INTO shard_layout (shard_count) VALUES (?)").param(count).update();
        }
        log.info("Owner-sharded rows laid out for {} shard database(s): {} moved", count, moved);
        return moved;
    }

    private static int laidOutFor(JdbcClient db) {
        return db.sql("SELECT shard_count FROM shard_layout").query(Integer.class).optional().orElse(0);
    }

    private static void copy(JdbcClient to, OwnerTable table, Map<String, Object> row) {
        boolean there = to.sql("SELECT COUNT(*) FROM " + table.name() + " WHERE " + table.keyColumn() + " = ?")
                .param(value(row, table.keyColumn())).query(Long.class).single() > 0;
        if (!there) {
            List<String> columns = List.copyOf(row.keySet());
            to.sql("INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")")
                    .params(columns.stream().map(row::get).toList()).update();
        }
    }

    /** Column names come back upper case from H2 and lower case from PostgreSQL. */
    private static Object value(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst()
                .map(Map.Entry::getValue)
                .orElseThrow(() -> new IllegalStateException("no column " + column + " in " + row.keySet()));
    }
}
