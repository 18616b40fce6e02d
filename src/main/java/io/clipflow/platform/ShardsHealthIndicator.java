package io.clipflow.platform;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Health of each physical database under the sharding layer, by name, so an operator sees which one is down. */
@Component("shards")
class ShardsHealthIndicator extends AbstractHealthIndicator {

    private final ShardDatabases shards;

    ShardsHealthIndicator(ShardDatabases shards) {
        this.shards = shards;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean allUp = true;
        for (Map.Entry<String, DataSource> shard : shards.physical().entrySet()) {
            String state;
            try (Connection connection = shard.getValue().getConnection()) {
                state = connection.isValid(2) ? "UP" : "DOWN";
            }
            catch (Exception ex) {
                state = "DOWN: " + ex.getMessage();
            }
            allUp &= "UP".equals(state);
            builder.withDetail(shard.getKey(), state);
        }
        if (allUp) {
            builder.up();
        }
        else {
            builder.down();
        }
    }
}
