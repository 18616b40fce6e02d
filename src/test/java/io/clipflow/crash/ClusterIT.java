package io.clipflow.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cluster harness's reduced form, part of {@code mvn verify} (failsafe, after {@code package} built the jar):
 * a PostgreSQL of its own, one Redis and two nodes started at the same moment on the empty databases, a little
 * load through both, every invariant; no throughput phases. The full form is {@code scripts/cluster-test}.
 * {@code -Dcluster.<option>=...} overrides an option (nodes, buyers, sale-units, videos, threads, throughput-s).
 */
class ClusterIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void nodesStartedTogetherOnAnEmptyDatabaseHoldEveryInvariant() {
        Map<String, String> values = new java.util.HashMap<>(Map.of("nodes", "2", "buyers", "10", "sale-units", "6",
                "videos", "12", "throughput-s", "0", "run-dir", "target/cluster/it-" + System.currentTimeMillis()));
        if (System.getProperty("crash.jar") != null) {
            values.put("jar", System.getProperty("crash.jar"));
        }
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("cluster."))
                .forEach(name -> values.put(name.substring("cluster.".length()), System.getProperty(name)));
        ClusterHarness.Report report = new ClusterHarness(ClusterHarness.Options.from(values)).run();
        assertThat(report.violations()).as(report.summary()).isEmpty();
    }
}
