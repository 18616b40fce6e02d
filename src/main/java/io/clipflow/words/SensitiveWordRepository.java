package io.clipflow.words;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The word library table {@code sensitive_word}, a single table in {@code ds_0}: every node loads all of it into its
 * matcher, so it is never joined with a sharded table, and a change commits on one database.
 */
@Repository
class SensitiveWordRepository {

    /** Rows per INSERT of a bulk insert: one statement text, parsed once, for every full chunk. */
    static final int INSERT_CHUNK = 500;

    private static final RowMapper<SensitiveWord> ROW =
            (rs, n) -> new SensitiveWord(rs.getString("word"), WordLevel.valueOf(rs.getString("level")));

    record Page(List<SensitiveWord> items, long total) {
    }

    private final JdbcClient jdbc;

    SensitiveWordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SensitiveWord> findAll() {
        return jdbc.sql("SELECT word, level FROM sensitive_word ORDER BY word").query(ROW).list();
    }

    Optional<SensitiveWord> find(String word) {
        return jdbc.sql("SELECT word, level FROM sensitive_word WHERE word = ?").param(word).query(ROW).optional();
    }

    /** Words containing {@code text} (any case; all words when null), in word order. */
    Page page(String text, int page, int size) {
        String where = text == null ? "" : " WHERE LOWER(word) LIKE ? ESCAPE '!'";
        List<Object> params = new ArrayList<>();
        if (text != null) {
            params.add("%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
                    + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM sensitive_word" + where).params(params).query(Long.class).single();
        params.add(size);
        params.add((long) page * size);
        List<SensitiveWord> items = jdbc.sql("SELECT word, level FROM sensitive_word" + where
                + " ORDER BY word LIMIT ? OFFSET ?").params(params).query(ROW).list();
        return new Page(items, total);
    }

    /** Every word with its level. */
    Map<String, WordLevel> levels() {
        Map<String, WordLevel> levels = new HashMap<>();
        jdbc.sql("SELECT word, level FROM sensitive_word")
                .query(rs -> {
                    levels.put(rs.getString("word"), WordLevel.valueOf(rs.getString("level")));
                });
        return levels;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM sensitive_word").query(Long.class).single();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the word is there already. */
    void insert(SensitiveWord word) {
        jdbc.sql("INSERT INTO sensitive_word (word, level, created_at) VALUES (?, ?, ?)")
                .params(word.word(), word.level().name(), OffsetDateTime.now()).update();
    }

    /**
     * Inserts many words with multi-row INSERTs, a few hundred rows a statement (ShardingSphere parses a
     * statement text once, and a round trip per word would be most of a large import's time). Atomic only
     * inside the caller's transaction.
     */
    void insertAll(List<SensitiveWord> words) {
        OffsetDateTime now = OffsetDateTime.now();
        String fullChunk = insertSql(INSERT_CHUNK);
        for (int from = 0; from < words.size(); from += INSERT_CHUNK) {
            List<SensitiveWord> chunk = words.subList(from, Math.min(words.size(), from + INSERT_CHUNK));
            List<Object> params = new ArrayList<>(chunk.size() * 3);
            for (SensitiveWord word : chunk) {
                params.add(word.word());
                params.add(word.level().name());
                params.add(now);
            }
            jdbc.sql(chunk.size() == INSERT_CHUNK ? fullChunk : insertSql(chunk.size())).params(params).update();
        }
    }

    int delete(String word) {
        return jdbc.sql("DELETE FROM sensitive_word WHERE word = ?").param(word).update();
    }

    private static String insertSql(int rows) {
        return "INSERT INTO sensitive_word (word, level, created_at) VALUES "
                + String.join(", ", Collections.nCopies(rows, "(?, ?, ?)"));
    }
}
