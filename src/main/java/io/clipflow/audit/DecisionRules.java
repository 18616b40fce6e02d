package io.clipflow.audit;

import java.util.Optional;

/**
 * What makes an audit decision acceptable, whichever way it arrives (clipflow's API, engine REST, Tasklist):
 * only the task's assignee decides (a caller without engine authentication is the system itself and may),
 * {@code approved} is a Boolean, and a rejection names its reason.
 */
final class DecisionRules {

    enum Refusal {
        NOT_ASSIGNEE("Only the auditor this task is assigned to may decide it"),
        NO_DECISION("'approved' (Boolean) is required"),
        REASON_REQUIRED("A rejection needs a 'reason'");

        final String message;

        Refusal(String message) {
            this.message = message;
        }
    }

    static final int MAX_REASON = 500;

    private DecisionRules() {
    }

    static Optional<Refusal> check(String assignee, String caller, Object approved, Object reason) {
        if (caller != null && !caller.equals(assignee)) {
            return Optional.of(Refusal.NOT_ASSIGNEE);
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
