package io.clipflow.audit;

import java.time.OffsetDateTime;
import java.util.List;

import io.clipflow.publish.Decision;
import io.clipflow.publish.DecisionHistory;
import io.clipflow.publish.VideoStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code audit_record}: one row per decision (two for a four-eyes video both auditors approved), in the shard of
 * its video (bound to {@code publish} by code). Shown with the video through {@link DecisionHistory}.
 */
@Repository
class AuditRecords implements DecisionHistory {

    record AuditRecord(String code, String auditor, int decision, String reason, OffsetDateTime decidedAt) {
    }

    private final JdbcClient jdbc;

    AuditRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String code, String auditor, int decision, String reason, OffsetDateTime at) {
        jdbc.sql("INSERT INTO audit_record (code, auditor, decision, reason, decided_at) VALUES (?, ?, ?, ?, ?)")
                .params(code, auditor, decision, reason, at).update();
    }

    boolean exists(String code, String auditor, int decision) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE code = ? AND auditor = ? AND decision = ?")
                .params(code, auditor, decision).query(Long.class).single() > 0;
    }

    @Override
    public List<Decision> of(String code) {
        return forVideo(code).stream().map(r -> new Decision(r.auditor(), r.decision() == VideoStatus.APPROVED.code(),
                r.reason(), r.decidedAt())).toList();
    }

    List<AuditRecord> forVideo(String code) {
        return jdbc.sql("SELECT code, auditor, decision, reason, decided_at FROM audit_record WHERE code = ? "
                + "ORDER BY decided_at, id")
                .param(code)
                .query((rs, n) -> new AuditRecord(rs.getString("code"), rs.getString("auditor"),
                        rs.getInt("decision"), rs.getString("reason"),
                        rs.getObject("decided_at", OffsetDateTime.class)))
                .list();
    }
}
