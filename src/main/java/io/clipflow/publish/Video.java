package io.clipflow.publish;

import java.time.OffsetDateTime;

/** A published video as clipflow keeps it: what the creator sent and where its audit stands. */
public record Video(String code, String creator, String title, String description, String videoUrl,
        VideoStatus status, String flaggedWords, String auditor, String reason, OffsetDateTime createdAt,
        OffsetDateTime decidedAt) {

    public boolean isPending() {
        return status == VideoStatus.PENDING;
    }
}
