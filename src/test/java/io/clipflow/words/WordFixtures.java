package io.clipflow.words;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A real word library over a plain database (seeded like the app's), for tests without Spring. */
public final class WordFixtures {

    private WordFixtures() {
    }

    public static WordLibrary library(JdbcClient jdbc) {
        return new WordLibrary(new SensitiveWordRepository(jdbc));
    }
}
