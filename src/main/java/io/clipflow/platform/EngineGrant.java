package io.clipflow.platform;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * A permission in the engine and its webapps that a feature's users need (auditors reading the process whose tasks
 * they work, say), declared as a bean beside the feature, so the platform need not know the feature's processes.
 * Ensured at every start with the platform's own grants; a feature whose groups come and go ensures its own.
 */
public record EngineGrant(String groupId, Resource resource, String resourceId, Permission permission) {

    /** Saves the grant unless the group holds it already. */
    public void ensure(AuthorizationService authorizations) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).hasPermission(permission).count() > 0;
        if (!exists) {
            Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
            grant.addPermission(permission);
            authorizations.saveAuthorization(grant);
        }
    }
}
