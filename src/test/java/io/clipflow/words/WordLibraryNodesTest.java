package io.clipflow.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.clipflow.ProcessTestTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes, each with its own library, matcher and subscription, over one table and the test run's Redis: a
 * change made on one is screened for on the other, at the size of a real library.
 */
class WordLibraryNodesTest {

    private static final int LIBRARY = 200_000;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stopNodes() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private record Node(WordLibrary library, WordLibraryChanges changes, SensitiveWordRepository words) {

        /** What the API does for a new word: insert, apply here, announce. */
        void add(SensitiveWord word) {
            words.insert(word);
            library.awaitBuilt(library.refresh(word.word()));
            changes.announceWord(word.word());
        }

        void remove(String word) {
            words.delete(word);
            library.awaitBuilt(library.refresh(word));
            changes.announceWord(word);
        }
    }

    private Node node(JdbcClient jdbc) {
        LettuceConnectionFactory connections = new LettuceConnectionFactory("127.0.0.1",
                Integer.getInteger("spring.data.redis.port", 6379));
        connections.afterPropertiesSet();
        connections.start();
        SensitiveWordRepository words = new SensitiveWordRepository(jdbc);
        WordLibrary library = new WordLibrary(words);
        WordLibraryChanges changes = new WordLibraryChanges(new StringRedisTemplate(connections), connections, library);
        changes.start();
        changes.keepListening();
        open.add(changes::stop);
        open.add(library::close);
        open.add(connections::destroy);
        return new Node(library, changes, words);
    }

    @Test
    void aWordAddedOrRemovedOnOneNodeIsScreenedForOnTheOtherAtOnce() {
        JdbcClient jdbc = ProcessTestTables.database();
        SensitiveWordRepository table = new SensitiveWordRepository(jdbc);
        List<SensitiveWord> library = new ArrayList<>(LIBRARY);
        for (int i = 0; i < LIBRARY; i++) {
            library.add(SensitiveWord.review(WordImportApiTest.word(i)));
        }
        table.insertAll(library);
        Node first = node(jdbc);
        Node second = node(jdbc);
        // the subscriptions are up once an announcement goes across
        first.add(SensitiveWord.block("probe"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !second.library().findAll("probe").isEmpty());

        long started = System.nanoTime();
        first.add(SensitiveWord.block("zqwfresh"));
        long appliedHere = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> !second.library().findAll("say zqwfresh").isEmpty());
        long appliedThere = System.nanoTime();
        first.remove("zqwfresh");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> second.library().findAll("say zqwfresh").isEmpty());
        long removedThere = System.nanoTime();

        System.out.printf("%,d words: added and live here in %d ms, on the other node in %d ms; removed there in %d ms%n",
                LIBRARY + 1, (appliedHere - started) / 1_000_000, (appliedThere - started) / 1_000_000,
                (removedThere - appliedThere) / 1_000_000);
        assertThat(second.library().findAll(WordImportApiTest.word(LIBRARY - 1))).hasSize(1);
        assertThat(first.library().findAll("say zqwfresh")).isEmpty();
    }
}
