package io.clipflow.scaleout;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * Two nodes of one deployment: the same engine database and the same two shard databases (the test profile's
 * layout), the suite's Redis. Closing them gives the suite's shared context its engine back.
 */
final class TwoNodes implements AutoCloseable {

    final AppNode a;
    final AppNode b;
    private final ProcessEngine registered;

    private TwoNodes(AppNode a, AppNode b, ProcessEngine registered) {
        this.a = a;
        this.b = b;
        this.registered = registered;
    }

    /** {@code name} keeps this test's in-memory databases apart from every other's. */
    static TwoNodes start(String name) {
        ProcessEngine registered = AppNode.registeredEngine();
        String run = name + "-" + UUID.randomUUID();
        Map<String, Object> shared = Map.of(
                "spring.datasource.url", "jdbc:h2:mem:" + run + "-engine;DB_CLOSE_DELAY=-1",
                "clipflow.shards.databases[0].url", "jdbc:h2:mem:" + run + "-ds0;DB_CLOSE_DELAY=-1",
                "clipflow.shards.databases[1].url", "jdbc:h2:mem:" + run + "-ds1;DB_CLOSE_DELAY=-1");
        AppNode a = AppNode.start(shared);
        try {
            return new TwoNodes(a, AppNode.start(shared), registered);
        }
        catch (RuntimeException ex) {
            a.close();
            AppNode.restoreEngineRegistry(registered);
            throw ex;
        }
    }

    @Override
    public void close() {
        try {
            b.close();
            a.close();
        }
        finally {
            AppNode.restoreEngineRegistry(registered);
        }
    }
}
