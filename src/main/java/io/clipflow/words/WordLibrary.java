package io.clipflow.words;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The word library as this node applies it: one immutable {@link WordMatcher} swapped as a whole when the
 * library changes, so a screen never sees half a change. Changes arrive through {@link WordLibraryChanges}
 * (at once, via Redis) and, should a message be lost, through a periodic reload from the table.
 */
@Component
public class WordLibrary {

    private static final Logger log = LoggerFactory.getLogger(WordLibrary.class);

    private final SensitiveWordRepository words;
    private final AtomicReference<WordMatcher> matcher = new AtomicReference<>(new WordMatcher(List.of()));
    /** What the current matcher was built from, so a reload that finds the same library builds nothing. */
    private volatile List<SensitiveWord> loaded = List.of();

    WordLibrary(SensitiveWordRepository words) {
        this.words = words;
        seedIfEmpty();
        reload();
    }

    /** Every library word in {@code text}, with positions in the original text and levels. */
    public List<WordHit> findAll(CharSequence text) {
        return matcher.get().findAll(text);
    }

    /** Reads the table again and swaps the matcher; the old one keeps serving until then. */
    public synchronized void reload() {
        List<SensitiveWord> library = words.findAll();
        if (library.equals(loaded)) {
            return;
        }
        matcher.set(new WordMatcher(library));
        loaded = library;
        log.debug("Word library loaded: {} words", library.size());
    }

    @Scheduled(initialDelayString = "${clipflow.words.reload-every:PT1M}",
            fixedDelayString = "${clipflow.words.reload-every:PT1M}")
    void safetyReload() {
        try {
            reload();
        }
        catch (DataAccessException ex) {
            log.warn("Periodic word library reload failed, keeping the current one: {}", ex.getMessage());
        }
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
