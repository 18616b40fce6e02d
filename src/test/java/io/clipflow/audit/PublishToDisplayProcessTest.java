package io.clipflow.audit;

import io.clipflow.ProcessTestEngines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = { "bpmn/publish-to-display.bpmn", "forms/audit-video.form" })
class PublishToDisplayProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engineExtension = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestEngines.plain("audit-process-test")).build();

    ProcessEngine engine;
    AuditProcessFixture fixture;

    @BeforeEach
    void setUp() {
        engine = engineExtension.getProcessEngine();
        // other engines may live in this JVM (a Spring test's, the one ProcessEngines.init() builds)
        BpmnAwareTests.init(engine);
        fixture = new AuditProcessFixture(engine);
    }

    @AfterEach
    void tearDown() {
        engine.getIdentityService().clearAuthentication();
        Mocks.reset();
    }

    @Test
    void cleanVideoIsAuditedAndApproved() {
        ProcessInstance pi = fixture.publish("Sunset over the harbour", "A quiet evening timelapse");

        assertThat(pi).isWaitingAt("auditVideo");
        assertThat(task()).hasName("Audit: Sunset over the harbour (General)");
        String auditor = task().getAssignee();
        assertThat(AuditProcessFixture.AUDITORS).contains(auditor);
        assertThat(fixture.openCountInRedis(auditor)).isEqualTo(1);

        complete(task(), withVariables("approved", true));

        assertThat(pi).hasPassed("auditVideo", "Approve").isEnded();
        assertThat(fixture.videoRow(pi.getBusinessKey())).containsEntry("STATUS", 2).containsEntry("AUDITOR", auditor);
        assertThat(fixture.auditRecords(pi.getBusinessKey())).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("AUDITOR", auditor).containsEntry("DECISION", 2));
        assertThat(fixture.openCountInRedis(auditor)).isZero();
    }

    @Test
    void cleanVideoIsRejectedWithItsReason() {
        ProcessInstance pi = fixture.publish("Cooking noodles", "Hand-pulled, step by step");
        assertThat(pi).isWaitingAt("auditVideo");
        String auditor = task().getAssignee();

        complete(task(), withVariables("approved", false, "reason", "Audio is muted"));

        assertThat(pi).hasPassed("Reject").hasNotPassed("Approve").isEnded();
        assertThat(fixture.videoRow(pi.getBusinessKey())).containsEntry("STATUS", 3)
                .containsEntry("AUDITOR", auditor).containsEntry("REASON", "Audio is muted");
        assertThat(fixture.auditRecords(pi.getBusinessKey())).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("DECISION", 3).containsEntry("REASON", "Audio is muted"));
    }

    @Test
    void blockedWordRejectsWithoutAudit() {
        ProcessInstance pi = fixture.publish("Weekend fun", "join our 赌 博 night");

        assertThat(pi).hasPassed("AutoReject").hasNotPassed("auditVideo").isEnded();
        assertThat(fixture.videoRow(pi.getBusinessKey())).containsEntry("STATUS", 3)
                .containsEntry("AUDITOR", "system")
                .hasEntrySatisfying("REASON", reason -> assertThat((String) reason).contains("赌博"));
        assertThat(fixture.auditRecords(pi.getBusinessKey())).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("AUDITOR", "system").containsEntry("DECISION", 3));
    }

    @Test
    void reviewWordIsFlaggedForTheAuditor() {
        ProcessInstance pi = fixture.publish("Las Vegas trip", "A night at the CASINO and a show");

        assertThat(pi).isWaitingAt("auditVideo").variables().containsEntry("flaggedWords", "casino")
                .doesNotContainKeys("blocked", "blockedWords"); // the screen's verdict is transient
        assertThat(fixture.videoRow(pi.getBusinessKey())).containsEntry("FLAGGED_WORDS", "casino")
                .containsEntry("STATUS", 1);
    }

    @Test
    void overdueAuditIsHandedToAnotherAuditor() {
        ProcessInstance pi = fixture.publish("Overdue one", "nobody looked at it");
        assertThat(pi).isWaitingAt("auditVideo");
        Task before = task();
        String first = before.getAssignee();

        execute(job());

        Task after = task();
        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(after.getAssignee()).isNotNull().isNotEqualTo(first);
        assertThat(pi).isWaitingAt("auditVideo").hasPassed("HandToAnotherAuditor");
        assertThat(fixture.openCountInRedis(first)).isZero();
        assertThat(fixture.openCountInRedis(after.getAssignee())).isEqualTo(1);

        complete(task(), withVariables("approved", true));
        assertThat(fixture.videoRow(pi.getBusinessKey())).containsEntry("AUDITOR", after.getAssignee());
    }

    @Test
    void rejectingWithoutReasonIsRefusedAndNothingChanges() {
        ProcessInstance pi = fixture.publish("No reason", "given");
        assertThat(pi).isWaitingAt("auditVideo");
        String taskId = task().getId();

        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("approved", false)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("reason");

        assertThat(pi).isWaitingAt("auditVideo");
        assertThat(fixture.videoRow(pi.getBusinessKey())).containsEntry("STATUS", 1);
        assertThat(fixture.auditRecords(pi.getBusinessKey())).isEmpty();
    }

    @Test
    void onlyTheAssigneeMayDecide() {
        ProcessInstance pi = fixture.publish("Mine", "not yours");
        assertThat(pi).isWaitingAt("auditVideo");
        Task open = task();
        String other = AuditProcessFixture.AUDITORS.stream().filter(a -> !a.equals(open.getAssignee())).findFirst()
                .orElseThrow();

        engine.getIdentityService().setAuthenticatedUserId(other);
        assertThatThrownBy(() -> engine.getTaskService().complete(open.getId(), Map.of("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class);
        engine.getIdentityService().setAuthenticatedUserId(open.getAssignee());
        engine.getTaskService().complete(open.getId(), Map.of("approved", true));

        assertThat(pi).isEnded();
    }

    @Test
    void deletedAuditReleasesTheAuditorsCount() {
        ProcessInstance pi = fixture.publish("Withdrawn", "by its creator");
        assertThat(pi).isWaitingAt("auditVideo");
        String auditor = task().getAssignee();

        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "withdrawn");

        assertThat(fixture.openCountInRedis(auditor)).isZero();
    }
}
