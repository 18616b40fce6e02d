package io.clipflow.audit;

import io.clipflow.publish.PublishToDisplay;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener on "Audit video": names the task after the video ("Audit video: Street food tour"), so an
 * auditor finds it by its title in Tasklist's lists, where a task shows its name but no process variable (a
 * filter's variable columns would need a read grant on every publish-to-display instance). The model keeps the
 * plain name, which is what the diagram shows.
 */
@Component("auditTaskName")
class AuditTaskName implements TaskListener {

    /** Camunda's task name column holds 255 characters. */
    static final int MAX_NAME = 255;

    @Override
    public void notify(DelegateTask task) {
        task.setName(nameFor(task.getName(), task.getVariable(PublishToDisplay.TITLE)));
    }

    static String nameFor(String taskName, Object title) {
        if (!(title instanceof String text) || text.isBlank()) {
            return taskName;
        }
        String name = taskName + ": " + text.strip();
        if (name.length() <= MAX_NAME) {
            return name;
        }
        int end = MAX_NAME - 1;
        return name.substring(0, Character.isHighSurrogate(name.charAt(end - 1)) ? end - 1 : end) + "…";
    }
}
