package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.publish.Video;
import io.clipflow.publish.VideoStatus;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transaction over the engine's tables and clipflow's shards, committed one database at a time: the engine
 * first with a redo log entry, then the shards. Both commit or neither does, and shard writes whose commit was
 * lost with the node are applied again from the log, once.
 */
@ClipflowIntegrationTest
class EngineFirstCommitTest {

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient clipflowJdbc;

    @Autowired
    IdentityService identity;

    @Autowired
    RedoLog redoLog;

    @Autowired
    RedoRecovery recovery;

    @Test
    void failureAfterWritesInBothWorldsKeepsNeither() {
        String id = newId();

        assertThatThrownBy(() -> inTransaction(() -> {
            writeBoth(id);
            throw new IllegalStateException("a later step fails");
        })).hasMessage("a later step fails");

        assertThat(identity.createUserQuery().userId(id).count()).isZero();
        assertThat(publishRows(id)).isZero();
    }

    @Test
    void successKeepsBothAndLeavesNoRedoBehind() {
        String id = newId();

        inTransaction(() -> writeBoth(id));

        assertThat(identity.createUserQuery().userId(id).count()).isOne();
        assertThat(publishRows(id)).isOne();
        // the log is the whole engine database's: a step of an earlier test's process may commit meanwhile and
        // leave its entry for a moment, until the deletes of applied entries run
        await("no redo entry left").atMost(Duration.ofSeconds(10)).until(() -> {
            redoLog.deleteForgotten();
            return redoLog.size() == 0;
        });
    }

    @Test
    void shardWritesLostWithTheirNodeAreAppliedFromTheRedoLogOnce() {
        Video video = pendingVideo(newId());
        // what a node leaves when it dies between the two commits: the engine's commit, with its redo entry
        inTransaction(() -> redoLog.record(List.of(video)));
        assertThat(publishRows(video.code())).isZero();

        // the log is the whole engine database's: an earlier test's process step may have an entry in it too
        assertThat(recovery.redoAbandoned(Duration.ZERO)).isPositive();
        assertThat(publishRows(video.code())).isOne();
        recovery.redoAbandoned(Duration.ZERO);

        assertThat(publishRows(video.code())).isOne();
        await("no redo entry left").atMost(Duration.ofSeconds(10)).until(() -> {
            recovery.redoAbandoned(Duration.ZERO);
            return redoLog.size() == 0;
        });
    }

    @Test
    void redoingWritesThatDidCommitChangesNothing() {
        Video video = pendingVideo(newId());
        inTransaction(() -> {
            identity.saveUser(identity.newUser(video.code()));
            ShardWrites.apply(video, firstRunHandler());
        });
        redoLog.deleteForgotten();
        // the entry of a transaction whose shards did commit, but whose node died before deleting it
        inTransaction(() -> redoLog.record(List.of(video)));

        assertThat(recovery.redoAbandoned(Duration.ZERO)).isEqualTo(1);

        assertThat(publishRows(video.code())).isOne();
    }

    /** An engine write (a user) and a sharded write (a publish row), as a process step and its delegate make. */
    private void writeBoth(String id) {
        identity.saveUser(identity.newUser(id));
        clipflowJdbc.sql("INSERT INTO publish (code, creator, title, description, video_url, status, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, "creator1", "t", "d", "https://v.example/1", 1, OffsetDateTime.now()).update();
    }

    /** Inserts the row the way the publish feature's handler does on its first run. */
    private ShardWriteHandler<Video> firstRunHandler() {
        return new ShardWriteHandler<>() {
            @Override
            public Class<Video> writeType() {
                return Video.class;
            }

            @Override
            public void apply(Video video, boolean redo) {
                clipflowJdbc.sql("INSERT INTO publish (code, creator, title, description, video_url, status, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(video.code(), video.creator(), video.title(), video.description(), video.videoUrl(),
                                video.status().code(), video.createdAt()).update();
            }
        };
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }

    private int publishRows(String code) {
        return clipflowJdbc.sql("SELECT COUNT(*) FROM publish WHERE code = ?").param(code).query(Integer.class)
                .single();
    }

    private static Video pendingVideo(String code) {
        return new Video(code, "creator1", "Lost commit", "Written by the redo log", "https://v.example/redo",
                VideoStatus.PENDING, null, null, null, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                null, null, null);
    }

    private static String newId() {
        return "tx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
