package io.clipflow.words;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.allow.WordAllows;
import com.github.houbb.sensitive.word.support.ignore.SensitiveWordCharIgnores;
import com.github.houbb.sensitive.word.support.resultcondition.WordResultConditions;
import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chooses the sensitive-word matcher by measurement. One operation is one char of text, so the
 * scores are chars per second over the same corpus of {@value #CORPUS_CHARS} chars.
 *
 * <ul>
 *   <li>{@code clipflow}: {@link WordMatcher}, all normalisation and filler skipping on;</li>
 *   <li>{@code houbb}: houbb sensitive-word with every normalisation it has switched on and its
 *       special-char ignoring (its counterpart of filler), library set through {@code IWordDeny};</li>
 *   <li>{@code hankcs}: hankcs double-array Aho-Corasick on the raw text, no normalisation.</li>
 * </ul>
 *
 * <p>Run: {@code mvn -B -Pbench test-compile exec:exec -Dbench=WordMatcherBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WordMatcherBenchmark {

    static final int CORPUS_CHARS = 500_000;
    private static final long SEED = 20240611L;

    private List<String> documents;
    private WordMatcher clipflow;
    private SensitiveWordBs houbb;
    private AhoCorasickDoubleArrayTrie<String> hankcs;

    @Setup
    public void setUp() {
        List<SensitiveWord> library = BenchCorpus.library(SEED);
        documents = BenchCorpus.documents(SEED + 1, library, CORPUS_CHARS);
        TextNormalizer normalizer = TextNormalizer.shared();
        List<String> forms = library.stream().map(w -> normalizer.normalize(w.word())).distinct().toList();

        clipflow = new WordMatcher(library);
        houbb = houbb(forms);
        TreeMap<String, String> trie = new TreeMap<>();
        forms.forEach(form -> trie.put(form, form));
        hankcs = new AhoCorasickDoubleArrayTrie<>();
        hankcs.build(trie);

        MatcherAgreement.verify(documents, normalizer, clipflow, houbb, hankcs);
    }

    @Benchmark
    @OperationsPerInvocation(CORPUS_CHARS)
    public int clipflow() {
        int hits = 0;
        for (String document : documents) {
            hits += clipflow.findAll(document).size();
        }
        return hits;
    }

    @Benchmark
    @OperationsPerInvocation(CORPUS_CHARS)
    public int houbb() {
        int hits = 0;
        for (String document : documents) {
            hits += houbb.findAll(document).size();
        }
        return hits;
    }

    @Benchmark
    @OperationsPerInvocation(CORPUS_CHARS)
    public int hankcs() {
        int hits = 0;
        for (String document : documents) {
            hits += hankcs.parseText(document).size();
        }
        return hits;
    }

    /** houbb configured as the comparison describes (docs/benchmarks.md § 1), over the library's forms. */
    static SensitiveWordBs houbb(List<String> forms) {
        return SensitiveWordBs.newInstance()
                .wordDeny(() -> forms)
                .wordAllow(WordAllows.empty())
                .ignoreCase(true)
                .ignoreWidth(true)
                .ignoreNumStyle(true)
                .ignoreChineseStyle(true)
                .ignoreEnglishStyle(true)
                .ignoreRepeat(true)
                .charIgnore(SensitiveWordCharIgnores.specialChars())
                .wordResultCondition(WordResultConditions.alwaysTrue())
                .enableWordCheck(true)
                .enableNumCheck(false)
                .enableEmailCheck(false)
                .enableUrlCheck(false)
                .enableIpv4Check(false)
                .init();
    }
}
