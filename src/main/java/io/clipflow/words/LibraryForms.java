package io.clipflow.words;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;

/**
 * A library's words by their normalised form, in ascending form order, one entry per form: what an
 * {@link Automaton} is built from. Words that normalise to the same form are one entry: the strictest (BLOCK
 * over REVIEW), and of those the first in {@link String} order, so the entry does not depend on the order the
 * library came in. Words that are nothing but filler are left out.
 *
 * <p>Sorting 200,000 strings by comparing them is most of a build's time: each comparison follows two
 * pointers into memory the cache does not hold. So the words are first sorted as primitive longs holding
 * their first two chars and their position, which settles most of the order, and only runs sharing those two
 * chars are then sorted by comparing forms.
 */
final class LibraryForms {

    private static final Comparator<SensitiveWord> PREFERRED =
            Comparator.comparing(SensitiveWord::level).thenComparing(SensitiveWord::word);

    final String[] forms;
    final SensitiveWord[] words;

    LibraryForms(Collection<SensitiveWord> library, TextNormalizer normalizer) {
        String[] form = new String[library.size()];
        SensitiveWord[] word = new SensitiveWord[library.size()];
        long[] keys = new long[library.size()];
        int count = 0;
        for (SensitiveWord entry : library) {
            String normalised = normalizer.normalize(entry.word());
            if (!normalised.isEmpty()) {
                form[count] = normalised;
                word[count] = entry;
                // the sign bit flipped: a signed sort of the keys is then an unsigned sort of the chars
                keys[count] = (prefix(normalised) << Integer.SIZE | count) ^ Long.MIN_VALUE;
                count++;
            }
        }
        Arrays.sort(keys, 0, count);
        Integer[] run = new Integer[0];
        String[] sortedForms = new String[count];
        SensitiveWord[] sortedWords = new SensitiveWord[count];
        int distinct = 0;
        for (int lo = 0; lo < count; ) {
            int hi = lo + 1;
            while (hi < count && keys[hi] >>> Integer.SIZE == keys[lo] >>> Integer.SIZE) {
                hi++;
            }
            if (run.length < hi - lo) {
                run = new Integer[Math.max(hi - lo, run.length * 2)];
            }
            for (int i = lo; i < hi; i++) {
                run[i - lo] = (int) keys[i];
            }
            if (hi - lo > 1) {
                Arrays.sort(run, 0, hi - lo, Comparator.comparing((Integer i) -> form[i]));
            }
            for (int r = 0; r < hi - lo; r++) {
                int i = run[r];
                if (distinct > 0 && sortedForms[distinct - 1].equals(form[i])) {
                    if (PREFERRED.compare(word[i], sortedWords[distinct - 1]) < 0) {
                        sortedWords[distinct - 1] = word[i];
                    }
                    continue;
                }
                sortedForms[distinct] = form[i];
                sortedWords[distinct++] = word[i];
            }
            lo = hi;
        }
        forms = Arrays.copyOf(sortedForms, distinct);
        words = Arrays.copyOf(sortedWords, distinct);
    }

    /** The first two chars as a 32-bit key; a one-char form sorts before its longer neighbours. */
    private static long prefix(String form) {
        return (long) form.charAt(0) << Character.SIZE | (form.length() > 1 ? form.charAt(1) : 0);
    }
}
