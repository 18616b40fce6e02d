package io.clipflow.audit;

import java.util.HashSet;
import java.util.Set;

import io.clipflow.platform.ClipflowGroups;
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
 * first auditor; a task its pool gave to the general pool stays there). The new auditor's count is taken by the choice; the previous one's is released once this step
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
        Object first = execution.getVariable(PublishToDisplay.FIRST_AUDITOR);
        if (first != null && PublishToDisplay.SECOND_REVIEW.equals(task.getTaskDefinitionKey())) {
            excluded.add(first.toString());
        }
        AuditorAssignment.Assigned chosen = assignment.assign(poolOf(tasks, task, execution), excluded, false);
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

    /** The video's pool, or the general pool when the task was given to it (its own pool had nobody then). */
    private static String poolOf(TaskService tasks, Task task, DelegateExecution execution) {
        String group = (String) execution.getVariable(PublishToDisplay.AUDITOR_GROUP);
        boolean inGeneralPool = group != null && !group.equals(ClipflowGroups.AUDITORS)
                && tasks.getIdentityLinksForTask(task.getId()).stream()
                        .anyMatch(link -> ClipflowGroups.AUDITORS.equals(link.getGroupId()));
        return inGeneralPool ? ClipflowGroups.AUDITORS : group;
    }
}
