package io.clipflow.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code audit_record}: one row per decision, in the shard of its video (bound to {@code publish} by code). */
@Repository
class AuditRecords {

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
