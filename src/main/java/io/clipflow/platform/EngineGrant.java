package io.clipflow.platform;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * A permission in the engine and its webapps that a feature's users need (auditors reading the process whose tasks
 * they work, say), declared as a bean beside the feature, so the platform need not know the feature's processes.
 * Ensured at every start with the platform's own grants.
 */
public record EngineGrant(String groupId, Resource resource, String resourceId, Permission permission) {
}
