package io.clipflow.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedWordsTest {

    @Test
    void loadsASmallMixedLibrary() {
        List<SensitiveWord> seed = SeedWords.load();

        assertThat(seed).hasSizeBetween(30, 80);
        assertThat(seed).contains(SensitiveWord.block("赌博"), SensitiveWord.block("代开发票"),
                SensitiveWord.review("casino"), SensitiveWord.block("cocaine"));
        assertThat(seed).extracting(SensitiveWord::level).contains(WordLevel.BLOCK, WordLevel.REVIEW);
    }

    @Test
    void holdsEachWordOnceAfterNormalisation() {
        List<SensitiveWord> seed = SeedWords.load();

        assertThat(new WordMatcher(seed).size()).isEqualTo(seed.size());
    }

    @Test
    void skipsCommentsAndBlankLines() {
        List<SensitiveWord> words = SeedWords.parse(List.of("# gambling", "", "赌博\tBLOCK", "  ", "casino\tREVIEW"));

        assertThat(words).containsExactly(SensitiveWord.block("赌博"), SensitiveWord.review("casino"));
    }

    @Test
    void rejectsALineWithoutLevel() {
        assertThatThrownBy(() -> SeedWords.parse(List.of("# ok", "赌博")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void rejectsAnUnknownLevel() {
        assertThatThrownBy(() -> SeedWords.parse(List.of("赌博\tMAYBE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void seedLibraryLeavesOrdinaryTitlesAlone() {
        WordMatcher matcher = new WordMatcher(SeedWords.load());

        assertThat(matcher.findAll("今天教大家做红烧肉，超级简单！#美食 #家常菜")).isEmpty();
        assertThat(matcher.findAll("Weekend vlog: hiking the coast, then a class on method acting")).isEmpty();
        assertThat(matcher.findAll("大麻烦来了：猫咪把博物馆的模型打翻了")).isEmpty();
    }

    @Test
    void seedLibraryCatchesDisguisedWords() {
        WordMatcher matcher = new WordMatcher(SeedWords.load());

        assertThat(matcher.findAll("線上賭博，穩賺不賠")).extracting(WordHit::word).containsExactly("赌博");
        assertThat(matcher.findAll("免费 Ｐ*Ｏ*Ｒ*Ｎ 资源")).extracting(WordHit::word).containsExactly("porn");
        assertThat(matcher.containsBlock("专业代 开 发 票")).isTrue();
    }
}
