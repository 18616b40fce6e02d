package io.clipflow.audit;

import java.util.Optional;

/**
 * What makes an audit decision acceptable, whichever way it arrives (clipflow's API, engine REST, Tasklist):
 * only the task's assignee decides (a caller without engine authentication is the system itself and may),
 * {@code approved} is a Boolean, and a rejection names its reason. A second review is never decided by the
 * auditor who gave the first ({@code firstAuditor}, null on a first review).
 */
final class DecisionRules {

    enum Refusal {
        NOT_ASSIGNEE("Only the auditor this task is assigned to may decide it"),
        NO_DECISION("'approved' (Boolean) is required"),
        REASON_REQUIRED("A rejection needs a 'reason'"),
        SAME_AUDITOR("The auditor who gave the first review may not give the second");

        final String message;

        Refusal(String message) {
            this.message = message;
        }
    }

    static final int MAX_REASON = 500;

    private DecisionRules() {
    }

    static Optional<Refusal> check(String assignee, String caller, Object approved, Object reason) {
        return check(assignee, caller, approved, reason, null);
    }

    static Optional<Refusal> check(String assignee, String caller, Object approved, Object reason,
            String firstAuditor) {
        if (caller != null && !caller.equals(assignee)) {
            return Optional.of(Refusal.NOT_ASSIGNEE);
        }
        if (firstAuditor != null && (firstAuditor.equals(assignee) || firstAuditor.equals(caller))) {
            return Optional.of(Refusal.SAME_AUDITOR);
        }
        if (!(approved instanceof Boolean decision)) {
            return Optional.of(Refusal.NO_DECISION);
        }
        if (!decision && !hasText(reason)) {
            return Optional.of(Refusal.REASON_REQUIRED);
        }
        return Optional.empty();
    }

    static boolean hasText(Object reason) {
        return reason instanceof String text && !text.isBlank();
    }
}
