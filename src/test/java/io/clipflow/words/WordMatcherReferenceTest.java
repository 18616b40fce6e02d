package io.clipflow.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the automaton against a brute-force search on texts without filler. */
class WordMatcherReferenceTest {

    private static final String LETTERS = "abcde赌博毒品枪";

    private static String randomWord(Random random, int maxLength) {
        return randomWord(random, maxLength, LETTERS);
    }

    private static String randomWord(Random random, int maxLength, String letters) {
        StringBuilder word = new StringBuilder();
        for (int i = 1 + random.nextInt(maxLength); i > 0; i--) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }

    /** Simplified Chinese characters from U+4E00 on, past U+8000 (a sign bit in 16 bits), and a-z. */
    private static String wideAlphabet(int size) {
        TextNormalizer normalizer = TextNormalizer.shared();
        StringBuilder letters = new StringBuilder("abcdefghijklmnopqrstuvwxyz");
        for (char c = '\u4E00'; letters.length() < size; c += 3) {
            if (normalizer.normalize(String.valueOf(c)).equals(String.valueOf(c))) {
                letters.append(c);
            }
        }
        return letters.toString();
    }

    private static List<WordHit> bruteForce(List<SensitiveWord> library, String text) {
        List<WordHit> hits = new ArrayList<>();
        for (SensitiveWord word : library) {
            for (int i = text.indexOf(word.word()); i >= 0; i = text.indexOf(word.word(), i + 1)) {
                hits.add(new WordHit(word.word(), word.level(), i, i + word.word().length()));
            }
        }
        hits.sort(Comparator.comparingInt(WordHit::end).thenComparing(Comparator.comparingInt(WordHit::start)));
        return hits;
    }

    /**
     * A large library over thousands of distinct chars: the double array's children are spread wide and its
     * placement takes its shortcuts (dense stretches skipped, states placed past the end).
     */
    @Test
    void findsExactlyWhatABruteForceSearchFindsInALargeLibraryOverAWideAlphabet() {
        Random random = new Random(11);
        String letters = wideAlphabet(3000);
        Set<String> distinct = new LinkedHashSet<>();
        while (distinct.size() < 30_000) {
            distinct.add(randomWord(random, 5, letters));
        }
        List<SensitiveWord> library = distinct.stream().map(SensitiveWord::block).toList();
        WordMatcher matcher = new WordMatcher(library);
        assertThat(matcher.size()).isEqualTo(30_000);
        List<String> words = List.copyOf(distinct);
        for (int t = 0; t < 40; t++) {
            StringBuilder text = new StringBuilder(randomWord(random, 100, letters));
            for (int planted = 0; planted < 5; planted++) {
                text.insert(random.nextInt(text.length() + 1), words.get(random.nextInt(words.size())));
            }
            List<WordHit> expected = bruteForce(library, text.toString());

            assertThat(matcher.findAll(text)).as("text %s", text).isEqualTo(expected).hasSizeGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void findsExactlyWhatABruteForceSearchFinds() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            Set<String> distinct = new LinkedHashSet<>();
            for (int i = 0, size = 1 + random.nextInt(300); i < size; i++) {
                distinct.add(randomWord(random, 6));
            }
            List<SensitiveWord> library = distinct.stream()
                    .map(w -> new SensitiveWord(w, w.length() % 2 == 0 ? WordLevel.BLOCK : WordLevel.REVIEW))
                    .toList();
            WordMatcher matcher = new WordMatcher(library);
            for (int t = 0; t < 20; t++) {
                String text = randomWord(random, 200) + "xyz" + randomWord(random, 50);

                assertThat(matcher.findAll(text)).as("round %d text %s", round, text)
                        .isEqualTo(bruteForce(library, text));
            }
        }
    }
}
