package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.clipflow.ClipflowIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ClipflowIntegrationTest
class EngineConfigurationTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void engineRunsWithClipflowsSettings() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.isAuthorizationEnabled()).isTrue();
        assertThat(configuration.getLoggingContextBusinessKey()).isEqualTo("businessKey");
        assertThat(configuration.getLoginMaxAttempts()).isEqualTo(1_000_000);
        assertThat(configuration.getLoginDelayMaxTime()).isEqualTo(60);
        // a dead node's jobs are taken over once its 20 s lock expired, by a node that looks at least every 5 s
        assertThat(configuration.getJobExecutor().getLockTimeInMillis()).isEqualTo(20_000);
        assertThat(configuration.getJobExecutor().getMaxWait()).isEqualTo(5_000);
        assertThat(((org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration) configuration)
                .getTransactionManager()).isInstanceOf(
                        org.springframework.jdbc.datasource.DataSourceTransactionManager.class);
    }
}
