package io.clipflow.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WordMatcherConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 500;

    private static List<String> texts() {
        return List.of(
                "網上賭博，穩賺不賠，加微信",
                "Free Ｐ*Ｏ*Ｒ*Ｎ and c o c a i n e here",
                "今天教大家做红烧肉",
                "代 开 发 票，刷单返现，套现秒到",
                "");
    }

    @Test
    void givesEveryThreadTheSameResults() throws Exception {
        WordMatcher matcher = new WordMatcher(SeedWords.load());
        List<List<WordHit>> expected = texts().stream().map(matcher::findAll).toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<List<WordHit>>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<List<WordHit>> last = null;
                    for (int round = 0; round < ROUNDS; round++) {
                        List<List<WordHit>> results = texts().stream().map(matcher::findAll).toList();
                        if (!results.equals(expected)) {
                            return results;
                        }
                        last = results;
                    }
                    return last;
                }));
            }
            start.countDown();
            for (Future<List<List<WordHit>>> future : futures) {
                assertThat(future.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.get(0)).isNotEmpty();
        assertThat(expected.get(1)).hasSize(2);
        assertThat(expected.get(2)).isEmpty();
    }
}
