package io.clipflow.words;

import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Schema;

/** One entry of the word library, as the library stores it (not normalised). */
@Schema(example = "{\"word\": \"casino\", \"level\": \"REVIEW\"}")
record SensitiveWord(String word, WordLevel level) {

    public SensitiveWord {
        Objects.requireNonNull(word, "word");
        Objects.requireNonNull(level, "level");
        if (word.isBlank()) {
            throw new IllegalArgumentException("a sensitive word must not be blank");
        }
    }

    public static SensitiveWord block(String word) {
        return new SensitiveWord(word, WordLevel.BLOCK);
    }

    public static SensitiveWord review(String word) {
        return new SensitiveWord(word, WordLevel.REVIEW);
    }
}
