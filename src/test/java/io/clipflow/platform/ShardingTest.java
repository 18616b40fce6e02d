package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.clipflow.ClipflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ClipflowIntegrationTest
class ShardingTest {

    @Autowired
    JdbcClient clipflowJdbc;

    @Autowired
    ShardDatabases shards;

    @Test
    void everyPhysicalDatabaseHasTheThreeShardTables() {
        JdbcClient ds0 = JdbcClient.create(shards.physical().get("ds_0"));

        List<String> tables = ds0.sql("SELECT LOWER(table_name) FROM information_schema.tables "
                + "WHERE LOWER(table_name) LIKE 'publish\\_%' OR LOWER(table_name) LIKE 'audit\\_record\\_%' "
                + "ORDER BY 1").query(String.class).list();

        assertThat(tables).containsExactly("audit_record_0", "audit_record_1", "audit_record_2",
                "publish_0", "publish_1", "publish_2");
    }

    @Test
    void rowLandsInThePhysicalTableItsCodeHashesTo() {
        String tag = tag();
        for (int i = 0; i < 12; i++) {
            String code = tag + i;
            insertPublish(code, "t", OffsetDateTime.now());

            for (int shard = 0; shard < 3; shard++) {
                int found = databaseOf(shard).sql("SELECT COUNT(*) FROM publish_" + shard + " WHERE code = ?").param(code)
                        .query(Integer.class).single();
                assertThat(found).as("%s in publish_%d", code, shard).isEqualTo(shard == shardOf(code) ? 1 : 0);
            }
        }
    }

    @Test
    void pagedQueryReadsAcrossShardsInOrder() {
        String tag = tag();
        OffsetDateTime base = OffsetDateTime.now().minusDays(1);
        for (int i = 0; i < 9; i++) {
            insertPublish(tag + i, "title " + tag, base.plusMinutes(i));
        }

        List<String> page = clipflowJdbc.sql("SELECT code FROM publish WHERE title = ? "
                + "ORDER BY created_at DESC, code LIMIT ? OFFSET ?")
                .params("title " + tag, 4, 2).query(String.class).list();

        assertThat(page).containsExactly(tag + 6, tag + 5, tag + 4, tag + 3);
        assertThat(List.of(0, 1, 2)).allMatch(shard -> java.util.stream.IntStream.range(0, 9)
                .anyMatch(i -> shardOf(tag + i) == shard));
    }

    @Test
    void boundTablesShareTheShardOfTheirCode() {
        String code = tag() + "x";
        insertPublish(code, "t", OffsetDateTime.now());
        clipflowJdbc.sql("INSERT INTO audit_record (code, auditor, decision, reason, decided_at) "
                + "VALUES (?, ?, ?, ?, ?)").params(code, "auditor1", 2, null, OffsetDateTime.now()).update();

        Map<String, Object> joined = clipflowJdbc.sql("SELECT p.code, a.auditor FROM publish p "
                + "JOIN audit_record a ON a.code = p.code WHERE p.code = ?").param(code).query().singleRow();

        assertThat(joined).containsEntry("AUDITOR", "auditor1");
        int inShard = databaseOf(shardOf(code))
                .sql("SELECT COUNT(*) FROM audit_record_" + shardOf(code) + " WHERE code = ?").param(code)
                .query(Integer.class).single();
        assertThat(inShard).isEqualTo(1);
    }

    @Test
    void itemsTheirHoldsEventsAndTheWordLibraryLiveInTheFirstDatabaseOnly() {
        assertThat(shards.physical()).hasSize(2);
        clipflowJdbc.sql("INSERT INTO item (name, price_cents, stock, created_at, creation_ref) VALUES (?, ?, ?, ?, ?)")
                .params("Single", 100, 3, OffsetDateTime.now(), tag()).update();

        for (String table : List.of("item", "sensitive_word")) {
            assertThat(count(0, table)).as(table + " in ds_0").isPositive();
            assertThat(count(1, table)).as(table + " in ds_1").isZero();
        }
        assertThat(clipflowJdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single()).isEqualTo(count(0, "item"));
    }

    private long count(int database, String table) {
        return JdbcClient.create(shards.physical().get("ds_" + database)).sql("SELECT COUNT(*) FROM " + table)
                .query(Long.class).single();
    }

    /** Auto tables go round the databases: publish_0 in ds_0, publish_1 in ds_1, publish_2 in ds_0 again. */
    private JdbcClient databaseOf(int table) {
        return JdbcClient.create(shards.physical().get("ds_" + table % shards.physical().size()));
    }

    /** ShardingSphere's HASH_MOD: the absolute hash code, modulo the shard count. */
    static int shardOf(String code) {
        return (int) (Math.abs((long) code.hashCode()) % 3);
    }

    private void insertPublish(String code, String title, OffsetDateTime createdAt) {
        clipflowJdbc.sql("INSERT INTO publish (code, creator, title, description, video_url, status, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(code, "creator1", title, "d", "https://v.example/1", 1,
                        createdAt)
                .update();
    }

    private static String tag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }
}
