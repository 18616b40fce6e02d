package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecisionRulesTest {

    @Test
    void assigneeMayApprove() {
        assertThat(DecisionRules.check("ada", "ada", true, null)).isEmpty();
    }

    @Test
    void systemWithoutAuthenticationMayDecide() {
        assertThat(DecisionRules.check("ada", null, false, "spam")).isEmpty();
    }

    @Test
    void someoneElseMayNotDecide() {
        assertThat(DecisionRules.check("ada", "bo", true, null)).contains(DecisionRules.Refusal.NOT_ASSIGNEE);
    }

    @Test
    void unassignedTaskMustBeClaimedBeforeDeciding() {
        assertThat(DecisionRules.check(null, "bo", true, null)).contains(DecisionRules.Refusal.NOT_ASSIGNEE);
    }

    @Test
    void rejectionNeedsAReason() {
        assertThat(DecisionRules.check("ada", "ada", false, null)).contains(DecisionRules.Refusal.REASON_REQUIRED);
        assertThat(DecisionRules.check("ada", "ada", false, "  ")).contains(DecisionRules.Refusal.REASON_REQUIRED);
    }

    @Test
    void approvedMustBeABoolean() {
        assertThat(DecisionRules.check("ada", "ada", null, null)).contains(DecisionRules.Refusal.NO_DECISION);
        assertThat(DecisionRules.check("ada", "ada", "yes", null)).contains(DecisionRules.Refusal.NO_DECISION);
    }
}
