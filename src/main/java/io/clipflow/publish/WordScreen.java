package io.clipflow.publish;

import java.util.List;
import java.util.stream.Collectors;

import io.clipflow.words.WordHit;
import io.clipflow.words.WordLevel;

/**
 * What the word screen decides for a video's text: any BLOCK word rejects it outright; REVIEW words go to
 * the auditor as "flagged". Each list names every word once, in the order found.
 */
record WordScreen(List<String> blockedWords, List<String> flaggedWords) {

    static WordScreen of(List<WordHit> hits) {
        return new WordScreen(words(hits, WordLevel.BLOCK), words(hits, WordLevel.REVIEW));
    }

    static String textOf(String title, String description) {
        // a line break between them: filler is skipped only in short runs, so no word spans the two fields
        return (title == null ? "" : title) + "\n\n\n\n" + (description == null ? "" : description);
    }

    boolean blocked() {
        return !blockedWords.isEmpty();
    }

    String blockedText() {
        return String.join(", ", blockedWords);
    }

    /** Null when nothing was flagged, so the column and the form stay empty. */
    String flaggedText() {
        return flaggedWords.isEmpty() ? null : String.join(", ", flaggedWords);
    }

    private static List<String> words(List<WordHit> hits, WordLevel level) {
        return hits.stream().filter(h -> h.level() == level).map(WordHit::word).distinct()
                .collect(Collectors.toList());
    }
}
