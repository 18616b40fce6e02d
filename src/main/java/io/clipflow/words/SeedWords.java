package io.clipflow.words;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The word library shipped with the application: {@code words/seed-words.txt} on the classpath. */
final class SeedWords {

    static final String RESOURCE = "/words/seed-words.txt";

    private SeedWords() {
    }

    static List<SensitiveWord> load() {
        try (InputStream in = SeedWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of {@code word<TAB>LEVEL}; blank lines and lines starting with {@code #} are skipped. */
    static List<SensitiveWord> parse(List<String> lines) {
        List<SensitiveWord> words = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = lines.get(i).split("\t");
            if (fields.length != 2) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected word<TAB>LEVEL: " + line);
            }
            try {
                words.add(new SensitiveWord(fields[0].strip(), WordLevel.valueOf(fields[1].strip())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(words);
    }
}
