package io.clipflow.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.clipflow.ProcessTestTables;
import io.clipflow.category.Categories;
import io.clipflow.category.Category;
import io.clipflow.category.CategoryFixtures;
import io.clipflow.publish.Decision;
import io.clipflow.publish.PublishFixtures;
import io.clipflow.words.WordFixtures;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * publish-to-display on the plain test engine with every delegate and listener a real instance: tables in one
 * plain H2 database, the auditor load in the test run's Redis under a key of its own.
 */
final class AuditProcessFixture {

    static final List<String> AUDITORS = List.of("auditor1", "auditor2", "auditor3");

    final ProcessEngine engine;
    final JdbcClient jdbc = ProcessTestTables.database();
    final StringRedisTemplate redis = ProcessTestTables.redis();
    final PublishFixtures publishing = new PublishFixtures(jdbc, redis);
    final RedisAuditorLoad load = new RedisAuditorLoad(redis, "process-test-" + UUID.randomUUID());
    final MutableClock clock = new MutableClock();
    final Categories categories = CategoryFixtures.over(jdbc);
    final AuditRecords records = new AuditRecords(jdbc);

    AuditProcessFixture(ProcessEngine engine) {
        this.engine = engine;
        ensureAuditors(engine.getIdentityService());
        AuditorAssignment assignment = assignmentOn(load);
        AuditDecisions decisions = new AuditDecisions(publishing.videos(), records);
        AuditDelegates delegates = new AuditDelegates();
        Mocks.register("checkSensitiveWords", publishing.checkSensitiveWords(WordFixtures.library(jdbc)));
        Mocks.register("chooseAuditPool", new ChooseAuditPool(categories));
        Mocks.register("noteFirstApproval", new NoteFirstApproval(decisions));
        Mocks.register("autoRejectVideo", delegates.autoRejectVideo(decisions));
        Mocks.register("approveVideo", delegates.approveVideo(decisions));
        Mocks.register("rejectVideo", delegates.rejectVideo(decisions));
        Mocks.register("auditDecisionGuard", new AuditDecisionGuard());
        Mocks.register("auditOverdue", new AuditOverdue(Duration.ofHours(24)));
    }

    /** Keeps the auditor load in the redis-server on {@code port} from now on. */
    RedisAuditorLoad loadOn(int port) {
        RedisAuditorLoad other = new RedisAuditorLoad(ProcessTestTables.redis(port), "process-test-" + UUID.randomUUID());
        assignmentOn(other);
        return other;
    }

    private AuditorAssignment assignmentOn(RedisAuditorLoad redisLoad) {
        AuditorAssignment assignment = new AuditorAssignment(new AuditorPool(engine.getIdentityService(), categories),
                redisLoad,
                new EngineAuditorLoad(engine.getTaskService()), clock);
        Mocks.register("auditorAssignmentListener", new AuditorAssignmentListener(assignment));
        Mocks.register("reassignOverdueAudit", new ReassignOverdueAudit(assignment));
        return assignment;
    }

    /** Publishes as the app does: the pending row, then the process with the code as business key. */
    ProcessInstance publish(String title, String description) {
        return publishIn("general", title, description);
    }

    ProcessInstance publishIn(String category, String title, String description) {
        String code = publishing.pendingVideo(title, description, category);
        return engine.getRuntimeService().startProcessInstanceByKey("publish-to-display", code, Map.of(
                "title", title, "description", description,
                "videoUrl", "https://v.example/" + code, "category", category));
    }

    /** A category whose pool is {@code group} with {@code members} (each created if missing, password = id). */
    void category(String key, String name, String group, boolean fourEyes, String... members) {
        categories.save(new Category(key, name, group, fourEyes));
        IdentityService identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        for (String member : members) {
            if (identity.createUserQuery().userId(member).count() == 0) {
                User user = identity.newUser(member);
                user.setPassword(member);
                identity.saveUser(user);
            }
            if (identity.createUserQuery().userId(member).memberOfGroup(group).count() == 0) {
                identity.createMembership(member, group);
            }
        }
    }

    /** A name of its own for a test's group or user (letters and digits, as the engine wants ids). */
    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** The video's decisions as {@code GET /api/videos/{code}} lists them. */
    List<Decision> decisions(String code) {
        return records.of(code);
    }

    Map<String, Object> videoRow(String code) {
        return jdbc.sql("SELECT status, auditor, reason, flagged_words FROM publish WHERE code = ?").param(code)
                .query().singleRow();
    }

    List<Map<String, Object>> auditRecords(String code) {
        return jdbc.sql("SELECT auditor, decision, reason FROM audit_record WHERE code = ?").param(code).query()
                .listOfRows();
    }

    long openCountInRedis(String auditor) {
        Object open = load.snapshot().get(auditor);
        return open == null ? 0 : Long.parseLong(open.toString());
    }

    private static void ensureAuditors(IdentityService identity) {
        if (identity.createGroupQuery().groupId("auditors").count() == 0) {
            identity.saveGroup(identity.newGroup("auditors"));
        }
        for (String id : AUDITORS) {
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                user.setPassword(id);
                identity.saveUser(user);
                identity.createMembership(id, "auditors");
            }
        }
    }
}
