package io.clipflow.words;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The word library as this node applies it. Screens read the live matcher and never wait: a change is applied
 * to this node's copy of the library and a new matcher is built off the screening path ({@link LiveMatcher}).
 * Changes arrive through {@link WordLibraryChanges}: a changed word is read back from the table by its key,
 * a bulk change by reading the whole table, and a periodic reload catches up with any message that was lost.
 * Reads of the table are applied one at a time, so a later read, which is newer, is never overwritten by an
 * earlier one.
 */
@Component
public class WordLibrary {

    private static final Logger log = LoggerFactory.getLogger(WordLibrary.class);
    private static final Duration BUILD_WAIT = Duration.ofSeconds(30);

    private final SensitiveWordRepository words;
    private final LiveMatcher matcher = new LiveMatcher();
    private final Object reads = new Object();

    WordLibrary(SensitiveWordRepository words) {
        this.words = words;
        seedIfEmpty();
        reload();
    }

    /** Every library word in {@code text}, with positions in the original text and levels. */
    public List<WordHit> findAll(CharSequence text) {
        return matcher.current().findAll(text);
    }

    /** Reads the table again and waits until the matcher has it; screens keep the old matcher until then. */
    public void reload() {
        awaitBuilt(refresh());
    }

    /** Reads the whole table and starts a build if it differs; returns the version to wait for. */
    long refresh() {
        synchronized (reads) {
            return matcher.replaceAll(words.findAll());
        }
    }

    /** Reads one word's row and applies what it says (added, level changed, gone); returns the version. */
    long refresh(String word) {
        synchronized (reads) {
            Optional<SensitiveWord> row = words.find(word);
            return row.isPresent() ? matcher.put(row.get()) : matcher.remove(word);
        }
    }

    /** Waits until the live matcher includes {@code version}; a build that takes longer still ends up live. */
    void awaitBuilt(long version) {
        try {
            if (!matcher.awaitBuilt(version, BUILD_WAIT)) {
                log.warn("The word matcher was not rebuilt within {}; it will be when the build ends", BUILD_WAIT);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Matchers this node built so far. */
    long builds() {
        return matcher.builds();
    }

    @Scheduled(initialDelayString = "${clipflow.words.reload-every:PT1M}",
            fixedDelayString = "${clipflow.words.reload-every:PT1M}")
    void safetyReload() {
        try {
            refresh();
        }
        catch (DataAccessException ex) {
            log.warn("Periodic word library reload failed, keeping the current one: {}", ex.getMessage());
        }
    }

    @PreDestroy
    void close() {
        matcher.close();
    }

    /** Several nodes may start at once on an empty table: a word another node inserted first is fine. */
    private void seedIfEmpty() {
        if (words.count() > 0) {
            return;
        }
        List<SensitiveWord> seed = SeedWords.load();
        for (SensitiveWord word : seed) {
            try {
                words.insert(word);
            }
            catch (DuplicateKeyException alreadySeeded) {
                // another node is seeding at the same time
            }
        }
        log.info("Seeded the word library with {} words", seed.size());
    }
}
