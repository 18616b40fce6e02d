package io.clipflow.publish;

import java.time.OffsetDateTime;

/** A video as the API shows it; {@code status} by name (PENDING, APPROVED, REJECTED). */
public record VideoView(String code, String creator, String title, String description, String videoUrl,
        VideoStatus status, String flaggedWords, String auditor, String reason, OffsetDateTime createdAt,
        OffsetDateTime decidedAt) {

    public static VideoView of(Video v) {
        return new VideoView(v.code(), v.creator(), v.title(), v.description(), v.videoUrl(), v.status(),
                v.flaggedWords(), v.auditor(), v.reason(), v.createdAt(), v.decidedAt());
    }
}
