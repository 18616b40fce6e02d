package io.clipflow.publish;

/**
 * The names of the publish-to-display process ({@code bpmn/publish-to-display.bpmn}, its audit form
 * {@code forms/audit-video.form}) that code and clients rely on. Publishing starts the process and screens the
 * words; the audit feature works its audit task and decision steps by the same names. Business key: the video code.
 */
public final class PublishToDisplay {

    public static final String PROCESS_KEY = "publish-to-display";
    /** The user task "Audit video" an auditor works. */
    public static final String AUDIT_TASK = "auditVideo";

    /** Process variables set at the start, read by the word screen and shown in the audit form. */
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String VIDEO_URL = "videoUrl";
    /**
     * The word screen's verdict, transient: read by the gateway and the auto-reject step in the same transaction,
     * never stored.
     */
    public static final String BLOCKED = "blocked";
    public static final String BLOCKED_WORDS = "blockedWords";
    /** REVIEW-level words the screen found, read-only in the audit form. */
    public static final String FLAGGED_WORDS = "flaggedWords";
    /** The audit decision: {@code approved} (Boolean) and, for a rejection, its {@code reason} (String). */
    public static final String APPROVED = "approved";
    public static final String REASON = "reason";
    /** Who decided, noted when the audit task completes ({@code system} when the engine completed it). */
    public static final String AUDITOR = "auditor";

    private PublishToDisplay() {
    }
}
