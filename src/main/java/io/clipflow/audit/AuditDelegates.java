package io.clipflow.audit;

import io.clipflow.publish.PublishToDisplay;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The decision service tasks of publish-to-display ({@code ${approveVideo}}, {@code ${rejectVideo}},
 * {@code ${autoRejectVideo}}): each reads the process variables and calls {@link AuditDecisions}.
 */
@Configuration(proxyBeanMethods = false)
class AuditDelegates {

    @Bean
    JavaDelegate approveVideo(AuditDecisions decisions) {
        return execution -> decisions.approve(code(execution), auditor(execution));
    }

    @Bean
    JavaDelegate rejectVideo(AuditDecisions decisions) {
        return execution -> decisions.reject(code(execution), auditor(execution),
                (String) execution.getVariable(PublishToDisplay.REASON));
    }

    @Bean
    JavaDelegate autoRejectVideo(AuditDecisions decisions) {
        return execution -> decisions.autoReject(code(execution),
                (String) execution.getVariable(PublishToDisplay.BLOCKED_WORDS));
    }

    private static String code(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    private static String auditor(DelegateExecution execution) {
        Object auditor = execution.getVariable(PublishToDisplay.AUDITOR);
        return auditor == null ? AuditDecisions.SYSTEM : auditor.toString();
    }
}
