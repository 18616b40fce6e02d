package io.clipflow.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Primary;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two worlds of data. Camunda's engine tables live in a plain DataSource ({@code camundaBpmDataSource}, picked
 * by the starter by name); clipflow's own tables go through ShardingSphere over the physical databases of
 * {@link ShardProperties}, each migrated by Flyway from {@code db/} before the sharding layer reads its metadata.
 *
 * <p>Every commit goes to ONE database. The engine's transaction manager is the only one: a process step or a
 * request that also writes clipflow's tables commits the engine first, with a {@link RedoLog} entry of what it
 * wrote there, and the shards right after ({@link ShardConnections}); a shard commit lost with its node is
 * replayed from the log ({@link RedoRecovery}). Engine failures such as optimistic locking surface at flush,
 * before any commit, and roll both back. Why not XA: docs/design.md, "Commits".
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
    BootstrapLock bootstrapLock(DataSourceProperties engineDataSourceProperties) {
        return BootstrapLock.acquire(engineDataSourceProperties.determineUrl(),
                engineDataSourceProperties.determineUsername(), engineDataSourceProperties.determinePassword());
    }

    @Bean
    @Primary
    @DependsOn("bootstrapLock")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource camundaBpmDataSource(DataSourceProperties engineDataSourceProperties) {
        return engineDataSourceProperties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean
    @DependsOn("bootstrapLock")
    ShardDatabases shardDatabases(ShardProperties shards) {
        return new ShardDatabases(shards);
    }

    @Bean
    RedoLog redoLog(DataSource camundaBpmDataSource, ObjectMapper json) {
        return new RedoLog(camundaBpmDataSource, json);
    }

    /** A shard connection is opened only when a transaction first uses clipflow's tables. */
    @Bean
    @Qualifier("clipflow")
    DataSource clipflowDataSource(ShardDatabases shards, RedoLog redoLog,
            @Value("${clipflow.faults.halt-between-commits:false}") boolean haltBetweenCommits) {
        return new ShardConnections(shards.sharding(), redoLog, haltBetweenCommits);
    }

    @Bean
    @Primary
    PlatformTransactionManager transactionManager(DataSource camundaBpmDataSource) {
        return new DataSourceTransactionManager(camundaBpmDataSource);
    }

    /** The one way clipflow code reaches its own tables. */
    @Bean
    JdbcClient clipflowJdbc(@Qualifier("clipflow") DataSource clipflowDataSource) {
        return JdbcClient.create(clipflowDataSource);
    }
}
