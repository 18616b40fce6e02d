package io.clipflow.publish;

/**
 * The names of the publish-to-display process ({@code bpmn/publish-to-display.bpmn}, its audit form
 * {@code forms/audit-video.form}) that code and clients rely on. Publishing starts the process and screens the
 * words; the audit feature works its audit task and decision steps by the same names. Business key: the video code.
 */
public final class PublishToDisplay {

    public static final String PROCESS_KEY = "publish-to-display";
    /** The user task "Audit video" an auditor works: the first (often the only) review. */
    public static final String AUDIT_TASK = "auditVideo";
    /** The user task "Second review" of a four-eyes video, after a first approval, by another auditor. */
    public static final String SECOND_REVIEW = "secondReview";

    /** Process variables set at the start, read by the word screen and shown in the audit form. */
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String VIDEO_URL = "videoUrl";
    /** The video's category key, set at the start. */
    public static final String CATEGORY = "category";
    /**
     * Set by "Choose the audit pool" from the category: its name (in the task names and the form), the Camunda group
     * whose members audit it, and whether two auditors must approve (a four-eyes category or flagged words).
     */
    public static final String CATEGORY_NAME = "categoryName";
    public static final String AUDITOR_GROUP = "auditorGroup";
    public static final String FOUR_EYES = "fourEyes";
    /** Set when a first review approved a four-eyes video: who, and the decision as the second form shows it. */
    public static final String FIRST_AUDITOR = "firstAuditor";
    public static final String FIRST_DECISION = "firstDecision";
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

    /** Both review tasks: a video waits in at most one of them at a time. */
    public static String[] reviewTasks() {
        return new String[] { AUDIT_TASK, SECOND_REVIEW };
    }

    private PublishToDisplay() {
    }
}
