package io.clipflow.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.ClassPathResource;

/**
 * The physical databases ({@code ds_0, ds_1, ...}) and the ShardingSphere layer over them. Each physical
 * database is brought to the latest schema of {@code db/} by Flyway before ShardingSphere reads its metadata,
 * so a restart keeps the data and a new version migrates it. The rules are {@code sharding.yaml}.
 */
final class ShardDatabases implements AutoCloseable {

    private final Map<String, DataSource> physical = new LinkedHashMap<>();
    private final DataSource sharding;

    ShardDatabases(ShardProperties properties) {
        for (int i = 0; i < properties.databases().size(); i++) {
            String name = "ds_" + i;
            ShardProperties.Shard shard = properties.databases().get(i);
            HikariDataSource ds = new HikariDataSource();
            ds.setPoolName("clipflow-" + name);
            ds.setJdbcUrl(shard.url());
            ds.setUsername(shard.username());
            ds.setPassword(shard.password());
            ds.setMaximumPoolSize(properties.poolSize());
            Flyway.configure().dataSource(ds).locations("classpath:db/shards").load().migrate();
            physical.put(name, ds);
        }
        try {
            String rules = new ClassPathResource("sharding.yaml").getContentAsString(StandardCharsets.UTF_8)
                    .replace("${dataSources}", String.join(",", physical.keySet()));
            sharding = YamlShardingSphereDataSourceFactory.createDataSource(physical,
                    rules.getBytes(StandardCharsets.UTF_8));
        }
        catch (SQLException | IOException ex) {
            close();
            throw new IllegalStateException("ShardingSphere could not start over " + physical.keySet(), ex);
        }
    }

    Map<String, DataSource> physical() {
        return physical;
    }

    DataSource sharding() {
        return sharding;
    }

    @Override
    public void close() {
        if (sharding instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            }
            catch (Exception ignored) {
                // shutting down: the physical pools below are closed regardless
            }
        }
        physical.values().forEach(ds -> ((HikariDataSource) ds).close());
    }
}
