package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.clipflow.ClipflowIntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Publishing through the real API from many threads; fairness is measured on the engine's open tasks. */
@ClipflowIntegrationTest
class FairAssignmentConcurrencyTest {

    static final List<String> AUDITORS = List.of("auditor1", "auditor2", "auditor3");
    static final int THREADS = 8;

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService tasks;

    @Autowired
    EngineAuditorLoad engineLoad;

    @Autowired
    RedisAuditorLoad redisLoad;

    @Test
    void concurrentPublishesSpreadAuditsEvenly() throws Exception {
        runConcurrently(THREADS, thread -> {
            for (int i = 0; i < 8; i++) {
                publish("even " + thread + "-" + i);
            }
        });

        assertBalancedAndInSync();
    }

    @Test
    void completingWhilePublishingKeepsTheLoadRight() throws Exception {
        CountDownLatch completerDone = new CountDownLatch(1);
        AtomicInteger completed = new AtomicInteger();
        ExecutorService completer = Executors.newSingleThreadExecutor();
        Future<?> completing = completer.submit(() -> {
            try {
                while (completed.get() < 20) {
                    Task oldest = tasks.createTaskQuery().taskDefinitionKey("auditVideo").taskAssigned()
                            .orderByTaskCreateTime().asc().listPage(0, 1).stream().findFirst().orElse(null);
                    if (oldest != null) {
                        tasks.complete(oldest.getId(), Map.of("approved", true));
                        completed.incrementAndGet();
                    }
                }
            }
            finally {
                completerDone.countDown();
            }
        });

        runConcurrently(THREADS, thread -> {
            for (int i = 0; i < 8; i++) {
                publish("busy " + thread + "-" + i);
            }
            // the last publishes come after the completions, as at the end of any busy period
            completerDone.await(60, TimeUnit.SECONDS);
            publish("tail " + thread);
            publish("tail2 " + thread);
        });
        completing.get(60, TimeUnit.SECONDS);
        completer.shutdown();

        assertThat(completed.get()).isEqualTo(20);
        assertBalancedAndInSync();
    }

    private void assertBalancedAndInSync() {
        Map<String, Long> open = engineLoad.openTasks(AUDITORS);
        long max = open.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = open.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(max - min).as("open audit tasks per auditor %s", open).isLessThanOrEqualTo(1);
        Map<Object, Object> inRedis = redisLoad.snapshot();
        AUDITORS.forEach(a -> assertThat(inRedis.get(a)).as("Redis count of %s", a).hasToString(open.get(a) + ""));
    }

    private void publish(String title) {
        ResponseEntity<String> response = http.withBasicAuth("creator1", "creator1").postForEntity("/api/videos",
                Map.of("title", title, "description", "concurrency", "videoUrl", "https://v.example/c.mp4"),
                String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    interface Worker {
        void run(int thread) throws Exception;
    }

    static void runConcurrently(int threads, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            running.add(pool.submit(() -> {
                start.await();
                worker.run(thread);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : running) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }
}
