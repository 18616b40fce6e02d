package io.clipflow.words;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Finds library words in a text in one pass, after {@link TextNormalizer} folding, seeing
 * through filler between the letters of a word ({@code b*a*d}, {@code 赌 博}).
 *
 * <p>Immutable and thread-safe: when the library changes, build a new matcher and swap the
 * reference. Library words that normalise to the same form are one entry; BLOCK wins over REVIEW.
 * Words that are nothing but filler are ignored. All hits are reported, overlapping ones too,
 * ordered by end offset and, for the same end, longest first.
 *
 * <p>Filler policy, and why. Filler is skipped only after the first char of a match, and a run
 * of more than {@value #MAX_FILLER_RUN} filler chars breaks a match: spaced-out letters are an
 * evasion, a paragraph break is not. Skipping spaces also joins neighbouring words ("is ex..."
 * reads as "isex..."), which would flag harmless English. So a hit that spans filler must also
 * stand alone at each edge where it starts or ends with a Latin-like letter: "b a d" and
 * "he llo" still match, a word glued together from the tail of one word and the head of the next
 * does not. Chinese has no word edges to test, so characters either side of a comma or an
 * emoji can still form a word; the run limit keeps that local, and it is the price of catching
 * "赌，博". Hits without filler are plain substring hits, as in any Aho-Corasick matcher.
 */
final class WordMatcher {

    static final int MAX_FILLER_RUN = 3;

    private final TextNormalizer normalizer = TextNormalizer.shared();
    private final Automaton automaton;
    private final SensitiveWord[] words;
    private final int[] wordLength;

    public WordMatcher(Collection<SensitiveWord> library) {
        LibraryForms sorted = new LibraryForms(library, normalizer);
        this.automaton = new Automaton(sorted.forms, normalizer.matchTable());
        this.words = sorted.words;
        this.wordLength = Arrays.stream(sorted.forms).mapToInt(String::length).toArray();
    }

    /** Number of distinct normalised words. */
    public int size() {
        return words.length;
    }

    public List<WordHit> findAll(CharSequence text) {
        List<WordHit> hits = new ArrayList<>(4);
        scan(text, (word, start, end) -> {
            hits.add(new WordHit(word.word(), word.level(), start, end));
            return false;
        });
        return hits;
    }

    /** True as soon as a BLOCK word is found; cheaper than {@link #findAll} for a yes/no gate. */
    public boolean containsBlock(CharSequence text) {
        return scan(text, (word, start, end) -> word.level() == WordLevel.BLOCK);
    }

    /** Walks the text once; returns true if the sink asked to stop. */
    private boolean scan(CharSequence text, HitSink sink) {
        if (words.length == 0) {
            return false;
        }
        final char[] codes = automaton.codes;
        final int[] base = automaton.base;
        final int[] check = automaton.check;
        final int[] fail = automaton.fail;
        final int[] outHead = automaton.outHead;
        int state = 0;
        int fillerRun = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int code = codes[text.charAt(i)];
            if (code == Automaton.FILLER) {
                if (++fillerRun > MAX_FILLER_RUN) {
                    state = 0;
                }
                continue;
            }
            fillerRun = 0;
            if (code == Automaton.FOREIGN) {
                state = 0;
                continue;
            }
            while (true) {
                int target = base[state] + code;
                if (check[target] == state) {
                    state = target;
                    break;
                }
                if (state == 0) {
                    break;
                }
                state = fail[state];
            }
            if (outHead[state] != 0 && emit(text, i + 1, outHead[state], sink)) {
                return true;
            }
        }
        return false;
    }

    /** Reports the words ending at {@code end}; hits are rare, so their start is found by walking back. */
    private boolean emit(CharSequence text, int end, int out, HitSink sink) {
        for (; out != 0; out = automaton.dictLink[out]) {
            int id = automaton.wordAt[out];
            int start = end;
            for (int letters = wordLength[id]; letters > 0; ) {
                if (!normalizer.isFiller(text.charAt(--start))) {
                    letters--;
                }
            }
            boolean spansFiller = end - start != wordLength[id];
            if ((!spansFiller || standsAlone(text, start, end)) && sink.accept(words[id], start, end)) {
                return true;
            }
        }
        return false;
    }

    private boolean standsAlone(CharSequence text, int start, int end) {
        boolean gluedBefore = start > 0
                && normalizer.isWordChar(text.charAt(start)) && normalizer.isWordChar(text.charAt(start - 1));
        boolean gluedAfter = end < text.length()
                && normalizer.isWordChar(text.charAt(end - 1)) && normalizer.isWordChar(text.charAt(end));
        return !gluedBefore && !gluedAfter;
    }

    private record Entry(String form, SensitiveWord word) {
    }

    @FunctionalInterface
    private interface HitSink {
        boolean accept(SensitiveWord word, int start, int end);
    }
}
