package io.clipflow.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a request could have stored, counted: the rows of every clipflow table in every physical shard database,
 * the engine's process instances, tasks, variables, users, groups, grants and filters, clipflow's redo log and
 * categories, and Redis's keys.
 * Two snapshots around a refused request must show nothing new.
 */
record StoredState(Map<String, Long> rows, Set<String> redisKeys) {

    // a sale's stock, buyers and held units, and the list of sales, are rebuilt from the database by the seckill
    // reconciliation on its own schedule, whatever a request does; a request that stored a sale also stored its
    // row, which the table counts see
    private static final Pattern REBUILT_FROM_DATABASE =
            Pattern.compile("clipflow:seckill:(events|\\{seckill-\\d+}:(event|buyers|held))");

    private static final List<String> ENGINE_TABLES = List.of("ACT_HI_PROCINST", "ACT_RU_EXECUTION", "ACT_RU_TASK",
            "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_ID_USER", "ACT_ID_GROUP", "ACT_ID_MEMBERSHIP", "ACT_RU_AUTHORIZATION", "ACT_RU_FILTER",
            "CLIPFLOW_REDO_LOG", "CLIPFLOW_CATEGORY");

    /** Takes snapshots; the shard databases' tables are looked up once. */
    static final class Camera {

        private final Map<String, List<String>> tables = new TreeMap<>();
        private final ShardDatabases shards;
        private final DataSource engine;
        private final StringRedisTemplate redis;

        Camera(ShardDatabases shards, DataSource engine, StringRedisTemplate redis) {
            this.shards = shards;
            this.engine = engine;
            this.redis = redis;
            shards.physical().forEach((name, ds) -> tables.put(name, JdbcClient.create(ds)
                    .sql("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                            + "AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> 'flyway_schema_history'")
                    .query(String.class).list()));
        }

        StoredState take() {
            Map<String, Long> rows = new TreeMap<>();
            shards.physical().forEach((name, ds) -> {
                JdbcClient jdbc = JdbcClient.create(ds);
                tables.get(name).forEach(table -> rows.put(name + "." + table, count(jdbc, table)));
            });
            JdbcClient engineJdbc = JdbcClient.create(engine);
            ENGINE_TABLES.forEach(table -> rows.put("engine." + table, count(engineJdbc, table)));
            return new StoredState(rows, new TreeSet<>(redis.keys("*")));
        }
    }

    private static long count(JdbcClient jdbc, String table) {
        // table names come from the database's own catalogue or the constant list above, never from a request
        return jdbc.sql("SELECT COUNT(*) FROM \"" + table + "\"").query(Long.class).single();
    }

    /** What is in {@code after} and was not here: rows that grew or shrank, Redis keys that appeared. */
    List<String> changesTo(StoredState after) {
        List<String> changes = new java.util.ArrayList<>();
        after.rows.forEach((table, count) -> {
            Long before = rows.get(table);
            if (!count.equals(before)) {
                changes.add(table + ": " + before + " -> " + count);
            }
        });
        after.redisKeys.stream().filter(k -> !redisKeys.contains(k))
                .filter(k -> !REBUILT_FROM_DATABASE.matcher(k).matches()).forEach(k -> changes.add("redis key " + k));
        return changes;
    }
}
