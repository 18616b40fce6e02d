package io.clipflow.category;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.clipflow.platform.EngineTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code clipflow_category} in the engine's database: a handful of rows, read by primary key when used. */
@Repository
class CategoryRepository {

    private static final String COLUMNS = "category_key, name, auditor_group, four_eyes";

    private final JdbcClient jdbc;

    @Autowired
    CategoryRepository(EngineTables tables) {
        this(tables.jdbc());
    }

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Category> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clipflow_category ORDER BY category_key")
                .query(CategoryRepository::map).list();
    }

    Optional<Category> find(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clipflow_category WHERE category_key = ?").param(key)
                .query(CategoryRepository::map).optional();
    }

    List<String> auditorGroups() {
        return jdbc.sql("SELECT DISTINCT auditor_group FROM clipflow_category").query(String.class).list();
    }

    int update(Category category) {
        return jdbc.sql("UPDATE clipflow_category SET name = ?, auditor_group = ?, four_eyes = ?, updated_at = ? "
                + "WHERE category_key = ?")
                .params(category.name(), category.auditorGroup(), category.fourEyes(), OffsetDateTime.now(),
                        category.key())
                .update();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when another request created it first. */
    void insert(Category category) {
        jdbc.sql("INSERT INTO clipflow_category (category_key, name, auditor_group, four_eyes, updated_at) "
                + "VALUES (?, ?, ?, ?, ?)")
                .params(category.key(), category.name(), category.auditorGroup(), category.fourEyes(),
                        OffsetDateTime.now())
                .update();
    }

    private static Category map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Category(rs.getString("category_key"), rs.getString("name"), rs.getString("auditor_group"),
                rs.getBoolean("four_eyes"));
    }
}
