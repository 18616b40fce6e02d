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
        StringBuilder word = new StringBuilder();
        for (int i = 1 + random.nextInt(maxLength); i > 0; i--) {
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return word.toString();
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
