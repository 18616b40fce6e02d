package io.clipflow.platform;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;

/**
 * For tests that must reach one physical shard database past ShardingSphere (which does not parse every H2
 * statement, a {@code CREATE TRIGGER} for one): the database named {@code ds_<n>} of an application context.
 */
public final class PhysicalShards {

    private PhysicalShards() {
    }

    public static DataSource database(ApplicationContext context, String name) {
        return context.getBean(ShardDatabases.class).physical().get(name);
    }
}
