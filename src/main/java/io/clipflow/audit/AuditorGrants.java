package io.clipflow.audit;

import io.clipflow.platform.ClipflowGroups;
import io.clipflow.platform.EngineGrant;
import io.clipflow.publish.PublishToDisplay;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What auditors may see in the engine beyond their tasks: the process those tasks belong to (Tasklist shows it). */
@Configuration(proxyBeanMethods = false)
class AuditorGrants {

    @Bean
    EngineGrant auditorsReadTheAuditProcess() {
        return new EngineGrant(ClipflowGroups.AUDITORS, Resources.PROCESS_DEFINITION, PublishToDisplay.PROCESS_KEY,
                Permissions.READ);
    }
}
