package io.clipflow.category;

import java.util.List;

import io.clipflow.platform.DemoUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo categories with pools of their own (cooking, singing, travel; general is every install's), and one or two
 * demo auditors in each, {@code chef1} in two pools; password = user id. Created at first start where
 * {@code clipflow.demo-data} is on, after the platform's groups and demo users.
 */
@Component
@ConditionalOnProperty("clipflow.demo-data")
class DemoCategories {

    private static final Logger log = LoggerFactory.getLogger(DemoCategories.class);

    record DemoAuditor(String id, String firstName, List<String> groups) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("cooking", "Cooking", "cookingAuditors", false),
            new Category("singing", "Singing", "singingAuditors", false),
            new Category("travel", "Places to go", "travelAuditors", true));

    static final List<DemoAuditor> AUDITORS = List.of(
            new DemoAuditor("chef1", "Dario", List.of("cookingAuditors", "singingAuditors")),
            new DemoAuditor("singer1", "Elif", List.of("singingAuditors")),
            new DemoAuditor("guide1", "Femi", List.of("travelAuditors")),
            new DemoAuditor("guide2", "Gao", List.of("travelAuditors")));

    private final Categories categories;
    private final DemoUsers users;

    DemoCategories(Categories categories, DemoUsers users) {
        this.categories = categories;
        this.users = users;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(3)
    void createDemoCategories() {
        for (Category category : CATEGORIES) {
            if (categories.find(category.key()).isEmpty()) {
                categories.save(category); // its group is set up with it
                log.info("Created demo category {} audited by {}", category.key(), category.auditorGroup());
            }
        }
        AUDITORS.forEach(demo -> users.createIfMissing(demo.id(), demo.firstName(), demo.groups()));
    }
}
