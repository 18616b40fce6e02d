package io.clipflow.audit;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;
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

    /**
     * One decision on one video, as written to its audit record and, when {@code final}, to its row. A first
     * approval of a four-eyes video is not final: the row stays pending.
     */
    record Decision(String code, VideoStatus status, String auditor, String reason, OffsetDateTime at,
            Boolean first) {

        @JsonIgnore
        boolean isFirstApproval() {
            return Boolean.TRUE.equals(first);
        }
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

    /** A four-eyes video's first approval: recorded, the video still pending for its second review. */
    void firstApproval(String code, String auditor, OffsetDateTime at) {
        ShardWrites.apply(new Decision(code, VideoStatus.APPROVED, auditor, null, at, true), this);
    }

    private void decide(String code, VideoStatus status, String auditor, String reason) {
        ShardWrites.apply(new Decision(code, status, auditor, reason, OffsetDateTime.now(), null), this);
    }

    @Override
    public Class<Decision> writeType() {
        return Decision.class;
    }

    /**
     * The row's status and the record change together: a video decided already keeps its first decision. A first
     * approval only adds its record (again only if it is missing).
     */
    @Override
    public void apply(Decision decision, boolean redo) {
        if (decision.isFirstApproval()) {
            if (!redo || !records.exists(decision.code(), decision.auditor(), decision.status().code())) {
                records.add(decision.code(), decision.auditor(), decision.status().code(), null, decision.at());
            }
            return;
        }
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
