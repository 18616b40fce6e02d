package io.clipflow.audit;

import io.clipflow.publish.PublishToDisplay;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Complete listener on "Audit video" and "Second review": applies {@link DecisionRules} before anything is completed, and notes who
 * decided. The exception types are chosen for what callers see: engine REST and the webapps' copy of it that
 * Tasklist submits its form to answer an {@link AuthorizationException} with 403 and a
 * {@link FormFieldValidationException} with 400, each with the message (the platform's engine REST mapping looks
 * through the engine's wrapping of a listener's exception); any other exception would be a 500. Either way the
 * whole step rolls back.
 */
@Component("auditDecisionGuard")
class AuditDecisionGuard implements TaskListener {

    /** Who "decided" when the engine itself completed an unassigned task. */
    static final String SYSTEM = "system";

    @Override
    public void notify(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        String caller = authentication == null ? null : authentication.getUserId();
        Object approved = task.getVariable(PublishToDisplay.APPROVED);
        Object reason = task.getVariable(PublishToDisplay.REASON);
        DecisionRules.check(task.getAssignee(), caller, approved, reason,
                AuditorAssignmentListener.firstAuditor(task)).ifPresent(refusal -> {
            throw switch (refusal) {
                case NOT_ASSIGNEE, SAME_AUDITOR -> new AuthorizationException(refusal.message);
                case NO_DECISION -> new FormFieldValidationException(PublishToDisplay.APPROVED, refusal.message);
                case REASON_REQUIRED -> new FormFieldValidationException(PublishToDisplay.REASON, refusal.message);
            };
        });
        if (reason instanceof String text && text.length() > DecisionRules.MAX_REASON) {
            throw new FormFieldValidationException(PublishToDisplay.REASON,
                    "'reason' is longer than " + DecisionRules.MAX_REASON);
        }
        task.setVariable(PublishToDisplay.AUDITOR, task.getAssignee() != null ? task.getAssignee() : SYSTEM);
        if (Boolean.TRUE.equals(approved)) {
            task.setVariable(PublishToDisplay.REASON, null);
        }
    }
}
