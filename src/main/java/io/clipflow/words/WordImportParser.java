package io.clipflow.words;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an import body line by line: {@code word<TAB>LEVEL} (text, as in the seed list; blank lines and
 * {@code #} comments skipped) or {@code word,level} (CSV: a {@code word,level} header is optional, a field may be
 * quoted with {@code ""} for a quote inside). A line is rejected with its number and why; a word seen on an
 * earlier line is a duplicate. It never holds more than one line beyond what it keeps (a line longer than
 * {@value #MAX_LINE} chars is rejected unread), and stops past {@code maxWords} words, so a huge body cannot
 * exhaust memory.
 */
final class WordImportParser {

    static final int MAX_WORD = 100;
    static final int MAX_LINE = 1_000;

    enum Format { TEXT, CSV }

    record Line(int number, String reason, String text) {
    }

    record Parsed(List<SensitiveWord> words, List<Integer> lineOf, List<Line> duplicates, List<Line> rejected) {
    }

    static final class TooLarge extends Exception {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    private final Format format;
    private final int maxWords;
    private final TextNormalizer normalizer = TextNormalizer.shared();
    private boolean overlong;

    WordImportParser(Format format, int maxWords) {
        this.format = format;
        this.maxWords = maxWords;
    }

    Parsed parse(Reader body) throws IOException, TooLarge {
        List<SensitiveWord> words = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        List<Line> duplicates = new ArrayList<>();
        List<Line> rejected = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        StringBuilder line = new StringBuilder();
        int number = 0;
        for (boolean more = true; more; ) {
            more = readLine(body, line);
            number++;
            String text = line.toString().strip();
            if (overlong) {
                rejected.add(new Line(number, "line longer than " + MAX_LINE + " chars", excerpt(text)));
                continue;
            }
            if (text.isEmpty() || format == Format.TEXT && text.startsWith("#") || isCsvHeader(number, text)) {
                continue;
            }
            String[] fields = format == Format.TEXT ? line.toString().split("\t", -1) : CsvLine.fields(line);
            String problem = problem(fields);
            if (problem != null) {
                rejected.add(new Line(number, problem, excerpt(text)));
                continue;
            }
            SensitiveWord word = new SensitiveWord(fields[0].strip(),
                    WordLevel.valueOf(fields[1].strip().toUpperCase(Locale.ROOT)));
            Integer earlier = firstLine.putIfAbsent(word.word(), number);
            if (earlier != null) {
                duplicates.add(new Line(number, "repeats line " + earlier, word.word()));
                continue;
            }
            if (words.size() == maxWords) {
                throw new TooLarge("more than " + maxWords + " words (line " + number + ")");
            }
            words.add(word);
            lineOf.add(number);
        }
        return new Parsed(words, lineOf, duplicates, rejected);
    }

    private boolean isCsvHeader(int number, String text) {
        return format == Format.CSV && number == 1 && text.replace("\"", "").strip().equalsIgnoreCase("word,level");
    }

    /** Why a line's fields are no library word, or null. */
    private String problem(String[] fields) {
        if (fields == null) {
            return "unbalanced quotes";
        }
        if (fields.length != 2) {
            return format == Format.TEXT ? "expected word<TAB>LEVEL" : "expected word,level";
        }
        String word = fields[0].strip();
        String level = fields[1].strip().toUpperCase(Locale.ROOT);
        if (word.isEmpty()) {
            return "empty word";
        }
        if (word.length() > MAX_WORD) {
            return "word longer than " + MAX_WORD + " chars";
        }
        if (normalizer.normalize(word).isEmpty()) {
            return "no letter or digit: the word could never match";
        }
        if (!level.equals(WordLevel.BLOCK.name()) && !level.equals(WordLevel.REVIEW.name())) {
            return "level must be BLOCK or REVIEW";
        }
        return null;
    }

    /** Reads up to a line break into {@code line} (its first chars if it is too long); false at the end. */
    private boolean readLine(Reader body, StringBuilder line) throws IOException {
        line.setLength(0);
        overlong = false;
        for (int c = body.read(); c != -1; c = body.read()) {
            if (c == '\n') {
                stripCarriageReturn(line);
                return true;
            }
            if (line.length() < MAX_LINE) {
                line.append((char) c);
            }
            else {
                overlong = true;
            }
        }
        stripCarriageReturn(line);
        return false;
    }

    private static void stripCarriageReturn(StringBuilder line) {
        if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
    }

    private static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
