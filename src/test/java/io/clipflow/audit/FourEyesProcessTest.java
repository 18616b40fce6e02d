package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.clipflow.ProcessTestEngines;
import io.clipflow.publish.Decision;
import io.clipflow.publish.VideoStatus;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
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

/**
 * Every path of a four-eyes video through publish-to-display: two approvals, approval then rejection, rejection
 * first, a flagged word making a general video four-eyes, the second review's overdue handover, and a pool too
 * small for two auditors. The second auditor is never the first.
 */
@Deployment(resources = { "bpmn/publish-to-display.bpmn", "forms/audit-video.form" })
class FourEyesProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engineExtension = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestEngines.plain("four-eyes-process-test")).build();

    ProcessEngine engine;
    AuditProcessFixture fixture;
    String group;
    List<String> pool;

    @BeforeEach
    void setUp() {
        engine = engineExtension.getProcessEngine();
        BpmnAwareTests.init(engine);
        fixture = new AuditProcessFixture(engine);
        group = AuditProcessFixture.unique("travel");
        pool = List.of(AuditProcessFixture.unique("ta"), AuditProcessFixture.unique("tb"),
                AuditProcessFixture.unique("tc"));
        fixture.category("travel", "Places to go", group, true, pool.toArray(String[]::new));
    }

    @AfterEach
    void tearDown() {
        engine.getIdentityService().clearAuthentication();
        Mocks.reset();
    }

    @Test
    void theLongestTitleInTheLongestCategoryNameIsNamedInFull() {
        // the API's limits (title 200, category name 30) keep "Second review: <title> (<name>)" within the
        // engine's 255-character task name column, so the name expression never needs cutting
        String name = "长".repeat(30);
        fixture.category("long-names", name, group, true, pool.toArray(String[]::new));
        String title = "标题".repeat(100);

        ProcessInstance pi = fixture.publishIn("long-names", title, "d");
        assertThat(pi).isWaitingAt("auditVideo");
        assertThat(task().getName()).isEqualTo("Audit: " + title + " (" + name + ")");
        complete(task(), withVariables("approved", true));

        assertThat(pi).isWaitingAt("secondReview");
        assertThat(task().getName()).hasSize(248).isEqualTo("Second review: " + title + " (" + name + ")");
    }

    @Test
    void twoApprovalsByTwoAuditorsShowTheVideo() {
        ProcessInstance pi = fixture.publishIn("travel", "Hidden beach in Krabi", "boat ride at dawn");
        assertThat(pi).isWaitingAt("auditVideo").variables().containsEntry("fourEyes", true)
                .containsEntry("auditorGroup", group);
        String first = task().getAssignee();
        assertThat(pool).contains(first);
        assertThat(task().getName()).isEqualTo("Audit: Hidden beach in Krabi (Places to go)");

        complete(task(), withVariables("approved", true));

        assertThat(pi).hasPassed("NoteFirstApproval").isWaitingAt("secondReview").variables()
                .containsEntry("firstAuditor", first).doesNotContainKeys("approved", "auditor", "reason")
                .hasEntrySatisfying("firstDecision", d -> assertThat((String) d).startsWith("Approved by " + first));
        Task second = task();
        assertThat(second.getName()).isEqualTo("Second review: Hidden beach in Krabi (Places to go)");
        assertThat(second.getAssignee()).isIn(pool).isNotEqualTo(first);
        assertThat(fixture.videoRow(pi.getBusinessKey())).containsEntry("STATUS", 1);
        assertThat(fixture.decisions(pi.getBusinessKey())).extracting(Decision::auditor, Decision::approved)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, true));
        assertThat(fixture.openCountInRedis(first)).isZero();
        assertThat(fixture.openCountInRedis(second.getAssignee())).isEqualTo(1);

        complete(second, withVariables("approved", true));

        assertThat(pi).hasPassed("secondReview", "Approve").hasNotPassed("Reject").isEnded();
        assertThat(fixture.videoRow(pi.getBusinessKey())).containsEntry("STATUS", 2)
                .containsEntry("AUDITOR", second.getAssignee());
        assertThat(fixture.decisions(pi.getBusinessKey())).extracting(Decision::auditor, Decision::approved)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, true),
                        org.assertj.core.groups.Tuple.tuple(second.getAssignee(), true));
        assertThat(fixture.openCountInRedis(second.getAssignee())).isZero();
    }

    @Test
    void theSecondAuditorRejectingRejectsWithTheReason() {
        ProcessInstance pi = fixture.publishIn("travel", "Cliff jumping", "no helmets");
        assertThat(pi).isWaitingAt("auditVideo");
        String first = task().getAssignee();
        complete(task(), withVariables("approved", true));
        Task second = task();

        complete(second, withVariables("approved", false, "reason", "Dangerous stunt without safety notice"));

        assertThat(pi).hasPassed("NoteFirstApproval", "secondReview", "Reject").hasNotPassed("Approve").isEnded();
        assertThat(fixture.videoRow(pi.getBusinessKey())).containsEntry("STATUS", 3)
                .containsEntry("AUDITOR", second.getAssignee())
                .containsEntry("REASON", "Dangerous stunt without safety notice");
        List<Decision> decisions = fixture.decisions(pi.getBusinessKey());
        assertThat(decisions).extracting(Decision::auditor, Decision::approved, Decision::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(first, true, null),
                org.assertj.core.groups.Tuple.tuple(second.getAssignee(), false,
                        "Dangerous stunt without safety notice"));
    }

    @Test
    void theFirstAuditorRejectingRejectsWithoutASecondReview() {
        ProcessInstance pi = fixture.publishIn("travel", "Night market", "blurry");
        assertThat(pi).isWaitingAt("auditVideo");
        String first = task().getAssignee();

        complete(task(), withVariables("approved", false, "reason", "Out of focus"));

        assertThat(pi).hasPassed("auditVideo", "Reject").hasNotPassed("NoteFirstApproval", "secondReview", "Approve")
                .isEnded();
        assertThat(fixture.videoRow(pi.getBusinessKey())).containsEntry("STATUS", 3).containsEntry("AUDITOR", first);
        assertThat(fixture.decisions(pi.getBusinessKey())).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("Out of focus"));
    }

    @Test
    void aFlaggedWordMakesAGeneralVideoFourEyes() {
        ProcessInstance pi = fixture.publish("Las Vegas trip", "A night at the casino");
        assertThat(pi).isWaitingAt("auditVideo").variables().containsEntry("fourEyes", true)
                .containsEntry("categoryName", "General");
        String first = task().getAssignee();

        complete(task(), withVariables("approved", true));

        assertThat(pi).isWaitingAt("secondReview");
        assertThat(task().getAssignee()).isIn(AuditProcessFixture.AUDITORS).isNotEqualTo(first);
    }

    @Test
    void aCleanGeneralVideoNeedsOneApproval() {
        ProcessInstance pi = fixture.publish("Sunrise", "over the bay");
        assertThat(pi).variables().containsEntry("fourEyes", false);

        complete(task(), withVariables("approved", true));

        assertThat(pi).hasPassed("Approve").hasNotPassed("NoteFirstApproval", "secondReview").isEnded();
    }

    @Test
    void theFirstAuditorCanNeitherTakeNorDecideTheSecondReview() {
        ProcessInstance pi = fixture.publishIn("travel", "Temple at dusk", "quiet");
        assertThat(pi).isWaitingAt("auditVideo");
        String first = task().getAssignee();
        complete(task(), withVariables("approved", true));
        Task second = task();

        assertThatThrownBy(() -> engine.getTaskService().setAssignee(second.getId(), first))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("first review");
        engine.getIdentityService().setAuthenticatedUserId(first);
        assertThatThrownBy(() -> engine.getTaskService().complete(second.getId(), Map.of("approved", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class);

        assertThat(pi).isWaitingAt("secondReview");
        assertThat(task().getAssignee()).isEqualTo(second.getAssignee());
        assertThat(fixture.videoRow(pi.getBusinessKey())).containsEntry("STATUS", 1);
    }

    @Test
    void anOverdueSecondReviewGoesToTheThirdAuditorOfThePool() {
        ProcessInstance pi = fixture.publishIn("travel", "Waterfall hike", "slippery rocks");
        assertThat(pi).isWaitingAt("auditVideo");
        String first = task().getAssignee();
        complete(task(), withVariables("approved", true));
        String second = task().getAssignee();

        execute(job("SecondReviewOverdue"));

        assertThat(pi).hasPassed("HandSecondReviewToAnother").isWaitingAt("secondReview");
        String third = task().getAssignee();
        assertThat(third).isIn(pool).isNotEqualTo(first).isNotEqualTo(second);
        assertThat(fixture.openCountInRedis(second)).isZero();
        assertThat(fixture.openCountInRedis(third)).isEqualTo(1);

        complete(task(), withVariables("approved", true));
        assertThat(pi).hasPassed("Approve").isEnded();
        assertThat(fixture.decisions(pi.getBusinessKey())).extracting(Decision::auditor).containsExactly(first, third);
    }

    @Test
    void aFirstApprovalReplayedFromTheRedoLogIsRecordedOnceAndLeavesTheVideoPending() {
        String code = fixture.publishing.pendingVideo("Replayed", "after a crash", "travel");
        AuditDecisions decisions = new AuditDecisions(fixture.publishing.videos(), fixture.records);
        AuditDecisions.Decision first = new AuditDecisions.Decision(code, VideoStatus.APPROVED, "ta", null,
                OffsetDateTime.now(ZoneOffset.UTC), true);

        decisions.apply(first, false);
        decisions.apply(first, true);
        decisions.apply(first, true);

        assertThat(fixture.decisions(code)).singleElement().satisfies(d -> assertThat(d.auditor()).isEqualTo("ta"));
        assertThat(fixture.videoRow(code)).containsEntry("STATUS", 1);
    }

    @Test
    void aPoolOfOneTakesItsSecondAuditorFromTheGeneralPool() {
        String soloGroup = AuditProcessFixture.unique("solo");
        String solo = AuditProcessFixture.unique("so");
        fixture.category("solo", "Solo", soloGroup, true, solo);
        ProcessInstance pi = fixture.publishIn("solo", "One-man band", "loud");
        assertThat(pi).isWaitingAt("auditVideo");
        assertThat(task().getAssignee()).isEqualTo(solo);

        complete(task(), withVariables("approved", true));

        assertThat(pi).isWaitingAt("secondReview");
        Task second = task();
        assertThat(second.getAssignee()).isIn(AuditProcessFixture.AUDITORS);
        assertThat(engine.getTaskService().getIdentityLinksForTask(second.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("auditors"));

        // overdue: it stays in the pool it was taken from, never back to the first auditor
        execute(job("SecondReviewOverdue"));
        assertThat(task().getAssignee()).isIn(AuditProcessFixture.AUDITORS).isNotEqualTo(solo)
                .isNotEqualTo(second.getAssignee());
    }
}
