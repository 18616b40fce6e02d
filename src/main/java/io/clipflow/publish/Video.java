package io.clipflow.publish;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A published video as clipflow keeps and shows it: what the creator sent, its {@code category} ({@code general}
 * for a video published before categories existed), and where its audit stands ({@code status} by name: PENDING,
 * APPROVED, REJECTED; {@code auditor}: who has it or who decided it; {@code reason} once rejected;
 * {@code decisions}: every decision so far, where the caller shows them, else absent).
 */
@Schema(example = "{\"code\": \"V7Q2XK9M4T\", \"creator\": \"creator1\", \"title\": \"Street food tour\", "
        + "\"description\": \"Night market, short casino ad break\", "
        + "\"videoUrl\": \"https://videos.example/food.mp4\", \"status\": \"PENDING\", "
        + "\"flaggedWords\": \"casino\", \"auditor\": \"auditor2\", \"createdAt\": \"2030-01-01T10:00:00Z\", "
        + "\"category\": \"cooking\", \"decisions\": [{\"auditor\": \"auditor1\", \"approved\": true, "
        + "\"decidedAt\": \"2030-01-01T10:03:00Z\"}]}")
public record Video(String code, String creator, String title, String description, String videoUrl,
        VideoStatus status, String flaggedWords, String auditor, String reason, OffsetDateTime createdAt,
        OffsetDateTime decidedAt, String category, List<Decision> decisions) {

    @JsonIgnore
    public boolean isPending() {
        return status == VideoStatus.PENDING;
    }

    /** The same video, shown with the auditor whose task it is while it waits. */
    public Video withAuditor(String assignee) {
        return new Video(code, creator, title, description, videoUrl, status, flaggedWords, assignee, reason, createdAt,
                decidedAt, category, decisions);
    }

    Video withFlaggedWords(String flagged) {
        return new Video(code, creator, title, description, videoUrl, status, flagged, auditor, reason, createdAt,
                decidedAt, category, decisions);
    }

    /** The same video with its decisions, oldest first. */
    public Video withDecisions(List<Decision> all) {
        return new Video(code, creator, title, description, videoUrl, status, flaggedWords, auditor, reason, createdAt,
                decidedAt, category, List.copyOf(all));
    }

    /** Its creator and staff (auditors, ops) may see a video; to anyone else it does not exist. */
    boolean isVisibleTo(String user, boolean staff) {
        return staff || creator.equals(user);
    }
}
