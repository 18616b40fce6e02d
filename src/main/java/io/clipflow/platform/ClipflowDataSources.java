package io.clipflow.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.transaction.ChainedTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two worlds of data. Camunda's engine tables live in a plain DataSource ({@code camundaBpmDataSource}, picked
 * by the starter by name); clipflow's own tables go through ShardingSphere over the physical databases of
 * {@link ShardProperties}, each migrated by Flyway from {@code db/} before the sharding layer reads its metadata.
 *
 * <p>One transaction manager spans both so that a process step and the rows it writes commit or roll back
 * together: the shard transaction commits first, then the engine's (best-effort one-phase commit). Engine
 * failures such as optimistic locking surface at flush, before either commit, and roll both back.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShardProperties.class)
class ClipflowDataSources {

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource")
    DataSourceProperties engineDataSourceProperties() {
        return new DataSourceProperties();
    }

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource camundaBpmDataSource(DataSourceProperties engineDataSourceProperties) {
        return engineDataSourceProperties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean
    ShardDatabases shardDatabases(ShardProperties shards) {
        return new ShardDatabases(shards);
    }

    /** Lazy, so that engine transactions that never touch clipflow's tables never take a shard connection. */
    @Bean
    @Qualifier("clipflow")
    DataSource clipflowDataSource(ShardDatabases shards) {
        return new LazyConnectionDataSourceProxy(shards.sharding());
    }

    @Bean
    PlatformTransactionManager clipflowShardTransactionManager(@Qualifier("clipflow") DataSource clipflowDataSource) {
        return new DataSourceTransactionManager(clipflowDataSource);
    }

    @Bean
    @Primary
    @SuppressWarnings("deprecation") // best-effort 1PC is exactly what is wanted here; no XA resources exist
    PlatformTransactionManager transactionManager(DataSource camundaBpmDataSource,
            @Qualifier("clipflowShardTransactionManager") PlatformTransactionManager shardTransactions) {
        // started in this order, committed in reverse: shards first, then the engine
        return new ChainedTransactionManager(new DataSourceTransactionManager(camundaBpmDataSource), shardTransactions);
    }

    /** The one way clipflow code reaches its own tables. */
    @Bean
    JdbcClient clipflowJdbc(@Qualifier("clipflow") DataSource clipflowDataSource) {
        return JdbcClient.create(clipflowDataSource);
    }
}
