package io.clipflow.audit;

import java.util.Objects;
import java.util.Set;

import io.clipflow.publish.PublishToDisplay;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener on "Audit video" and "Second review". On create it hands the task to the auditor of the video's
 * pool with the fewest open audit tasks (a second review never to the first auditor); on every later change of
 * hands (Tasklist claim/unclaim, engine REST, the overdue handover), completion or deletion it moves the task's
 * count in the shared load. The task remembers, in a local variable, whose count it is in, so the bookkeeping is
 * right whichever way the change came.
 */
@Component("auditorAssignmentListener")
class AuditorAssignmentListener implements TaskListener {

    /** Task-local: the auditor whose open count includes this task. */
    static final String COUNTED_FOR = "countedFor";

    private final AuditorAssignment assignment;

    AuditorAssignmentListener(AuditorAssignment assignment) {
        this.assignment = assignment;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> assign(task);
            case EVENTNAME_ASSIGNMENT -> reassigned(task);
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> assignment.moved(countedFor(task), null);
            default -> {
                // other events do not change who holds the task
            }
        }
    }

    private void assign(DelegateTask task) {
        String group = (String) task.getVariable(PublishToDisplay.AUDITOR_GROUP);
        String first = firstAuditor(task);
        AuditorAssignment.Assigned chosen = assignment.assign(group, first == null ? Set.of() : Set.of(first), true);
        if (chosen == null) {
            return;
        }
        if (group != null && !chosen.group().equals(group)) {
            // taken from the general pool: its Tasklist filter shows the task too
            task.addCandidateGroup(chosen.group());
        }
        // remember first: the assignment event that setAssignee causes must find the count already taken
        task.setVariableLocal(COUNTED_FOR, chosen.auditor());
        task.setAssignee(chosen.auditor());
    }

    private void reassigned(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee != null && assignee.equals(firstAuditor(task))) {
            throw new AuthorizationException(DecisionRules.Refusal.SAME_AUDITOR.message);
        }
        String counted = countedFor(task);
        if (Objects.equals(counted, assignee)) {
            return;
        }
        assignment.moved(counted, assignee);
        task.setVariableLocal(COUNTED_FOR, assignee);
    }

    private static String countedFor(DelegateTask task) {
        return (String) task.getVariableLocal(COUNTED_FOR);
    }

    /** On a second review, who gave the first: never its assignee. Null on a first review. */
    static String firstAuditor(DelegateTask task) {
        return PublishToDisplay.SECOND_REVIEW.equals(task.getTaskDefinitionKey())
                ? (String) task.getVariable(PublishToDisplay.FIRST_AUDITOR) : null;
    }
}
