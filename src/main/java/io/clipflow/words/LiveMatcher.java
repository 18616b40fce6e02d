package io.clipflow.words;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher a node screens with, and the library it is being brought up to. A change to the library never
 * makes a screen wait: it bumps a version and wakes one build thread, which builds a new matcher from a copy
 * of the library and swaps it in; the old matcher serves until then. Changes that arrive while a build runs
 * are in the library by the time it ends, and the thread builds again from the newest copy, so any number of
 * them costs one more build and none is lost.
 */
final class LiveMatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveMatcher.class);

    private final AtomicReference<WordMatcher> live = new AtomicReference<>(new WordMatcher(List.of()));
    private final ExecutorService builder = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "word-matcher-build");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong builds = new AtomicLong();
    private final Function<List<SensitiveWord>, WordMatcher> build;
    /** The library by word; this and the versions are guarded by {@code this}. */
    private final Map<String, SensitiveWord> library = new HashMap<>();
    private long version;
    private long builtVersion;
    private boolean building;

    LiveMatcher() {
        this(WordMatcher::new);
    }

    /** With the build step given, so a test can hold a build while it checks what screens see meanwhile. */
    LiveMatcher(Function<List<SensitiveWord>, WordMatcher> build) {
        this.build = build;
    }

    WordMatcher current() {
        return live.get();
    }

    /** Adds a word or changes its level; returns the library's version with it. */
    synchronized long put(SensitiveWord word) {
        if (!word.equals(library.put(word.word(), word))) {
            changed();
        }
        return version;
    }

    synchronized long remove(String word) {
        if (library.remove(word) != null) {
            changed();
        }
        return version;
    }

    /** The whole library as read from the table; builds nothing if it is what this node has. */
    synchronized long replaceAll(Collection<SensitiveWord> words) {
        Map<String, SensitiveWord> fresh = new HashMap<>(words.size() * 4 / 3 + 1);
        words.forEach(word -> fresh.put(word.word(), word));
        if (!fresh.equals(library)) {
            library.clear();
            library.putAll(fresh);
            changed();
        }
        return version;
    }

    /** Waits until the live matcher includes every change up to {@code version}; false on time-out. */
    synchronized boolean awaitBuilt(long version, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (builtVersion < version) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Matchers built so far. */
    long builds() {
        return builds.get();
    }

    private void changed() {
        version++;
        if (!building) {
            try {
                builder.execute(this::buildUntilCurrent);
                building = true;
            }
            catch (RejectedExecutionException closed) {
                log.debug("Word library changed after shutdown; not built");
            }
        }
    }

    private void buildUntilCurrent() {
        while (true) {
            List<SensitiveWord> copy;
            long target;
            synchronized (this) {
                if (builtVersion == version) {
                    building = false;
                    return;
                }
                copy = new ArrayList<>(library.values());
                target = version;
            }
            long started = System.nanoTime();
            try {
                live.set(build.apply(copy));
                builds.incrementAndGet();
            }
            catch (RuntimeException ex) {
                log.error("Building the word matcher failed; the previous one keeps serving", ex);
                synchronized (this) {
                    building = false;
                }
                return;
            }
            synchronized (this) {
                builtVersion = target;
                notifyAll();
            }
            log.info("Word matcher built and live: {} words in {} ms (library version {})", copy.size(),
                    (System.nanoTime() - started) / 1_000_000, target);
        }
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }
}
