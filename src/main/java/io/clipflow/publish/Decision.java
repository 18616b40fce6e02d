package io.clipflow.publish;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One audit decision on a video: who, whether they approved, why not, when. A four-eyes video has up to two;
 * {@code system} decides a video its words rejected. The API document calls it VideoDecision, apart from the
 * auditors' decision request.
 */
@Schema(name = "VideoDecision", example = "{\"auditor\": \"auditor1\", \"approved\": false, "
        + "\"reason\": \"Gambling advertisement\", \"decidedAt\": \"2030-01-01T10:05:00Z\"}")
public record Decision(String auditor, boolean approved, String reason, OffsetDateTime decidedAt) {
}
