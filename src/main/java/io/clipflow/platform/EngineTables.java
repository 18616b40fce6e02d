package io.clipflow.platform;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * clipflow's own tables in the engine's database ({@code db/engine}), for a feature whose rows belong beside the
 * engine's: statements join the engine's transaction, so they commit with what the engine does in it. Built after
 * the redo log, whose start migrated {@code db/engine}, so the tables exist before the first statement.
 */
@Component
public class EngineTables {

    private final JdbcClient jdbc;

    EngineTables(@Qualifier("camundaBpmDataSource") DataSource engineDataSource, RedoLog migratedWithIt) {
        this.jdbc = JdbcClient.create(engineDataSource);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
