package io.clipflow.audit;

import java.util.HashSet;
import java.util.Set;

import io.clipflow.publish.PublishToDisplay;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Hand to another auditor", after an overdue timer: the same review task (the timer does not interrupt it) goes
 * to the fairest choice among the other auditors of its pool, never out of it (a second review never to the
 * first auditor). The new auditor's count is taken by the choice; the previous one's is released once this step
 * has committed.
 */
@Component("reassignOverdueAudit")
class ReassignOverdueAudit implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ReassignOverdueAudit.class);

    private final AuditorAssignment assignment;

    ReassignOverdueAudit(AuditorAssignment assignment) {
        this.assignment = assignment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyIn(PublishToDisplay.reviewTasks()).singleResult();
        if (task == null) {
            return;
        }
        String previous = task.getAssignee();
        Set<String> excluded = new HashSet<>();
        if (previous != null) {
            excluded.add(previous);
        }
        if (PublishToDisplay.SECOND_REVIEW.equals(task.getTaskDefinitionKey())) {
            excluded.add((String) execution.getVariable(PublishToDisplay.FIRST_AUDITOR));
        }
        AuditorAssignment.Assigned chosen = assignment.assign(
                (String) execution.getVariable(PublishToDisplay.AUDITOR_GROUP), excluded, false);
        if (chosen == null) {
            log.info("Audit of {} is overdue but no other auditor of its pool is eligible; it stays with {}",
                    execution.getProcessBusinessKey(), previous);
            return;
        }
        String counted = (String) tasks.getVariableLocal(task.getId(), AuditorAssignmentListener.COUNTED_FOR);
        // counted for the new auditor before the assignment event fires, so the listener has nothing to move
        tasks.setVariableLocal(task.getId(), AuditorAssignmentListener.COUNTED_FOR, chosen.auditor());
        tasks.setAssignee(task.getId(), chosen.auditor());
        if (counted != null) {
            assignment.moved(counted, null);
        }
        log.info("Audit of {} was overdue with {}; handed to {}", execution.getProcessBusinessKey(), previous,
                chosen.auditor());
    }
}
