package io.clipflow.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.clipflow.publish.PublishToDisplay;
import io.clipflow.publish.Video;
import io.clipflow.publish.Videos;
import io.swagger.v3.oas.annotations.media.Schema;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Open review tasks ("Audit video", "Second review"), found by auditor or by video code (the process's business
 * key). A video waits in at most one at a time.
 */
@Component
class OpenAudits {

    /** {@code review}: FIRST or SECOND; {@code firstDecision}: on a second review, the first auditor's. */
    @Schema(example = "{\"taskId\": \"3f1e2d4c-0b9a-11f1-9c2e-0242ac120002\", \"code\": \"V7Q2XK9M4T\", "
            + "\"assignee\": \"auditor2\", \"assignedAt\": \"2030-01-01T10:00:00Z\", "
            + "\"title\": \"Street food tour\", \"description\": \"Night market, short casino ad break\", "
            + "\"videoUrl\": \"https://videos.example/food.mp4\", \"creator\": \"creator1\", "
            + "\"flaggedWords\": \"casino\", \"category\": \"cooking\", \"review\": \"SECOND\", "
            + "\"firstDecision\": \"Approved by auditor1 on 2030-01-01 09:58 UTC\"}")
    record OpenAudit(String taskId, String code, String assignee, OffsetDateTime assignedAt, String title,
            String description, String videoUrl, String creator, String flaggedWords, String category, String review,
            String firstDecision) {
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final Videos videos;

    OpenAudits(TaskService tasks, RuntimeService runtime, Videos videos) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.videos = videos;
    }

    Task forVideo(String code) {
        return tasks.createTaskQuery().processDefinitionKey(PublishToDisplay.PROCESS_KEY)
                .processInstanceBusinessKey(code).taskDefinitionKeyIn(PublishToDisplay.reviewTasks()).singleResult();
    }

    /** The auditor's open audits, oldest first, with the videos' data. */
    List<OpenAudit> assignedTo(String auditor, int page, int size) {
        List<Task> open = tasks.createTaskQuery().processDefinitionKey(PublishToDisplay.PROCESS_KEY)
                .taskDefinitionKeyIn(PublishToDisplay.reviewTasks()).taskAssignee(auditor)
                .orderByTaskCreateTime().asc().orderByTaskId().asc().listPage(page * size, size);
        Map<String, String> codes = businessKeys(open);
        Map<String, Video> byCode = videos.findAll(List.copyOf(codes.values())).stream()
                .collect(Collectors.toMap(Video::code, Function.identity()));
        Map<String, String> firstDecisions = firstDecisions(open);
        return open.stream().filter(task -> byCode.containsKey(codes.get(task.getId()))).map(task -> {
            Video v = byCode.get(codes.get(task.getId()));
            boolean second = PublishToDisplay.SECOND_REVIEW.equals(task.getTaskDefinitionKey());
            return new OpenAudit(task.getId(), v.code(), task.getAssignee(),
                    task.getCreateTime().toInstant().atOffset(ZoneOffset.UTC), v.title(), v.description(),
                    v.videoUrl(), v.creator(), v.flaggedWords(), v.category(), second ? "SECOND" : "FIRST",
                    second ? firstDecisions.get(task.getProcessInstanceId()) : null);
        }).toList();
    }

    /** Process instance to the first auditor's decision, for the page's second reviews, in one query. */
    private Map<String, String> firstDecisions(List<Task> open) {
        String[] instances = open.stream().filter(t -> PublishToDisplay.SECOND_REVIEW.equals(t.getTaskDefinitionKey()))
                .map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        if (instances.length == 0) {
            return Map.of();
        }
        return runtime.createVariableInstanceQuery().processInstanceIdIn(instances)
                .variableName(PublishToDisplay.FIRST_DECISION).list().stream()
                .collect(Collectors.toMap(VariableInstance::getProcessInstanceId, v -> String.valueOf(v.getValue()),
                        (a, b) -> a));
    }

    /** Task id to video code, in one query for the page. */
    private Map<String, String> businessKeys(List<Task> open) {
        if (open.isEmpty()) {
            return Map.of();
        }
        Map<String, String> byInstance = runtime.createProcessInstanceQuery()
                .processInstanceIds(open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                .list().stream().collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return open.stream().collect(Collectors.toMap(Task::getId,
                task -> byInstance.getOrDefault(task.getProcessInstanceId(), "")));
    }
}
