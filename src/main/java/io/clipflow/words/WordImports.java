package io.clipflow.words;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.clipflow.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * A bulk import into the word library: all or nothing. A body with any rejected line imports nothing; otherwise
 * every new word is inserted in ONE transaction on {@code ds_0}, where the table lives, and words already in the
 * library (or repeated in the body) are reported and left as they are. The engine is not written, so there is
 * no second commit for a redo log to finish: the shard's commit alone decides, and a node that dies before it
 * leaves nothing and has answered nothing. Then this node reloads and the others are told to.
 */
@Component
class WordImports {

    private static final Logger log = LoggerFactory.getLogger(WordImports.class);

    static final int MAX_WORDS = 200_000;
    /** Lines listed per kind in a report; the counts are always whole. */
    static final int LISTED = 100;

    @Schema(example = "{\"imported\": 199991, \"duplicates\": 1, \"rejected\": 0, \"duplicateLines\": "
            + "[{\"number\": 7, \"reason\": \"repeats line 3\", \"text\": \"casino\"}], \"rejectedLines\": []}")
    record ImportReport(int imported, int duplicates, int rejected, List<WordImportParser.Line> duplicateLines,
            List<WordImportParser.Line> rejectedLines) {
    }

    private final SensitiveWordRepository words;
    private final TransactionTemplate transaction;
    private final WordLibrary library;
    private final WordLibraryChanges changes;

    WordImports(SensitiveWordRepository words, PlatformTransactionManager transactions, WordLibrary library,
            WordLibraryChanges changes) {
        this.words = words;
        this.transaction = new TransactionTemplate(transactions);
        this.library = library;
        this.changes = changes;
    }

    ImportReport importWords(Reader body, WordImportParser.Format format) throws IOException {
        long started = System.nanoTime();
        WordImportParser.Parsed parsed;
        try {
            parsed = new WordImportParser(format, MAX_WORDS).parse(body);
        }
        catch (WordImportParser.TooLarge ex) {
            throw Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "IMPORT_TOO_LARGE",
                    "An import holds at most " + MAX_WORDS + " words: " + ex.getMessage() + "; nothing was imported");
        }
        if (!parsed.rejected().isEmpty()) {
            throw rejected(parsed);
        }
        long parsedAt = System.nanoTime();
        List<WordImportParser.Line> duplicates = new ArrayList<>(parsed.duplicates());
        List<SensitiveWord> fresh = new ArrayList<>(parsed.words().size());
        try {
            transaction.executeWithoutResult(status -> {
                Map<String, WordLevel> existing = words.levels();
                for (int i = 0; i < parsed.words().size(); i++) {
                    SensitiveWord word = parsed.words().get(i);
                    WordLevel level = existing.get(word.word());
                    if (level == null) {
                        fresh.add(word);
                    }
                    else {
                        duplicates.add(new WordImportParser.Line(parsed.lineOf().get(i),
                                "in the library already, as " + level, word.word()));
                    }
                }
                words.insertAll(fresh);
            });
        }
        catch (DuplicateKeyException ex) {
            throw Problems.conflict("IMPORT_CONFLICT",
                    "A word of this import was added by someone else meanwhile; nothing was imported, please retry");
        }
        long writtenAt = System.nanoTime();
        if (!fresh.isEmpty()) {
            library.reload();
            changes.announceAll();
        }
        log.info("Imported {} words ({} duplicates) in {} ms: read {} ms, written {} ms, applied {} ms", fresh.size(),
                duplicates.size(), millis(started, System.nanoTime()), millis(started, parsedAt),
                millis(parsedAt, writtenAt), millis(writtenAt, System.nanoTime()));
        duplicates.sort(Comparator.comparingInt(WordImportParser.Line::number));
        return new ImportReport(fresh.size(), duplicates.size(), 0, listed(duplicates), List.of());
    }

    private static ErrorResponseException rejected(WordImportParser.Parsed parsed) {
        ErrorResponseException problem = Problems.unprocessable("IMPORT_REJECTED", parsed.rejected().size()
                + " line(s) are no library word; nothing was imported (first at line "
                + parsed.rejected().get(0).number() + ": " + parsed.rejected().get(0).reason() + ")");
        problem.getBody().setProperty("rejected", parsed.rejected().size());
        problem.getBody().setProperty("rejectedLines", listed(parsed.rejected()));
        problem.getBody().setProperty("duplicates", parsed.duplicates().size());
        return problem;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static List<WordImportParser.Line> listed(List<WordImportParser.Line> lines) {
        return List.copyOf(lines.subList(0, Math.min(LISTED, lines.size())));
    }
}
