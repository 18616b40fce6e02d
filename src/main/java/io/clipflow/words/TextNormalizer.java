package io.clipflow.words;

/**
 * Char-for-char normalisation shared by the word library and the screened text: Unicode
 * lower case, full-width forms to ASCII (U+FF01..U+FF5E, U+3000 to a space) and traditional
 * to simplified Chinese. Every char also gets a verdict on whether it is filler, that is neither
 * a letter nor a digit after folding (spaces, punctuation, symbols, emoji halves, combining marks).
 *
 * <p>All of it is precomputed into one table over the 65,536 chars, so folding a char while
 * matching is a single array read; the table is built once per JVM.
 */
final class TextNormalizer {

    private static final TextNormalizer SHARED = new TextNormalizer();

    /** Folded char per char; filler chars fold to their own value. */
    private final char[] fold = new char[Character.MAX_VALUE + 1];
    /** Folded char per char, with 0 standing for filler: what the matcher walks on. */
    private final char[] matchTable = new char[Character.MAX_VALUE + 1];

    private TextNormalizer() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            fold[c] = foldOne((char) c);
        }
        TraditionalToSimplified.applyTo(fold);
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char folded = settle(fold[c]);
            fold[c] = folded;
            matchTable[c] = Character.isLetterOrDigit(folded) ? folded : 0;
        }
    }

    public static TextNormalizer shared() {
        return SHARED;
    }

    /** The folded form of one char (case, width and Chinese script folded; filler kept). */
    public char fold(char c) {
        return fold[c];
    }

    /** True for chars the matcher skips between the letters of a word. */
    public boolean isFiller(char c) {
        return matchTable[c] == 0;
    }

    /** The text with every char folded; same length, so offsets are unchanged. */
    public String fold(CharSequence text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold[text.charAt(i)];
        }
        return new String(out);
    }

    /** The folded text without filler: the form library words are matched in. */
    public String normalize(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = matchTable[text.charAt(i)];
            if (c != 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Whether a char belongs to a space-separated word, as Latin, Cyrillic or Greek letters and
     * digits do; Chinese and Japanese characters do not, since those scripts have no spaces.
     */
    boolean isWordChar(char c) {
        char folded = matchTable[c];
        if (folded == 0) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(folded);
        return script != Character.UnicodeScript.HAN
                && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA;
    }

    /** The internal table (0 = filler). Shared, never to be written to. */
    char[] matchTable() {
        return matchTable;
    }

    /** Follows mapping chains (a few OpenCC entries map to a char that maps on again). */
    private char settle(char c) {
        for (int step = 0; step < 4 && fold[c] != c; step++) {
            c = fold[c];
        }
        return c;
    }

    private static char foldOne(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0);
        } else if (c == '\u3000') {
            return ' ';
        }
        return Character.toLowerCase(c);
    }
}
