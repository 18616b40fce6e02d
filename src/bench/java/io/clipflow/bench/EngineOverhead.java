package io.clipflow.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.clipflow.ClipflowApplication;
import io.clipflow.RedisTestServer;
import io.clipflow.order.OrderLeg;
import io.clipflow.publish.PublishLeg;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Engine overhead of clipflow's flows against bare Camunda processes of the same shape, on the same engine and
 * database, in one JVM and one run: publish → waiting at the audit task (word screen + fair assignment) against
 * start → user task; order submit → PAID against start → message catch → correlate. Rounds alternate the legs so
 * drift in the machine's load hits both; each figure is instances per second on one thread. A third process has
 * publish's BPMN shape without clipflow's code, to tell the engine's share from clipflow's; after the timed rounds,
 * H2's query statistics give the SQL statements per instance of each leg, and with {@code -Dbench.profile=<dir>}
 * async-profiler records each leg's CPU profile ({@link LegProfiles}).
 *
 * <p>Usage: {@code scripts/bench-engine [rounds] [instances per round]}
 */
public final class EngineOverhead {

    // in memory by default; -Dbench.engine-url / -Dbench.shard-url measure on files (what ./run uses)
    private static final String ENGINE_DB = System.getProperty("bench.engine-url",
            "jdbc:h2:mem:bench-engine;DB_CLOSE_DELAY=-1");
    private static final String SHARD_DB = System.getProperty("bench.shard-url", "jdbc:h2:mem:bench-ds0;DB_CLOSE_DELAY=-1");

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        try (RedisTestServer redis = RedisTestServer.startOnFreePort()) {
            System.setProperty("spring.data.redis.port", String.valueOf(redis.port()));
            ConfigurableApplicationContext app = SpringApplication.run(ClipflowApplication.class,
                    "--spring.profiles.active=test", "--server.port=0", "--logging.level.root=WARN",
                    "--logging.file.name=target/bench-engine.log",
                    "--spring.datasource.url=" + ENGINE_DB, "--clipflow.shards.databases[0].url=" + SHARD_DB,
                    "--clipflow.shards.databases[0].username=sa", "--clipflow.shards.databases[0].password=");
            try {
                run(app, rounds, perRound);
            }
            finally {
                app.close();
            }
        }
    }

    private static void run(ConfigurableApplicationContext app, int rounds, int perRound) {
        RuntimeService runtime = app.getBean(RuntimeService.class);
        deployBareProcesses(app.getBean(RepositoryService.class));
        Runnable barePublish = () -> runtime.startProcessInstanceByKey("bare-audit", UUID.randomUUID().toString());
        Map<String, Object> videoVariables = Map.of("title", "Morning walk", "description", PublishLeg.DESCRIPTION,
                "videoUrl", "https://videos.example/walk.mp4");
        Runnable publishShape = () -> runtime.startProcessInstanceByKey("bare-publish-shape",
                UUID.randomUUID().toString(), videoVariables);
        Runnable bareOrder = () -> {
            String key = UUID.randomUUID().toString();
            runtime.startProcessInstanceByKey("bare-order", key);
            runtime.createMessageCorrelation("BarePaid").processInstanceBusinessKey(key).correlate();
        };
        Leg bareAudit = new Leg("bare start → user task", barePublish);
        Leg publish = new Leg("clipflow publish → audit task", new PublishLeg(app));
        Leg shape = new Leg("bare, publish's shape", publishShape);
        Leg bareMessage = new Leg("bare start → message → end", bareOrder);
        Leg order = new Leg("clipflow order submit → PAID", new OrderLeg(app));
        List<Leg> legs = List.of(bareAudit, publish, shape, bareMessage, order);
        for (int round = 0; round < 3; round++) {
            for (Leg leg : legs) {
                leg.time(perRound); // warm-up (the JIT is still at work after one round), not recorded
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (Leg leg : legs) {
                leg.rates.add(leg.time(perRound));
            }
        }
        System.out.println();
        for (Leg leg : legs) {
            System.out.printf(Locale.ROOT, "%-32s median %8.1f instances/s  rounds %s%n", leg.name, leg.median(),
                    leg.rates.stream().map(r -> String.format(Locale.ROOT, "%.1f", r)).toList());
        }
        for (Leg leg : legs) {
            StatementCounts.print(leg.name, () -> leg.time(100), 100, ENGINE_DB, SHARD_DB);
        }
        String profiles = System.getProperty("bench.profile");  // a directory: each leg's CPU profile goes there
        if (profiles != null) {
            for (Leg leg : legs) {
                LegProfiles.record(leg.name, leg.body, 2 * perRound, Path.of(profiles));
            }
        }
        System.out.printf(Locale.ROOT, "publish / bare ratio: %.2f%n", publish.median() / bareAudit.median());
        System.out.printf(Locale.ROOT, "publish / publish's shape: %.2f%n", publish.median() / shape.median());
        System.out.printf(Locale.ROOT, "order   / bare ratio: %.2f%n", order.median() / bareMessage.median());
    }

    private static void deployBareProcesses(RepositoryService repository) {
        BpmnModelInstance audit = Bpmn.createExecutableProcess("bare-audit").camundaHistoryTimeToLive(1)
                .startEvent().userTask("auditVideo").camundaCandidateGroups("auditors").endEvent().done();
        BpmnModelInstance order = Bpmn.createExecutableProcess("bare-order").camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent().message("BarePaid").endEvent().done();
        // the BPMN work of publishing without clipflow's code: same variables, the screen's service task and its
        // gateway, the pool's service task setting the group, the user task named by an expression with its overdue
        // timer; no word screen, no category, no assignment, no row of its own
        BpmnModelInstance publishShape = Bpmn.createExecutableProcess("bare-publish-shape").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("screen").camundaExpression("${true}")
                .exclusiveGateway("blocked").condition("yes", "${false}").endEvent("autoRejected")
                .moveToNode("blocked").condition("no", "${true}")
                .serviceTask("pool").camundaExpression("${execution.setVariable('auditorGroup', 'auditors')}")
                .userTask("auditVideo").name("Audit: ${title} (General)").camundaCandidateGroups("${auditorGroup}")
                .boundaryEvent("overdue").cancelActivity(false).timerWithCycle("R/PT24H").endEvent()
                .moveToActivity("auditVideo").endEvent().done();
        repository.createDeployment().name("bench").addModelInstance("bare-audit.bpmn", audit)
                .addModelInstance("bare-order.bpmn", order).addModelInstance("bare-publish-shape.bpmn", publishShape)
                .deploy();
    }

    private static final class Leg {
        final String name;
        final Runnable body;
        final List<Double> rates = new ArrayList<>();

        Leg(String name, Runnable body) {
            this.name = name;
            this.body = body;
        }

        double time(int instances) {
            long start = System.nanoTime();
            for (int i = 0; i < instances; i++) {
                body.run();
            }
            return instances / ((System.nanoTime() - start) / 1e9);
        }

        double median() {
            List<Double> sorted = rates.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }
}
