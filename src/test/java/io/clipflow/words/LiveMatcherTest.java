package io.clipflow.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveMatcherTest {

    /** Builds real matchers, but the first one waits for the test's go. */
    private static final class HeldFirstBuild {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch go = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        WordMatcher build(List<SensitiveWord> library) {
            WordMatcher matcher = new WordMatcher(library);
            if (calls.incrementAndGet() == 1) {
                started.countDown();
                await(go);
            }
            return matcher;
        }
    }

    @Test
    void screensKeepTheOldMatcherWhileABuildRunsAndChangesMadeMeanwhileCostOneMoreBuild() throws Exception {
        HeldFirstBuild held = new HeldFirstBuild();
        try (LiveMatcher live = new LiveMatcher(held::build)) {
            long first = live.put(SensitiveWord.block("alpha"));
            assertThat(held.started.await(10, TimeUnit.SECONDS)).isTrue();

            long last = 0;
            for (int i = 0; i < 100; i++) {
                last = live.put(SensitiveWord.review("word" + i));
            }
            last = live.remove("word7");
            // the build of "alpha" is still held: screens answer at once, from the matcher that was live
            assertThat(live.current().findAll("alpha word1")).isEmpty();
            assertThat(live.awaitBuilt(first, Duration.ofMillis(50))).isFalse();

            held.go.countDown();
            assertThat(live.awaitBuilt(last, Duration.ofSeconds(10))).isTrue();

            assertThat(live.current().findAll("alpha word1 word7 word99")).extracting(WordHit::word)
                    .containsExactly("alpha", "word1", "word9", "word99");
            assertThat(live.builds()).isEqualTo(2);
            assertThat(held.calls).hasValue(2);
        }
    }

    @Test
    void aReplacementThatChangesNothingBuildsNothing() throws Exception {
        try (LiveMatcher live = new LiveMatcher()) {
            long version = live.replaceAll(List.of(SensitiveWord.block("alpha"), SensitiveWord.review("beta")));
            assertThat(live.awaitBuilt(version, Duration.ofSeconds(10))).isTrue();

            assertThat(live.replaceAll(List.of(SensitiveWord.review("beta"), SensitiveWord.block("alpha"))))
                    .isEqualTo(version);
            assertThat(live.put(SensitiveWord.block("alpha"))).isEqualTo(version);
            assertThat(live.remove("gamma")).isEqualTo(version);
            assertThat(live.builds()).isEqualTo(1);

            long changed = live.put(SensitiveWord.review("alpha"));
            assertThat(changed).isGreaterThan(version);
            assertThat(live.awaitBuilt(changed, Duration.ofSeconds(10))).isTrue();
            assertThat(live.current().findAll("alpha")).singleElement()
                    .satisfies(hit -> assertThat(hit.level()).isEqualTo(WordLevel.REVIEW));
        }
    }

    /** Writers and screens at once: nothing is lost, and the live matcher never goes back to an older library. */
    @Test
    void concurrentChangesAreAllAppliedAndScreensNeverSeeHalfAChange() throws Exception {
        int writers = 4;
        int perWriter = 300;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try (LiveMatcher live = new LiveMatcher()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writes.add(pool.submit(() -> {
                    start.await();
                    long version = 0;
                    for (int i = 0; i < perWriter; i++) {
                        version = live.put(SensitiveWord.block("w" + writer + "x" + i + "pair"));
                        version = live.put(SensitiveWord.review("w" + writer + "x" + i + "twin"));
                    }
                    return version;
                }));
            }
            AtomicInteger screens = new AtomicInteger();
            Future<?> reader = pool.submit(() -> {
                start.await();
                int seen = 0;
                // at least one screen, even when a busy machine lets the writers finish before this thread runs
                do {
                    int size = live.current().size();
                    assertThat(size).isGreaterThanOrEqualTo(seen);
                    seen = size;
                    screens.incrementAndGet();
                } while (!writes.stream().allMatch(Future::isDone));
                return null;
            });
            start.countDown();
            long newest = 0;
            for (Future<Long> write : writes) {
                newest = Math.max(newest, write.get(60, TimeUnit.SECONDS));
            }
            reader.get(60, TimeUnit.SECONDS);
            assertThat(live.awaitBuilt(newest, Duration.ofSeconds(30))).isTrue();

            WordMatcher last = live.current();
            assertThat(last.size()).isEqualTo(writers * perWriter * 2);
            assertThat(last.findAll("w3x299pair w0x0twin")).extracting(WordHit::word)
                    .containsExactly("w3x299pair", "w0x0twin");
            assertThat(live.builds()).isLessThan(writers * perWriter * 2);
            assertThat(screens).hasPositiveValue();
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
