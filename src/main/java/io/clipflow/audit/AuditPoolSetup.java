package io.clipflow.audit;

import java.util.List;
import java.util.Map;

import io.clipflow.category.Categories;
import io.clipflow.category.Category;
import io.clipflow.category.CategorySaved;
import io.clipflow.platform.ClipflowGroups;
import io.clipflow.platform.EngineGrant;
import io.clipflow.platform.TasklistFilters;
import io.clipflow.publish.PublishToDisplay;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes a category's auditor group a working pool in the engine: the group exists (so Admin can add members), its
 * members may open Tasklist, read the audit process and the "My audits" filter, and the pool has a Tasklist filter
 * of its own ("Pool: name", its tasks assigned or not) for its members and ops. Done when a category is saved, in
 * its transaction, and for every category at start. The general pool ({@code auditors}) is the platform's.
 */
@Component
class AuditPoolSetup {

    /** The filter property that names the category a pool filter belongs to. */
    static final String CATEGORY_PROPERTY = "clipflowCategory";

    private final Categories categories;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    AuditPoolSetup(Categories categories, IdentityService identity, AuthorizationService authorizations,
            FilterService filters, TaskService tasks) {
        this.categories = categories;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(4)
    void ensureEveryPool() {
        categories.all().forEach(this::ensure);
    }

    @EventListener
    void saved(CategorySaved event) {
        ensure(event.category());
    }

    void ensure(Category category) {
        String group = category.auditorGroup();
        if (group.equals(ClipflowGroups.AUDITORS)) {
            return;
        }
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            Group created = identity.newGroup(group);
            created.setName(category.name() + " auditors");
            created.setType(Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(created);
        }
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, PublishToDisplay.PROCESS_KEY, Permissions.READ);
        Filter mine = filters.createFilterQuery().filterName(TasklistFilters.MY_AUDITS).singleResult();
        if (mine != null) {
            grant(group, Resources.FILTER, mine.getId(), Permissions.READ);
        }
        Filter pool = poolFilter(category);
        grant(group, Resources.FILTER, pool.getId(), Permissions.READ);
        grant(ClipflowGroups.OPS, Resources.FILTER, pool.getId(), Permissions.READ);
    }

    /** The category's filter, made or brought up to date with its name and group. */
    private Filter poolFilter(Category category) {
        Filter filter = filters.createFilterQuery().list().stream()
                .filter(f -> f.getProperties() != null
                        && category.key().equals(f.getProperties().get(CATEGORY_PROPERTY)))
                .findFirst().orElseGet(() -> filters.newTaskFilter());
        filter.setName("Pool: " + category.name());
        filter.setQuery(tasks.createTaskQuery().taskCandidateGroup(category.auditorGroup()).includeAssignedTasks());
        filter.setProperties(Map.of("priority", 5, "refresh", true, CATEGORY_PROPERTY, category.key(),
                "description", "Audit tasks of the " + category.name() + " pool, assigned or not",
                "variables", List.of(Map.of("name", PublishToDisplay.CATEGORY_NAME, "label", "Category"),
                        Map.of("name", PublishToDisplay.FIRST_DECISION, "label", "First review"))));
        return filters.saveFilter(filter);
    }

    private void grant(String group, Resources resource, String resourceId, Permissions permission) {
        new EngineGrant(group, resource, resourceId, permission).ensure(authorizations);
    }
}
