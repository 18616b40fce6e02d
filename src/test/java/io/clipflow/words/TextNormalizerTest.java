package io.clipflow.words;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = TextNormalizer.shared();

    @Test
    void lowerCasesAsciiAndOtherScripts() {
        assertThat(normalizer.fold("BaD")).isEqualTo("bad");
        assertThat(normalizer.fold("ÄÖÜ ΣΑΣ ПРИВЕТ")).isEqualTo("äöü σασ привет");
    }

    @Test
    void foldsFullWidthFormsToAscii() {
        assertThat(normalizer.fold("ＢＡＤ！１２３")).isEqualTo("bad!123");
        assertThat(normalizer.fold("a\u3000b")).isEqualTo("a b");
    }

    @Test
    void foldsTraditionalChineseToSimplified() {
        assertThat(normalizer.fold("賭博 槍支 發票 裸聊")).isEqualTo("赌博 枪支 发票 裸聊");
    }

    @Test
    void keepsSimplifiedChineseAsItIs() {
        assertThat(normalizer.fold("今天带大家做一道家常菜")).isEqualTo("今天带大家做一道家常菜");
    }

    @Test
    void foldingTwiceChangesNothing() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char once = normalizer.fold((char) c);
            assertThat(normalizer.fold(once)).as("U+%04X", c).isEqualTo(once);
        }
    }

    @Test
    void keepsLengthSoOffsetsStayValid() {
        String text = "Ｂ*Ａ 賭博 😀";
        assertThat(normalizer.fold(text)).hasSameSizeAs(text);
    }

    @Test
    void treatsPunctuationSpacesAndSymbolsAsFiller() {
        for (char c : " \t\n*.-_,!?#@~/\\|，。、！★\u3000\u200B".toCharArray()) {
            assertThat(normalizer.isFiller(c)).as("U+%04X", (int) c).isTrue();
        }
    }

    @Test
    void treatsEmojiHalvesAndCombiningMarksAsFiller() {
        String emoji = "😀";
        assertThat(normalizer.isFiller(emoji.charAt(0))).isTrue();
        assertThat(normalizer.isFiller(emoji.charAt(1))).isTrue();
        assertThat(normalizer.isFiller('\u0301')).isTrue();
    }

    @Test
    void treatsLettersDigitsAndChineseAsContent() {
        for (char c : "aZ09é赌博Ｂ５".toCharArray()) {
            assertThat(normalizer.isFiller(c)).as("%s", c).isFalse();
        }
    }

    @Test
    void normalizeFoldsAndDropsFiller() {
        assertThat(normalizer.normalize("Online-Betting")).isEqualTo("onlinebetting");
        assertThat(normalizer.normalize("賭 * 博")).isEqualTo("赌博");
        assertThat(normalizer.normalize("***")).isEmpty();
    }

    @Test
    void knowsWhichScriptsSeparateWordsWithSpaces() {
        assertThat(normalizer.isWordChar('a')).isTrue();
        assertThat(normalizer.isWordChar('Ｚ')).isTrue();
        assertThat(normalizer.isWordChar('7')).isTrue();
        assertThat(normalizer.isWordChar('赌')).isFalse();
        assertThat(normalizer.isWordChar(' ')).isFalse();
    }
}
