package io.clipflow.audit;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener on "Audit video". On create it hands the task to the auditor with the fewest open audit tasks;
 * on every later change of hands (Tasklist claim/unclaim, engine REST, the overdue handover), completion or
 * deletion it moves the task's count in the shared load. The task remembers, in a local variable, whose count
 * it is in, so the bookkeeping is right whichever way the change came.
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
        String chosen = assignment.assign(null);
        if (chosen != null) {
            // remember first: the assignment event that setAssignee causes must find the count already taken
            task.setVariableLocal(COUNTED_FOR, chosen);
            task.setAssignee(chosen);
        }
    }

    private void reassigned(DelegateTask task) {
        String counted = countedFor(task);
        String assignee = task.getAssignee();
        if (Objects.equals(counted, assignee)) {
            return;
        }
        assignment.moved(counted, assignee);
        task.setVariableLocal(COUNTED_FOR, assignee);
    }

    private static String countedFor(DelegateTask task) {
        return (String) task.getVariableLocal(COUNTED_FOR);
    }
}
