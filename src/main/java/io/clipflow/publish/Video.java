package io.clipflow.publish;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A published video as clipflow keeps and shows it: what the creator sent and where its audit stands
 * ({@code status} by name: PENDING, APPROVED, REJECTED; {@code auditor} and {@code reason} once decided).
 */
public record Video(String code, String creator, String title, String description, String videoUrl,
        VideoStatus status, String flaggedWords, String auditor, String reason, OffsetDateTime createdAt,
        OffsetDateTime decidedAt) {

    @JsonIgnore
    public boolean isPending() {
        return status == VideoStatus.PENDING;
    }

    /** Its creator and staff (auditors, ops) may see a video; to anyone else it does not exist. */
    boolean isVisibleTo(String user, boolean staff) {
        return staff || creator.equals(user);
    }
}
