package io.clipflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * clipflow's tables as ONE plain H2 database (the logical names, no sharding) and the test run's Redis, for
 * process tests on the plain engine: the delegates' real classes write where the app's would.
 */
public final class ProcessTestTables {

    private ProcessTestTables() {
    }

    /**
     * The shard-0 tables of {@code db/shards/V1...sql} and {@code V7...sql} under their logical names, and the
     * categories of {@code db/engine/V2...sql}.
     */
    public static JdbcClient database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:tables-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(ds);
        for (String migration : new String[] { "db/shards/V1__publish_audit_words.sql",
                "db/shards/V7__video_category.sql", "db/engine/V2__categories.sql" }) {
            Arrays.stream(read(migration).replaceAll("(?m)^--.*$", "").split(";")).map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .filter(s -> s.contains("_0") || s.contains("sensitive_word") || s.contains("clipflow_category"))
                    .map(s -> s.replace("publish_0", "publish").replace("audit_record_0", "audit_record"))
                    .forEach(s -> jdbc.sql(s).update());
        }
        return jdbc;
    }

    private static String read(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The test run's redis-server. */
    public static StringRedisTemplate redis() {
        return redis(Integer.getInteger("spring.data.redis.port", 6379));
    }

    public static StringRedisTemplate redis(int port) {
        LettuceConnectionFactory connections = new LettuceConnectionFactory("127.0.0.1", port);
        connections.afterPropertiesSet();
        connections.start();
        return new StringRedisTemplate(connections);
    }
}
