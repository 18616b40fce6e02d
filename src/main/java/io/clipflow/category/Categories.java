package io.clipflow.category;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.clipflow.platform.ClipflowGroups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The categories as every node sees them: read from the engine's database when asked, never cached, so a change
 * saved on one node is what the next publish on any node finds. Saving publishes {@link CategorySaved} in the
 * same transaction.
 */
@Service
public class Categories {

    private final CategoryRepository repository;
    private final ApplicationEventPublisher events;

    Categories(CategoryRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    public List<Category> all() {
        return repository.findAll();
    }

    public Optional<Category> find(String key) {
        return repository.find(key);
    }

    /**
     * The category a video's key names; {@code general} for none, and for a key no row has any more (a video
     * published before categories existed).
     */
    public Category ofVideo(String key) {
        return repository.find(key == null ? Category.GENERAL : key)
                .or(() -> repository.find(Category.GENERAL))
                .orElse(new Category(Category.GENERAL, "General", ClipflowGroups.AUDITORS, false));
    }

    /** Every group whose members audit: {@code auditors} and the group of every category. */
    public Set<String> auditorGroups() {
        Set<String> groups = new TreeSet<>(repository.auditorGroups());
        groups.add(ClipflowGroups.AUDITORS);
        return groups;
    }

    /** Whether a member of {@code groups} is an auditor of some pool. */
    public boolean isAuditor(Collection<String> groups) {
        if (groups.contains(ClipflowGroups.AUDITORS)) {
            return true;
        }
        return groups.stream().anyMatch(auditorGroups()::contains);
    }

    /** Creates or changes a category; returns true when it was created. */
    @Transactional
    public boolean save(Category category) {
        boolean created = repository.update(category) == 0;
        if (created) {
            repository.insert(category);
        }
        events.publishEvent(new CategorySaved(category, created));
        return created;
    }
}
