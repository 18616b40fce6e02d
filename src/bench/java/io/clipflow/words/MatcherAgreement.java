package io.clipflow.words;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The benchmark's guard: a faster matcher that finds less would prove nothing. Per document,
 * clipflow must find every word hankcs finds in the folded text, and every word houbb finds
 * (houbb's matched text normalised back to a library form).
 */
final class MatcherAgreement {

    private MatcherAgreement() {
    }

    static void verify(List<String> documents, TextNormalizer normalizer, WordMatcher clipflow,
            SensitiveWordBs houbb, AhoCorasickDoubleArrayTrie<String> hankcs) {
        List<String> problems = new ArrayList<>();
        int documentsWithHits = 0;
        long clipflowHits = 0;
        long houbbHits = 0;
        long hankcsHits = 0;
        long spanningFiller = 0;
        for (int i = 0; i < documents.size(); i++) {
            String document = documents.get(i);
            List<WordHit> hits = clipflow.findAll(document);
            Set<String> found = hits.stream().map(h -> normalizer.normalize(h.word())).collect(Collectors.toSet());
            Set<String> byHankcs = hankcs.parseText(normalizer.fold(document)).stream()
                    .map(h -> h.value).collect(Collectors.toCollection(TreeSet::new));
            Set<String> byHoubb = houbb.findAll(document).stream()
                    .map(normalizer::normalize).collect(Collectors.toCollection(TreeSet::new));
            clipflowHits += found.size();
            spanningFiller += hits.stream()
                    .filter(h -> h.end() - h.start() != normalizer.normalize(h.word()).length()).count();
            houbbHits += byHoubb.size();
            hankcsHits += byHankcs.size();
            documentsWithHits += hits.isEmpty() ? 0 : 1;
            report(problems, i, document, "hankcs", byHankcs, found);
            report(problems, i, document, "houbb", byHoubb, found);
        }
        System.out.printf("corpus: %d documents, %d chars; with clipflow hits: %d (%.1f%%); "
                        + "words found (distinct per document) clipflow %d, houbb %d, hankcs on folded text %d; "
                        + "clipflow hits spanning filler %d%n",
                documents.size(), documents.stream().mapToInt(String::length).sum(), documentsWithHits,
                100.0 * documentsWithHits / documents.size(), clipflowHits, houbbHits, hankcsHits, spanningFiller);
        if (!problems.isEmpty()) {
            problems.stream().limit(20).forEach(System.out::println);
            throw new IllegalStateException(problems.size() + " documents where clipflow misses words: see above");
        }
    }

    private static void report(List<String> problems, int index, String document, String other,
            Set<String> byOther, Set<String> byClipflow) {
        Set<String> missed = new TreeSet<>(byOther);
        missed.removeAll(byClipflow);
        if (!missed.isEmpty()) {
            problems.add("document " + index + ": " + other + " found " + missed + " that clipflow did not in: "
                    + document.replace('\n', ' '));
        }
    }
}
