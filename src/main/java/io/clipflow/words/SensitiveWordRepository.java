package io.clipflow.words;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The word library table {@code sensitive_word}, a single table in {@code ds_0}: every node loads all of it into its
 * matcher, so it is never joined with a sharded table, and a change commits on one database.
 */
@Repository
class SensitiveWordRepository {

    private final JdbcClient jdbc;

    SensitiveWordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SensitiveWord> findAll() {
        return jdbc.sql("SELECT word, level FROM sensitive_word ORDER BY word")
                .query((rs, n) -> new SensitiveWord(rs.getString("word"), WordLevel.valueOf(rs.getString("level"))))
                .list();
    }

    boolean exists(String word) {
        return jdbc.sql("SELECT COUNT(*) FROM sensitive_word WHERE word = ?").param(word)
                .query(Integer.class).single() > 0;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM sensitive_word").query(Long.class).single();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the word is there already. */
    void insert(SensitiveWord word) {
        jdbc.sql("INSERT INTO sensitive_word (word, level, created_at) VALUES (?, ?, ?)")
                .params(word.word(), word.level().name(), OffsetDateTime.now()).update();
    }

    int updateLevel(SensitiveWord word) {
        return jdbc.sql("UPDATE sensitive_word SET level = ? WHERE word = ?")
                .params(word.level().name(), word.word()).update();
    }

    int delete(String word) {
        return jdbc.sql("DELETE FROM sensitive_word WHERE word = ?").param(word).update();
    }
}
