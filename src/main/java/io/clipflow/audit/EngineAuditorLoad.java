package io.clipflow.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clipflow.publish.PublishToDisplay;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Open audit tasks per auditor as the engine sees them (first reviews and second reviews, of every pool): the truth the Redis load is rebuilt from, and the basis
 * of the choice while Redis is unreachable. Slower (a query per auditor) and blind to tasks other transactions
 * have not committed yet, which is why it is only the fallback.
 */
@Component
class EngineAuditorLoad {

    private final TaskService tasks;

    EngineAuditorLoad(TaskService tasks) {
        this.tasks = tasks;
    }

    Map<String, Long> openTasks(List<String> auditors) {
        Map<String, Long> open = new LinkedHashMap<>();
        for (String auditor : auditors) {
            open.put(auditor, tasks.createTaskQuery().taskDefinitionKeyIn(PublishToDisplay.reviewTasks())
                    .taskAssignee(auditor).count());
        }
        return open;
    }
}
