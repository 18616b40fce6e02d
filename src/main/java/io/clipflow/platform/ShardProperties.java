package io.clipflow.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The physical databases behind clipflow's sharded tables, named {@code ds_0, ds_1, ...} in list order.
 * One H2 file by default; several PostgreSQL databases when scaled out.
 */
@ConfigurationProperties("clipflow.shards")
record ShardProperties(List<Shard> databases, int poolSize) {

    public ShardProperties {
        if (databases == null || databases.isEmpty()) {
            throw new IllegalArgumentException("clipflow.shards.databases needs at least one database");
        }
        poolSize = poolSize > 0 ? poolSize : 10;
    }

    public record Shard(String url, String username, String password) {
    }
}
