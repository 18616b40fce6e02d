package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;

import io.clipflow.ProcessTestEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A video's audit goes to its category's pool; an empty pool's to the general one; overdue stays in the pool. */
@Deployment(resources = { "bpmn/publish-to-display.bpmn", "forms/audit-video.form" })
class AuditPoolsProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engineExtension = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestEngines.plain("pools-process-test")).build();

    ProcessEngine engine;
    AuditProcessFixture fixture;

    @BeforeEach
    void setUp() {
        engine = engineExtension.getProcessEngine();
        BpmnAwareTests.init(engine);
        fixture = new AuditProcessFixture(engine);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void theAuditGoesToTheCategorysPoolUnderANameThatSaysWhichVideo() {
        String group = AuditProcessFixture.unique("cooking");
        String chef = AuditProcessFixture.unique("chef");
        fixture.category("cooking", "Cooking", group, false, chef);

        ProcessInstance pi = fixture.publishIn("cooking", "Hand-pulled noodles", "step by step");

        assertThat(pi).hasPassed("ChooseAuditPool").isWaitingAt("auditVideo").variables()
                .containsEntry("auditorGroup", group).containsEntry("categoryName", "Cooking")
                .containsEntry("fourEyes", false);
        assertThat(task()).hasName("Audit: Hand-pulled noodles (Cooking)").isAssignedTo(chef);
        assertThat(candidateGroups(task().getId())).containsExactly(group);
        complete(task(), withVariables("approved", true));
        assertThat(pi).hasPassed("Approve").isEnded();
        assertThat(fixture.videoRow(pi.getBusinessKey())).containsEntry("STATUS", 2).containsEntry("AUDITOR", chef);
    }

    @Test
    void aPoolWithoutMembersHandsItsWorkToTheAuditors() {
        fixture.category("empty", "Empty", AuditProcessFixture.unique("nobody"), false);

        ProcessInstance pi = fixture.publishIn("empty", "Lonely video", "no pool for it");

        assertThat(pi).isWaitingAt("auditVideo");
        assertThat(task().getAssignee()).isIn(AuditProcessFixture.AUDITORS);
        assertThat(candidateGroups(task().getId())).contains("auditors");
    }

    @Test
    void aMemberAddedToThePoolGetsItsNextVideoAtOnce() {
        String group = AuditProcessFixture.unique("singing");
        String first = AuditProcessFixture.unique("sa");
        fixture.category("singing", "Singing", group, false, first);
        fixture.publishIn("singing", "Aria one", "d");
        fixture.publishIn("singing", "Aria two", "d");
        String newcomer = AuditProcessFixture.unique("sb");

        fixture.category("singing", "Singing", group, false, newcomer);
        ProcessInstance pi = fixture.publishIn("singing", "Aria three", "d");

        assertThat(pi).isWaitingAt("auditVideo");
        assertThat(task()).isAssignedTo(newcomer);
    }

    @Test
    void anAuditorInTwoPoolsIsCountedWithTheWorkOfBoth() {
        String shared = AuditProcessFixture.unique("both");
        String onlyCooking = AuditProcessFixture.unique("cook");
        String cooks = AuditProcessFixture.unique("cooks");
        String singers = AuditProcessFixture.unique("singers");
        fixture.category("cooking", "Cooking", cooks, false, shared, onlyCooking);
        fixture.category("singing", "Singing", singers, false, shared);
        fixture.publishIn("singing", "Duet", "d");
        fixture.publishIn("singing", "Choir", "d");

        List<String> cookingAssignees = List.of(assigneeOf(fixture.publishIn("cooking", "Dumplings", "d")),
                assigneeOf(fixture.publishIn("cooking", "Bao", "d")));

        // the shared auditor has two singing tasks: the cooking pool evens out with the other member first
        assertThat(cookingAssignees).containsOnly(onlyCooking);
        assertThat(fixture.openCountInRedis(shared)).isEqualTo(2);
        assertThat(fixture.openCountInRedis(onlyCooking)).isEqualTo(2);
    }

    @Test
    void anOverdueAuditIsHandedOverInsideItsPoolOnly() {
        String group = AuditProcessFixture.unique("travel");
        String a = AuditProcessFixture.unique("ga");
        String b = AuditProcessFixture.unique("gb");
        fixture.category("travel", "Places to go", group, false, a, b);
        ProcessInstance pi = fixture.publishIn("travel", "Old town walk", "d");
        assertThat(pi).isWaitingAt("auditVideo");
        String before = task().getAssignee();

        execute(job("AuditOverdue"));

        String after = task().getAssignee();
        assertThat(pi).hasPassed("HandToAnotherAuditor").isWaitingAt("auditVideo");
        assertThat(List.of(a, b)).contains(before, after);
        assertThat(after).isNotEqualTo(before);

        // overdue again: the pool's only other member is the one it came from; the general pool never gets it
        execute(job("AuditOverdue"));
        assertThat(task().getAssignee()).isEqualTo(before);
    }

    @Test
    void aVideoFromBeforeCategoriesIsAuditedAsGeneral() {
        String code = fixture.publishing.pendingVideo("Old upload", "from last year");
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("publish-to-display", code,
                Map.of("title", "Old upload", "description", "from last year", "videoUrl", "https://v.example/o"));

        assertThat(pi).isWaitingAt("auditVideo").variables().containsEntry("auditorGroup", "auditors")
                .containsEntry("categoryName", "General");
        assertThat(task().getAssignee()).isIn(AuditProcessFixture.AUDITORS);
        assertThat(fixture.videoRow(code)).containsEntry("STATUS", 1);
    }

    private String assigneeOf(ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getAssignee();
    }

    private List<String> candidateGroups(String taskId) {
        return engine.getTaskService().getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }
}
