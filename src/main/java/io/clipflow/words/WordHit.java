package io.clipflow.words;

/**
 * A library word found in a text. {@code start} and {@code end} (exclusive) are offsets in the
 * original text, so {@code text.subSequence(start, end)} is what the author wrote, filler included.
 */
public record WordHit(String word, WordLevel level, int start, int end) {

    public boolean isBlock() {
        return level == WordLevel.BLOCK;
    }
}
