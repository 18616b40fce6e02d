package io.clipflow.audit;

import java.util.List;
import java.util.Map;

import io.clipflow.category.Categories;
import io.clipflow.platform.ApiAccessRules;
import io.clipflow.platform.ApiErrors;
import io.clipflow.platform.CallerGroups;
import io.clipflow.platform.ProblemCode;
import io.clipflow.platform.Problems;
import io.clipflow.publish.PublishToDisplay;
import io.clipflow.publish.Video;
import io.clipflow.publish.Videos;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auditors' API. A decision completes the audit task as the caller (engine authentication set), so the engine's
 * own checks, the user operation log and {@link AuditDecisionGuard} see who it was; the effects are those of the
 * process's service tasks, exactly as when the task is completed through engine REST or Tasklist.
 */
@Tag(name = "audits", description = "Auditors' open audit tasks and their decisions")
@RestController
@Validated
class AuditController {

    @Schema(example = "{\"approved\": false, \"reason\": \"Gambling advertisement\"}")
    record Decision(@NotNull Boolean approved, @Size(max = DecisionRules.MAX_REASON) String reason) {
    }

    private final OpenAudits audits;
    private final Videos videos;
    private final TaskService tasks;
    private final IdentityService identity;
    private final AuditRecords records;

    AuditController(OpenAudits audits, Videos videos, TaskService tasks, IdentityService identity,
            AuditRecords records) {
        this.audits = audits;
        this.videos = videos;
        this.tasks = tasks;
        this.identity = identity;
        this.records = records;
    }

    @Operation(operationId = "listMyAudits", summary = "My open audits",
            description = "The caller's open audit tasks with their videos, oldest first.")
    @ApiErrors(ProblemCode.FORBIDDEN)
    @GetMapping("/api/audits/mine")
    List<OpenAudits.OpenAudit> mine(Authentication caller, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return audits.assignedTo(caller.getName(), page, size);
    }

    @Operation(operationId = "decideAudit", summary = "Decide an audit",
            description = "The assigned auditor approves the video (it shows on the "
            + "feed) or rejects it with a reason. A four-eyes video (its category's, or a flagged word's) stays "
            + "PENDING after a first approval until another auditor of its pool approves it too; its first auditor "
            + "is answered 409 ALREADY_DECIDED on the second review. The answer lists every decision so far.")
    @ApiErrors({ ProblemCode.FORBIDDEN, ProblemCode.NOT_FOUND, ProblemCode.ALREADY_DECIDED,
            ProblemCode.NOT_AWAITING_AUDIT, ProblemCode.NO_DECISION, ProblemCode.REASON_REQUIRED,
            ProblemCode.SAME_AUDITOR, ProblemCode.BAD_REQUEST })
    @PostMapping("/api/audits/{code}/decision")
    Video decide(@PathVariable String code, @Valid @RequestBody Decision decision, Authentication caller) {
        Video video = videos.find(code).orElseThrow(() -> Problems.notFound("Video " + code));
        if (!video.isPending()) {
            throw Problems.conflict("ALREADY_DECIDED", "Video " + code + " was " + video.status() + " already");
        }
        Task task = audits.forVideo(code);
        if (task == null) {
            throw Problems.conflict("NOT_AWAITING_AUDIT", "Video " + code + " is not waiting for an audit");
        }
        String firstAuditor = PublishToDisplay.SECOND_REVIEW.equals(task.getTaskDefinitionKey())
                ? (String) tasks.getVariable(task.getId(), PublishToDisplay.FIRST_AUDITOR) : null;
        if (caller.getName().equals(firstAuditor)) {
            throw Problems.conflict("ALREADY_DECIDED", "You approved video " + code
                    + " already; it waits for a second auditor");
        }
        DecisionRules.check(task.getAssignee(), caller.getName(), decision.approved(), decision.reason(), firstAuditor)
                .ifPresent(refusal -> {
                    throw switch (refusal) {
                        case NOT_ASSIGNEE -> Problems.forbidden(refusal.message);
                        case SAME_AUDITOR -> Problems.problem(HttpStatus.FORBIDDEN, refusal.name(), refusal.message);
                        default -> Problems.problem(HttpStatus.BAD_REQUEST, refusal.name(), refusal.message);
                    };
                });
        complete(code, task, decision, caller);
        Video decided = videos.find(code).orElseThrow().withDecisions(records.of(code));
        // a four-eyes first approval: the video waits for its second review, whose auditor the answer names as
        // GET /api/videos/{code} does
        Task next = decided.isPending() ? audits.forVideo(code) : null;
        return next == null || next.getAssignee() == null ? decided : decided.withAuditor(next.getAssignee());
    }

    private void complete(String code, Task task, Decision decision, Authentication caller) {
        identity.setAuthentication(caller.getName(), CallerGroups.of(caller));
        try {
            tasks.complete(task.getId(), decision.approved() ? Map.of(PublishToDisplay.APPROVED, true)
                    : Map.of(PublishToDisplay.APPROVED, false, PublishToDisplay.REASON, decision.reason().strip()));
        }
        catch (OptimisticLockingException ex) {
            throw Problems.conflict("ALREADY_DECIDED", "Someone decided this audit at the same moment");
        }
        catch (ProcessEngineException ex) {
            // the guard's refusals arrive wrapped by the engine's task listener invocation
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
            if (cause instanceof AuthorizationException) {
                throw Problems.forbidden(cause.getMessage());
            }
            if (cause instanceof FormFieldValidationException) {
                throw Problems.badRequest(cause.getMessage());
            }
            if (audits.forVideo(code) == null) {
                throw Problems.conflict("ALREADY_DECIDED", "The audit was decided meanwhile");
            }
            throw ex;
        }
        finally {
            identity.clearAuthentication();
        }
    }

    /** The auditors of every pool: {@code auditors} and each category's group, as the categories say now. */
    @Bean
    static ApiAccessRules auditRules(Categories categories) {
        return rules -> rules.requestMatchers("/api/audits/**").access((caller, request) ->
                new AuthorizationDecision(categories.isAuditor(CallerGroups.of(caller.get()))));
    }
}
