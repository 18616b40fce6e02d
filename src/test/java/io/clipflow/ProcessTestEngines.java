package io.clipflow;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * Plain in-memory engines for process tests (no Spring; built in well under a second), for
 * {@code ProcessEngineExtension.builder().useProcessEngine(...)}. Delegates and listeners are registered per test
 * with {@code Mocks.register(name, realInstance)} (and {@code Mocks.reset()} after it).
 *
 * <p>Built in code on a database of their own rather than from a {@code camunda.cfg.xml}: Camunda's engine
 * registry builds the engine of any {@code camunda.cfg.xml} on the class path by itself once engine REST has been
 * called in the same JVM, and building it a second time on the same database then fails.
 */
public final class ProcessTestEngines {

    private ProcessTestEngines() {
    }

    public static ProcessEngine plain(String name, ProcessEnginePlugin... plugins) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("audit"); // as the app runs
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.setProcessEnginePlugins(List.of(plugins));
        return configuration.buildProcessEngine();
    }
}
