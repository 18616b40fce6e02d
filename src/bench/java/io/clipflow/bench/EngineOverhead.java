package io.clipflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * drift in the machine's load hits both; each figure is instances per second on one thread.
 *
 * <p>Usage: {@code scripts/bench-engine [rounds] [instances per round]}
 */
public final class EngineOverhead {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        try (RedisTestServer redis = RedisTestServer.startOnFreePort()) {
            System.setProperty("spring.data.redis.port", String.valueOf(redis.port()));
            ConfigurableApplicationContext app = SpringApplication.run(ClipflowApplication.class,
                    "--spring.profiles.active=test", "--server.port=0", "--logging.level.root=WARN",
                    "--logging.file.name=target/bench-engine.log");
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
        Runnable bareOrder = () -> {
            String key = UUID.randomUUID().toString();
            runtime.startProcessInstanceByKey("bare-order", key);
            runtime.createMessageCorrelation("BarePaid").processInstanceBusinessKey(key).correlate();
        };
        List<Leg> legs = List.of(new Leg("bare start → user task", barePublish),
                new Leg("clipflow publish → audit task", new PublishLeg(app)),
                new Leg("bare start → message → end", bareOrder),
                new Leg("clipflow order submit → PAID", new OrderLeg(app)));
        for (Leg leg : legs) {
            leg.time(perRound); // warm-up, not recorded
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
        System.out.printf(Locale.ROOT, "publish / bare ratio: %.2f%n", legs.get(1).median() / legs.get(0).median());
        System.out.printf(Locale.ROOT, "order   / bare ratio: %.2f%n", legs.get(3).median() / legs.get(2).median());
    }

    private static void deployBareProcesses(RepositoryService repository) {
        BpmnModelInstance audit = Bpmn.createExecutableProcess("bare-audit").camundaHistoryTimeToLive(1)
                .startEvent().userTask("auditVideo").camundaCandidateGroups("auditors").endEvent().done();
        BpmnModelInstance order = Bpmn.createExecutableProcess("bare-order").camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent().message("BarePaid").endEvent().done();
        repository.createDeployment().name("bench").addModelInstance("bare-audit.bpmn", audit)
                .addModelInstance("bare-order.bpmn", order).deploy();
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
