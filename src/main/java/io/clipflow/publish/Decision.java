package io.clipflow.publish;

import java.time.OffsetDateTime;

/**
 * One audit decision on a video: who, whether they approved, why not, when. A four-eyes video has up to two;
 * {@code system} decides a video its words rejected.
 */
public record Decision(String auditor, boolean approved, String reason, OffsetDateTime decidedAt) {
}
