package io.clipflow.words;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * An H2 trigger that makes one word's insert fail as a duplicate key would, as if someone had added that word
 * while an import was running.
 */
public class LateWordTrigger implements Trigger {

    static volatile String word;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null && newRow[0].equals(word)) {
            throw new SQLException("Unique index or primary key violation: " + word, "23505", 23505);
        }
    }
}
