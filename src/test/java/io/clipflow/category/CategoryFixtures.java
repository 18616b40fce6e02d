package io.clipflow.category;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The real categories over a plain database holding {@code clipflow_category}, for process tests without Spring. */
public final class CategoryFixtures {

    private CategoryFixtures() {
    }

    /** Saving publishes its event to nobody: a process test sets the pool's group up itself. */
    public static Categories over(JdbcClient jdbc) {
        return new Categories(new CategoryRepository(jdbc), event -> {
        });
    }
}
