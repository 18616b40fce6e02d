package io.clipflow.audit;

import java.time.OffsetDateTime;

import io.clipflow.publish.VideoStatus;
import io.clipflow.publish.Videos;
import io.clipflow.platform.ShardWriteHandler;
import io.clipflow.platform.ShardWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies a decision: the video's status, auditor and reason, and an {@code audit_record} row. Called from the
 * process's service tasks, inside the engine's transaction, as one {@link ShardWrites shard write} that the
 * step's commit owes, whether the audit was completed through the API, engine REST or Tasklist.
 */
@Service
class AuditDecisions implements ShardWriteHandler<AuditDecisions.Decision> {

    /** One decision on one video, as written to its row and its audit record. */
    record Decision(String code, VideoStatus status, String auditor, String reason, OffsetDateTime at) {
    }

    static final String SYSTEM = AuditDecisionGuard.SYSTEM;

    private static final Logger log = LoggerFactory.getLogger(AuditDecisions.class);

    private final Videos videos;
    private final AuditRecords records;

    AuditDecisions(Videos videos, AuditRecords records) {
        this.videos = videos;
        this.records = records;
    }

    void approve(String code, String auditor) {
        decide(code, VideoStatus.APPROVED, auditor, null);
    }

    void reject(String code, String auditor, String reason) {
        decide(code, VideoStatus.REJECTED, auditor, reason);
    }

    void autoReject(String code, String blockedWords) {
        decide(code, VideoStatus.REJECTED, SYSTEM, "Contains blocked words: " + blockedWords);
    }

    private void decide(String code, VideoStatus status, String auditor, String reason) {
        ShardWrites.apply(new Decision(code, status, auditor, reason, OffsetDateTime.now()), this);
    }

    @Override
    public Class<Decision> writeType() {
        return Decision.class;
    }

    /** The row's status and the record change together: a video decided already keeps its first decision. */
    @Override
    public void apply(Decision decision, boolean redo) {
        if (!videos.decide(decision.code(), decision.status(), decision.auditor(), decision.reason())) {
            if (!redo) {
                // a retried step after a commit elsewhere: the first decision stands, nothing is recorded twice
                log.warn("Video {} is not pending any more; decision {} by {} ignored", decision.code(),
                        decision.status(), decision.auditor());
            }
            return;
        }
        records.add(decision.code(), decision.auditor(), decision.status().code(), decision.reason(), decision.at());
    }
}
