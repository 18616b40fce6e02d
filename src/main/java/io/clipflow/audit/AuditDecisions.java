package io.clipflow.audit;

import java.time.OffsetDateTime;

import io.clipflow.publish.VideoStatus;
import io.clipflow.publish.Videos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies a decision: the video's status, auditor and reason, and an {@code audit_record} row. Called from the
 * process's service tasks, inside the engine's transaction, so both writes and the process step commit or roll
 * back together, whether the audit was completed through the API, engine REST or Tasklist.
 */
@Service
class AuditDecisions {

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
        if (!videos.decide(code, status, auditor, reason)) {
            // a retried step after a commit elsewhere: the first decision stands, nothing is recorded twice
            log.warn("Video {} is not pending any more; decision {} by {} ignored", code, status, auditor);
            return;
        }
        records.add(code, auditor, status.code(), reason, OffsetDateTime.now());
    }
}
