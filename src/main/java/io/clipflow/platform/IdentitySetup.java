package io.clipflow.platform;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * clipflow's groups and what each may do in the engine and the webapps, ensured at every start (idempotent):
 * auditors work in Tasklist, ops watch and repair in Cockpit, camunda-admin may do anything. Creators and
 * buyers only use {@code /api}. Features add what their users need as {@link EngineGrant} beans. Tasklist gets two
 * shared filters so an auditor sees work on first login.
 */
@Component
class IdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    static final String MY_AUDITS_FILTER = TasklistFilters.MY_AUDITS;
    static final String AUDIT_POOL_FILTER = TasklistFilters.AUDIT_POOL;

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final List<EngineGrant> featureGrants;

    IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
            TaskService tasks, ObjectProvider<EngineGrant> featureGrants) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.featureGrants = featureGrants.orderedStream().toList();
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    void ensureGroupsAndGrants() {
        ensureGroup(ClipflowGroups.ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        ensureGroup(ClipflowGroups.OPS, "Operators", Groups.GROUP_TYPE_WORKFLOW);
        ensureGroup(ClipflowGroups.AUDITORS, "Auditors", Groups.GROUP_TYPE_WORKFLOW);
        ensureGroup(ClipflowGroups.CREATORS, "Creators", Groups.GROUP_TYPE_WORKFLOW);
        ensureGroup(ClipflowGroups.BUYERS, "Buyers", Groups.GROUP_TYPE_WORKFLOW);

        for (Resources resource : Resources.values()) {
            grant(ClipflowGroups.ADMIN, resource, ANY, Permissions.ALL);
        }
        grant(ClipflowGroups.AUDITORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(ClipflowGroups.OPS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(ClipflowGroups.OPS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        for (Resources readable : new Resources[] { Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE,
                Resources.DEPLOYMENT, Resources.TASK, Resources.DECISION_DEFINITION,
                Resources.HISTORIC_PROCESS_INSTANCE, Resources.HISTORIC_TASK }) {
            grant(ClipflowGroups.OPS, readable, ANY, Permissions.ALL);
        }
        featureGrants.forEach(g -> grant(g.groupId(), g.resource(), g.resourceId(), g.permission()));
        ensureFilters();
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
            log.info("Created group {}", id);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        new EngineGrant(groupId, resource, resourceId, permission).ensure(authorizations);
    }

    private void ensureFilters() {
        ensureFilter(MY_AUDITS_FILTER, -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensureFilter(AUDIT_POOL_FILTER, 0, tasks.createTaskQuery().taskCandidateGroup(ClipflowGroups.AUDITORS)
                .includeAssignedTasks());
    }

    private void ensureFilter(String name, int priority, org.camunda.bpm.engine.task.TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name).setQuery(query)
                .setProperties(Map.of("priority", priority, "refresh", true, "description", name));
        filters.saveFilter(filter);
        for (String group : new String[] { ClipflowGroups.AUDITORS, ClipflowGroups.OPS }) {
            Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            read.setGroupId(group);
            read.setResource(Resources.FILTER);
            read.setResourceId(filter.getId());
            read.addPermission(Permissions.READ);
            authorizations.saveAuthorization(read);
        }
    }
}
