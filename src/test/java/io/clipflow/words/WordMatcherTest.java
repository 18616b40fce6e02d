package io.clipflow.words;

import static io.clipflow.words.SensitiveWord.block;
import static io.clipflow.words.SensitiveWord.review;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WordMatcherTest {

    private static WordMatcher matcherOf(SensitiveWord... words) {
        return new WordMatcher(List.of(words));
    }

    private static WordHit hit(String word, WordLevel level, int start, int end) {
        return new WordHit(word, level, start, end);
    }

    @Test
    void findsWordRegardlessOfCase() {
        WordMatcher matcher = matcherOf(block("bad"), review("Café"));

        assertThat(matcher.findAll("so BaD")).containsExactly(hit("bad", WordLevel.BLOCK, 3, 6));
        assertThat(matcher.findAll("CAFÉ")).containsExactly(hit("Café", WordLevel.REVIEW, 0, 4));
    }

    @Test
    void findsFullWidthForms() {
        WordMatcher matcher = matcherOf(block("bad"));

        assertThat(matcher.findAll("ＢＡＤ")).containsExactly(hit("bad", WordLevel.BLOCK, 0, 3));
    }

    @Test
    void findsTraditionalChineseForSimplifiedWordAndBackwards() {
        assertThat(matcherOf(block("赌博")).findAll("網上賭博")).containsExactly(hit("赌博", WordLevel.BLOCK, 2, 4));
        assertThat(matcherOf(block("賭博")).findAll("网上赌博")).containsExactly(hit("賭博", WordLevel.BLOCK, 2, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"b*a*d", "b a d", "b.a.d", "b-a-d", "b_a_d", "b - a - d", "B\u3000A\u3000D", "b😀a😀d"})
    void seesThroughFillerBetweenLetters(String text) {
        assertThat(matcherOf(block("bad")).findAll(text))
                .containsExactly(hit("bad", WordLevel.BLOCK, 0, text.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"赌 博", "赌*博", "赌.博", "赌，博", "賭 - 博"})
    void seesThroughFillerBetweenChineseCharacters(String text) {
        assertThat(matcherOf(block("赌博")).findAll(text))
                .containsExactly(hit("赌博", WordLevel.BLOCK, 0, text.length()));
    }

    @Test
    void mapsPositionsToTheOriginalText() {
        String text = "今天 看看 Ｂ*Ａ*Ｄ 和 賭 博!";
        List<WordHit> hits = matcherOf(block("bad"), review("赌博")).findAll(text);

        assertThat(hits).extracting(h -> text.substring(h.start(), h.end())).containsExactly("Ｂ*Ａ*Ｄ", "賭 博");
    }

    @Test
    void keepsLeadingAndTrailingFillerOutOfTheHit() {
        assertThat(matcherOf(block("bad")).findAll("** bad **")).containsExactly(hit("bad", WordLevel.BLOCK, 3, 6));
    }

    @Test
    void reportsOverlappingWords() {
        WordMatcher matcher = matcherOf(block("he"), block("she"), review("hers"));

        assertThat(matcher.findAll("ushers")).containsExactly(
                hit("she", WordLevel.BLOCK, 1, 4),
                hit("he", WordLevel.BLOCK, 2, 4),
                hit("hers", WordLevel.REVIEW, 2, 6));
    }

    @Test
    void reportsRepeatedOccurrences() {
        assertThat(matcherOf(block("赌博")).findAll("赌博赌博"))
                .extracting(WordHit::start).containsExactly(0, 2);
    }

    @Test
    void doesNotGlueNeighbouringEnglishWordsTogether() {
        WordMatcher matcher = matcherOf(block("sex"), block("pain"));

        assertThat(matcher.findAll("this is exciting")).isEmpty();
        assertThat(matcher.findAll("his exam went fine")).isEmpty();
        assertThat(matcher.findAll("a spa in Kyoto")).isEmpty();
    }

    @Test
    void stillFindsSpacedOutLettersStandingAlone() {
        WordMatcher matcher = matcherOf(block("sex"), review("hello"));

        assertThat(matcher.findAll("free s e x videos")).containsExactly(hit("sex", WordLevel.BLOCK, 5, 10));
        assertThat(matcher.findAll("he llo")).as("the accepted cost of seeing through spaces")
                .containsExactly(hit("hello", WordLevel.REVIEW, 0, 6));
    }

    @Test
    void matchesWordInsideLongerWordWhenWrittenTogether() {
        assertThat(matcherOf(block("porn")).findAll("freepornsite")).containsExactly(hit("porn", WordLevel.BLOCK, 4, 8));
    }

    @Test
    void breaksMatchOnALongFillerRun() {
        WordMatcher matcher = matcherOf(block("赌博"));

        assertThat(matcher.findAll("赌   博")).hasSize(1);
        assertThat(matcher.findAll("赌    博")).isEmpty();
        assertThat(matcher.findAll("赌\n\n\n\n博")).isEmpty();
    }

    @Test
    void matchesLibraryWordsThatContainFiller() {
        WordMatcher matcher = matcherOf(review("online betting"));

        assertThat(matcher.findAll("ONLINE-BETTING")).hasSize(1);
        assertThat(matcher.findAll("onlinebetting")).hasSize(1);
        assertThat(matcher.findAll("online betting")).containsExactly(hit("online betting", WordLevel.REVIEW, 0, 14));
    }

    @Test
    void emptyLibraryFindsNothing() {
        WordMatcher matcher = new WordMatcher(List.of());

        assertThat(matcher.size()).isZero();
        assertThat(matcher.findAll("赌博 bad")).isEmpty();
        assertThat(matcher.containsBlock("赌博 bad")).isFalse();
    }

    @Test
    void emptyTextHasNoHits() {
        assertThat(matcherOf(block("bad")).findAll("")).isEmpty();
        assertThat(matcherOf(block("bad")).findAll("  **  ")).isEmpty();
    }

    @Test
    void ignoresWordsThatAreOnlyFiller() {
        WordMatcher matcher = matcherOf(block("***"), block("bad"));

        assertThat(matcher.size()).isEqualTo(1);
        assertThat(matcher.findAll("a *** b")).isEmpty();
    }

    @Test
    void reportsTheLevelOfEachWord() {
        WordMatcher matcher = matcherOf(block("毒品"), review("套现"));

        assertThat(matcher.findAll("信用卡套现 毒品"))
                .extracting(WordHit::word, WordHit::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("套现", WordLevel.REVIEW),
                        org.assertj.core.groups.Tuple.tuple("毒品", WordLevel.BLOCK));
    }

    @Test
    void containsBlockIgnoresReviewWords() {
        WordMatcher matcher = matcherOf(block("毒品"), review("套现"));

        assertThat(matcher.containsBlock("信用卡套现")).isFalse();
        assertThat(matcher.containsBlock("信用卡套现，毒 品")).isTrue();
    }

    @Test
    void keepsTheStrictestLevelForWordsWithTheSameForm() {
        WordMatcher matcher = matcherOf(review("BAD"), block("ｂａｄ"), review("b-a-d"));

        assertThat(matcher.size()).isEqualTo(1);
        assertThat(matcher.findAll("bad")).containsExactly(hit("ｂａｄ", WordLevel.BLOCK, 0, 3));
    }
}
