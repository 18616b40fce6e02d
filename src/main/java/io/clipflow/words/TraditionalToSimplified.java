package io.clipflow.words;

import com.github.houbb.opencc4j.support.data.impl.OpenccDatas;
import java.util.List;
import java.util.Map;

/**
 * Single-character traditional to simplified Chinese mapping, taken once from OpenCC's
 * character dictionary. Phrase-level conversion is deliberately not used: matching needs a
 * char-for-char mapping so that offsets in the original text stay valid, and it must be one
 * array lookup per char on the hot path.
 */
final class TraditionalToSimplified {

    private TraditionalToSimplified() {
    }

    /** Rewrites {@code table[c]} to its simplified form for every single-char traditional entry. */
    static void applyTo(char[] table) {
        Map<String, List<String>> dictionary = OpenccDatas.tsChar().data().getDataMap();
        for (Map.Entry<String, List<String>> entry : dictionary.entrySet()) {
            String traditional = entry.getKey();
            List<String> candidates = entry.getValue();
            if (traditional.length() != 1 || candidates == null || candidates.isEmpty()) {
                continue;
            }
            String simplified = candidates.get(0);
            if (simplified.length() == 1) {
                table[traditional.charAt(0)] = simplified.charAt(0);
            }
        }
    }
}
