package io.clipflow.words;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jol.info.GraphLayout;

/**
 * How long building a matcher takes, and how much heap the built matcher holds, at the sizes of real word
 * libraries: clipflow's {@link WordMatcher} beside hankcs' Aho-Corasick double-array trie and houbb's
 * sensitive-word, each built from the same library (hankcs and houbb from its normalised forms, configured as in
 * {@link WordMatcherBenchmark}). One operation is one whole build; the heap of the last build of each trial is
 * printed as {@code heap:} (JOL's walk of everything the built object reaches).
 *
 * <p>{@code library=common} draws Chinese words from the ~460 common characters of {@link BenchCorpus};
 * {@code library=wide} from 5,000 distinct characters, as a national list has, which spreads a node's children
 * over a far wider range of codes.
 *
 * <p>Run: {@code mvn -B -Pbench test-compile exec:exec -Dbench=WordMatcherBuildBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Djol.magicFieldOffset=true"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class WordMatcherBuildBenchmark {

    private static final long SEED = 20240611L;

    @Param({"10000", "50000", "200000"})
    public int words;

    @Param({"common"})
    public String library;

    private List<SensitiveWord> entries;
    private List<String> forms;
    private Object built;

    @Setup(Level.Trial)
    public void setUp() {
        String chars = library.equals("wide") ? BenchCorpus.wideChars(5_000) : BenchCorpus.commonChars();
        entries = BenchCorpus.library(SEED, words, chars);
        TextNormalizer normalizer = TextNormalizer.shared();
        forms = entries.stream().map(w -> normalizer.normalize(w.word())).distinct().toList();
    }

    @TearDown(Level.Trial)
    public void heap() {
        // the normaliser's tables are shared by every matcher of the JVM, not part of one
        long shared = built instanceof WordMatcher ? GraphLayout.parseInstance(TextNormalizer.shared()).totalSize() : 0;
        System.out.printf("%nheap: %s words=%d library=%s %.1f MB%n", built.getClass().getSimpleName(), words, library,
                (GraphLayout.parseInstance(built).totalSize() - shared) / 1e6);
    }

    @Benchmark
    public Object clipflow() {
        built = new WordMatcher(entries);
        return built;
    }

    @Benchmark
    public Object hankcs() {
        TreeMap<String, String> trie = new TreeMap<>();
        forms.forEach(form -> trie.put(form, form));
        AhoCorasickDoubleArrayTrie<String> hankcs = new AhoCorasickDoubleArrayTrie<>();
        hankcs.build(trie);
        built = hankcs;
        return built;
    }

    @Benchmark
    public Object houbb() {
        built = WordMatcherBenchmark.houbb(forms);
        return built;
    }
}
