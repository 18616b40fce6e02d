package io.clipflow.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.ClassPathResource;

/**
 * The physical databases ({@code ds_0, ds_1, ...}) and the ShardingSphere layer over them. Each physical
 * database is brought to the latest schema of {@code db/} by Flyway before ShardingSphere reads its metadata,
 * so a restart keeps the data and a new version migrates it; then the owner-sharded rows are put where their
 * owner's bucket says ({@link OwnerRehoming}). The rules are {@code sharding.yaml}.
 */
final class ShardDatabases implements AutoCloseable {

    private static final Pattern NODES = Pattern.compile("\\$\\{nodes:(\\w+)}");

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
            OwnerRehoming.rehome(List.copyOf(physical.values()));
            String rules = rules(new ClassPathResource("sharding.yaml").getContentAsString(StandardCharsets.UTF_8));
            sharding = YamlShardingSphereDataSourceFactory.createDataSource(physical,
                    rules.getBytes(StandardCharsets.UTF_8));
        }
        catch (SQLException | IOException | RuntimeException ex) {
            close();
            throw new IllegalStateException("ShardingSphere could not start over " + physical.keySet(), ex);
        }
    }

    /** Fills in the data sources and each {@code ${nodes:<table>}} with that table in every data source. */
    private String rules(String template) {
        Matcher nodes = NODES.matcher(template.replace("${dataSources}", String.join(",", physical.keySet())));
        StringBuilder rules = new StringBuilder();
        while (nodes.find()) {
            List<String> tableInEach = new ArrayList<>();
            physical.keySet().forEach(ds -> tableInEach.add(ds + "." + nodes.group(1)));
            nodes.appendReplacement(rules, Matcher.quoteReplacement(String.join(",", tableInEach)));
        }
        return nodes.appendTail(rules).toString();
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
