package io.clipflow.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;

import io.clipflow.words.WordImportParser.Format;
import io.clipflow.words.WordImportParser.Line;
import io.clipflow.words.WordImportParser.Parsed;
import org.junit.jupiter.api.Test;

class WordImportParserTest {

    private static Parsed parse(Format format, String body) throws Exception {
        return new WordImportParser(format, 10).parse(new StringReader(body));
    }

    @Test
    void readsTextLinesLikeTheSeedList() throws Exception {
        Parsed parsed = parse(Format.TEXT, "# national list\r\n赌博\tBLOCK\r\n\n  casino \treview\nbad\tBLOCK");

        assertThat(parsed.words()).containsExactly(SensitiveWord.block("赌博"), SensitiveWord.review("casino"),
                SensitiveWord.block("bad"));
        assertThat(parsed.lineOf()).containsExactly(2, 4, 5);
        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.duplicates()).isEmpty();
    }

    @Test
    void readsCsvWithAnOptionalHeaderAndQuotedFields() throws Exception {
        Parsed parsed = parse(Format.CSV, "Word,Level\n\"a, b\",BLOCK\n\"say \"\"x\"\"\",review\nplain,BLOCK\n");

        assertThat(parsed.words()).containsExactly(SensitiveWord.block("a, b"), SensitiveWord.review("say \"x\""),
                SensitiveWord.block("plain"));
        assertThat(parse(Format.CSV, "plain,BLOCK").words()).containsExactly(SensitiveWord.block("plain"));
    }

    @Test
    void reportsEveryBadLineWithItsNumberAndWhy() throws Exception {
        String longWord = "x".repeat(101);
        Parsed parsed = parse(Format.TEXT, String.join("\n", "ok\tBLOCK", "no level", "bad\tSEVERE", "\tBLOCK",
                longWord + "\tBLOCK", "***\tBLOCK", "a\tb\tBLOCK", "y".repeat(1_500) + "\tBLOCK"));

        assertThat(parsed.words()).containsExactly(SensitiveWord.block("ok"));
        assertThat(parsed.rejected()).extracting(Line::number, Line::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "expected word<TAB>LEVEL"),
                org.assertj.core.groups.Tuple.tuple(3, "level must be BLOCK or REVIEW"),
                org.assertj.core.groups.Tuple.tuple(4, "empty word"),
                org.assertj.core.groups.Tuple.tuple(5, "word longer than 100 chars"),
                org.assertj.core.groups.Tuple.tuple(6, "no letter or digit: the word could never match"),
                org.assertj.core.groups.Tuple.tuple(7, "expected word<TAB>LEVEL"),
                org.assertj.core.groups.Tuple.tuple(8, "line longer than 1000 chars"));
        assertThat(parsed.rejected().get(7 - 1).text()).hasSize(81).endsWith("…");
        assertThat(parse(Format.CSV, "\"open,BLOCK\n\"x\"y,BLOCK").rejected()).extracting(Line::reason)
                .containsExactly("unbalanced quotes", "unbalanced quotes");
    }

    @Test
    void aRepeatedWordIsADuplicateOfItsFirstLine() throws Exception {
        Parsed parsed = parse(Format.TEXT, "bad\tBLOCK\nother\tREVIEW\n bad \tREVIEW\n");

        assertThat(parsed.words()).containsExactly(SensitiveWord.block("bad"), SensitiveWord.review("other"));
        assertThat(parsed.duplicates()).containsExactly(new Line(3, "repeats line 1", "bad"));
    }

    @Test
    void stopsPastTheMostWordsAnImportMayHold() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            body.append("w").append(i).append("\tBLOCK\n");
        }
        assertThat(parse(Format.TEXT, body.toString()).words()).hasSize(10);

        body.append("w10\tBLOCK\n");
        assertThatThrownBy(() -> parse(Format.TEXT, body.toString()))
                .isInstanceOf(WordImportParser.TooLarge.class).hasMessageContaining("more than 10 words");
    }

    @Test
    void csvFieldsSplitOnCommasOutsideQuotes() {
        assertThat(CsvLine.fields("a,b")).containsExactly("a", "b");
        assertThat(CsvLine.fields("\"a,b\",c")).containsExactly("a,b", "c");
        assertThat(CsvLine.fields("a,")).containsExactly("a", "");
        assertThat(CsvLine.fields("")).containsExactly("");
        assertThat(CsvLine.fields("\"a\"b,c")).isNull();
        assertThat(List.of(CsvLine.fields("\"\"\"\",x"))).containsExactly("\"", "x");
    }
}
