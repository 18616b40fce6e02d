package io.clipflow.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.clipflow.publish.PublishToDisplay;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Note the first approval" of a four-eyes video: its {@code audit_record} row, who gave it (the second review
 * leaves them out) and a line for the second auditor's form. The decision's own variables are removed, so the
 * second form starts undecided rather than ticked with the first auditor's answer.
 */
@Component("noteFirstApproval")
class NoteFirstApproval implements JavaDelegate {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final AuditDecisions decisions;

    NoteFirstApproval(AuditDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String auditor = (String) execution.getVariable(PublishToDisplay.AUDITOR);
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        decisions.firstApproval(execution.getProcessBusinessKey(), auditor, at);
        execution.setVariable(PublishToDisplay.FIRST_AUDITOR, auditor);
        execution.setVariable(PublishToDisplay.FIRST_DECISION, "Approved by " + auditor + " on " + SHOWN.format(at));
        execution.removeVariable(PublishToDisplay.APPROVED);
        execution.removeVariable(PublishToDisplay.REASON);
        execution.removeVariable(PublishToDisplay.AUDITOR);
    }
}
