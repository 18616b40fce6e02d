package io.clipflow.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way clipflow inserts a row whose id the database generates and learns that id: the row also gets a
 * {@code creation_ref} chosen here, and the id is read back by it. JDBC generated keys do not survive
 * ShardingSphere on PostgreSQL (the key comes back without a column name), and this works on H2 and PostgreSQL
 * alike. Table and column names are the caller's constants, never input; values are always parameters.
 */
public final class GeneratedIds {

    private GeneratedIds() {
    }

    public static long insert(JdbcClient jdbc, String table, List<String> columns, Object... values) {
        String ref = UUID.randomUUID().toString();
        List<Object> params = new ArrayList<>(List.of(values));
        params.add(ref);
        jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", columns) + ", creation_ref) VALUES ("
                + String.join(", ", Collections.nCopies(columns.size() + 1, "?")) + ")").params(params).update();
        return jdbc.sql("SELECT id FROM " + table + " WHERE creation_ref = ?").param(ref).query(Long.class).single();
    }
}
