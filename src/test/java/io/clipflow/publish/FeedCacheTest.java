package io.clipflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clipflow.RedisForTestRun;
import io.clipflow.publish.FeedCache.FeedItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The feed cache on the test run's real Redis: a hit costs no database read, an approval is seen at once, and so
 * is one whose invalidation a dead node never made, once a node starts.
 */
class FeedCacheTest {

    LettuceConnectionFactory connections;
    FeedCache cache;
    final List<FeedItem> database = new ArrayList<>();
    final AtomicInteger databaseReads = new AtomicInteger();

    @BeforeEach
    void setUp() {
        connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", RedisForTestRun.shared().port()));
        connections.afterPropertiesSet();
        StringRedisTemplate redis = new StringRedisTemplate(connections);
        redis.delete(redis.keys(FeedCache.GENERATION_KEY + "*")); // the counter and every page under it
        cache = new FeedCache(redis, new ObjectMapper().registerModule(new JavaTimeModule()), Duration.ofMinutes(1));
    }

    @AfterEach
    void tearDown() {
        connections.destroy();
    }

    @Test
    void secondReadOfAPageIsServedFromRedis() {
        database.add(item("a"));

        List<FeedItem> first = read(0, 20);
        List<FeedItem> second = read(0, 20);

        assertThat(second).isEqualTo(first).extracting(FeedItem::code).containsExactly("a");
        assertThat(databaseReads).hasValue(1);
    }

    @Test
    void approvalIsSeenByTheNextRead() {
        database.add(item("a"));
        read(0, 20);

        database.add(0, item("b"));
        cache.invalidate();

        assertThat(read(0, 20)).extracting(FeedItem::code).containsExactly("b", "a");
        assertThat(databaseReads).hasValue(2);
    }

    @Test
    void aStartingNodeDropsPagesCachedBeforeIt() {
        database.add(item("a"));
        read(0, 20);
        // approved on a node that died between the commit and the invalidation after it
        database.add(0, item("b"));

        try (AnnotationConfigApplicationContext node = new AnnotationConfigApplicationContext()) {
            node.registerBean(FeedCache.class, () -> cache);
            node.refresh();
            node.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], node, Duration.ZERO));
        }

        assertThat(read(0, 20)).extracting(FeedItem::code).containsExactly("b", "a");
    }

    @Test
    void pagesOfDifferentSizeAreCachedApart() {
        database.add(item("a"));
        database.add(item("b"));

        assertThat(read(0, 1)).extracting(FeedItem::code).containsExactly("a");
        assertThat(read(0, 2)).extracting(FeedItem::code).containsExactly("a", "b");
    }

    private List<FeedItem> read(int page, int size) {
        return cache.page(page, size, () -> {
            databaseReads.incrementAndGet();
            return List.copyOf(database.subList(0, Math.min(size, database.size())));
        });
    }

    private static FeedItem item(String code) {
        return new FeedItem(code, "title " + code, "d", "https://v.example/" + code, "creator1",
                OffsetDateTime.parse("2026-11-23T08:00:00Z"));
    }
}
