package io.clipflow.audit;

import io.clipflow.ProcessTestEngines;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.clipflow.RedisTestServer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The auditor load when Redis loses it or goes away, and when the pool changes, on the plain engine. */
@Deployment(resources = { "bpmn/publish-to-display.bpmn", "forms/audit-video.form" })
class AuditorAssignmentResilienceTest {

    @RegisterExtension
    static ProcessEngineExtension engineExtension = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestEngines.plain("audit-process-test")).build();

    ProcessEngine engine;
    AuditProcessFixture fixture;

    @BeforeEach
    void setUp() {
        engine = engineExtension.getProcessEngine();
        fixture = new AuditProcessFixture(engine);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void lostLoadIsRebuiltFromTheEngine() {
        for (int i = 0; i < 4; i++) {
            fixture.publish("before flush " + i, "d");
        }
        fixture.load.forget();

        fixture.publish("after flush", "d");

        Map<String, Long> open = engineCounts();
        AuditProcessFixture.AUDITORS.forEach(a -> assertThat(fixture.openCountInRedis(a)).as(a).isEqualTo(open.get(a)));
        assertThat(open.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
    }

    @Test
    void publishingGoesOnFairlyWhileRedisIsDownAndTheLoadIsRebuiltAfter() {
        try (RedisTestServer own = RedisTestServer.startOnFreePort()) {
            RedisAuditorLoad load = fixture.loadOn(own.port());
            own.stop();

            List<String> assignees = IntStream.range(0, 6)
                    .mapToObj(i -> assigneeOf(fixture.publish("redis down " + i, "d"))).toList();

            assertThat(assignees).doesNotContainNull();
            Map<String, Long> open = engineCounts();
            assertThat(Collections.max(open.values()) - Collections.min(open.values())).as("%s", open)
                    .isLessThanOrEqualTo(1);

            own.start();
            fixture.clock.advance(Duration.ofSeconds(6));
            fixture.publish("redis back", "d");
            Map<String, Long> after = engineCounts();
            AuditProcessFixture.AUDITORS.forEach(a -> assertThat(load.snapshot().get(a)).as(a)
                    .hasToString(String.valueOf(after.get(a))));
        }
    }

    @Test
    void newAuditorGetsWorkAtOnceAndRemovedOrLockedOnesNone() {
        IdentityService identity = engine.getIdentityService();
        String newcomer = "newaud" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            fixture.publish("others busy " + i, "d");
        }
        User user = identity.newUser(newcomer);
        user.setPassword("pw-" + newcomer);
        identity.saveUser(user);
        identity.createMembership(newcomer, "auditors");
        try {
            assertThat(assigneeOf(fixture.publish("for the newcomer", "d"))).isEqualTo(newcomer);
            fixture.publish("someone else's", "d");
            fixture.publish("someone else's", "d");
            fixture.publish("someone else's", "d");

            identity.checkPassword(newcomer, "wrong");
            assertThat(assigneeOf(fixture.publish("while locked", "d"))).isNotEqualTo(newcomer);

            identity.deleteMembership(newcomer, "auditors");
            for (int i = 0; i < 4; i++) {
                assertThat(assigneeOf(fixture.publish("after removal " + i, "d"))).isNotEqualTo(newcomer);
            }
        }
        finally {
            identity.deleteUser(newcomer);
        }
    }

    private Map<String, Long> engineCounts() {
        return new EngineAuditorLoad(engine.getTaskService()).openTasks(AuditProcessFixture.AUDITORS);
    }

    private String assigneeOf(ProcessInstance pi) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
        return task.getAssignee();
    }
}
