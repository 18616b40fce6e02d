package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.platform.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Publishing into several categories at once from many threads, through the real API: within each pool the open
 * audit tasks per auditor differ by at most one, and the Redis load matches the engine's. Pools and members are the
 * test's own (created through the API and the identity service), so no other test's work is counted.
 */
@ClipflowIntegrationTest
class PoolFairnessConcurrencyTest {

    static final int THREADS = 8;

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    EngineAuditorLoad engineLoad;

    @Autowired
    RedisAuditorLoad redisLoad;

    /** category key to its pool's members */
    final Map<String, List<String>> pools = new LinkedHashMap<>();

    @BeforeEach
    void ownPools() {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        pool("fa-" + run, "pa" + run, 3, false);
        pool("fb-" + run, "pb" + run, 2, false);
        pool("fc-" + run, "pc" + run, 4, false);
        pool("fd-" + run, "pd" + run, 3, true);
    }

    @Test
    void concurrentPublishesIntoSeveralCategoriesStayBalancedInEachPool() throws Exception {
        List<String> categories = List.copyOf(pools.keySet());

        FairAssignmentConcurrencyTest.runConcurrently(THREADS, thread -> {
            for (int i = 0; i < 12; i++) {
                publish(categories.get((thread + i) % categories.size()), "pool " + thread + "-" + i);
            }
        });

        pools.forEach((category, members) -> {
            Map<String, Long> open = engineLoad.openTasks(members);
            assertThat(open.values().stream().mapToLong(Long::longValue).sum()).as(category).isEqualTo(24);
            assertBalancedAndInSync(category, members);
        });
    }

    @Test
    void secondReviewsMadeWhilePublishingNeverGoToTheFirstAuditorAndKeepTheLoadRight() throws Exception {
        String fourEyes = pools.keySet().stream().filter(k -> k.startsWith("fd-")).findFirst().orElseThrow();
        List<String> members = pools.get(fourEyes);
        ConcurrentLinkedQueue<String> approved = new ConcurrentLinkedQueue<>();

        FairAssignmentConcurrencyTest.runConcurrently(THREADS, thread -> {
            for (int i = 0; i < 6; i++) {
                publish(fourEyes, "four eyes " + thread + "-" + i);
                if (thread % 2 == 0) {
                    // half the threads approve first reviews of the pool as they come
                    for (Task first : tasks.createTaskQuery().taskDefinitionKey("auditVideo")
                            .taskAssigneeIn(members.toArray(String[]::new)).listPage(0, 1)) {
                        try {
                            tasks.complete(first.getId(), Map.of("approved", true));
                            approved.add(first.getProcessInstanceId());
                        }
                        catch (RuntimeException takenByAnotherThread) {
                            // another thread completed it first: nothing to check for this one
                        }
                    }
                }
            }
        });

        assertThat(approved).isNotEmpty();
        for (String instance : approved) {
            Task second = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("secondReview")
                    .singleResult();
            Object first = tasks.getVariable(second.getId(), "firstAuditor");
            assertThat(second.getAssignee()).isIn(members).isNotEqualTo(first);
        }
        Map<Object, Object> inRedis = redisLoad.snapshot();
        engineLoad.openTasks(members).forEach((auditor, open) ->
                assertThat(inRedis.get(auditor)).as("Redis count of %s", auditor).hasToString(String.valueOf(open)));
    }

    private void assertBalancedAndInSync(String category, List<String> members) {
        Map<String, Long> open = engineLoad.openTasks(members);
        long max = open.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = open.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(max - min).as("open audit tasks per auditor of %s: %s", category, open).isLessThanOrEqualTo(1);
        Map<Object, Object> inRedis = redisLoad.snapshot();
        members.forEach(a -> assertThat(inRedis.get(a)).as("Redis count of %s", a).hasToString(open.get(a) + ""));
    }

    /** A category through the API, its group's members through the identity service (as Admin adds them). */
    private void pool(String category, String group, int size, boolean fourEyes) {
        ResponseEntity<String> saved = http.withBasicAuth("admin", "admin").exchange(
                org.springframework.http.RequestEntity.put("/api/categories/" + category)
                        .body(Map.of("name", category, "auditorGroup", group, "fourEyes", fourEyes)),
                String.class);
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(HttpStatus.CREATED);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(TestUsers.member(identity, group + "m" + i, group));
        }
        pools.put(category, members);
    }

    private void publish(String category, String title) {
        ResponseEntity<String> response = http.withBasicAuth("creator1", "creator1").postForEntity("/api/videos",
                Map.of("title", title, "description", "concurrency", "videoUrl", "https://v.example/c.mp4",
                        "category", category),
                String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }
}
