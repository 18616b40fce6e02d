package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.clipflow.ClipflowIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** One transaction over the engine's tables and clipflow's shards: both commit, or neither does. */
@ClipflowIntegrationTest
class ChainedTransactionTest {

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient clipflowJdbc;

    @Autowired
    IdentityService identity;

    @Test
    void failureAfterWritesInBothWorldsKeepsNeither() {
        String id = newId();

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            writeBoth(id);
            throw new IllegalStateException("a later step fails");
        })).hasMessage("a later step fails");

        assertThat(identity.createUserQuery().userId(id).count()).isZero();
        assertThat(publishRows(id)).isZero();
    }

    @Test
    void successKeepsBoth() {
        String id = newId();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> writeBoth(id));

        assertThat(identity.createUserQuery().userId(id).count()).isOne();
        assertThat(publishRows(id)).isOne();
    }

    /** An engine write (a user) and a sharded write (a publish row), as a process step and its delegate make. */
    private void writeBoth(String id) {
        identity.saveUser(identity.newUser(id));
        clipflowJdbc.sql("INSERT INTO publish (code, creator, title, description, video_url, status, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, "creator1", "t", "d", "https://v.example/1", 1, OffsetDateTime.now()).update();
    }

    private int publishRows(String code) {
        return clipflowJdbc.sql("SELECT COUNT(*) FROM publish WHERE code = ?").param(code).query(Integer.class)
                .single();
    }

    private static String newId() {
        return "tx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
