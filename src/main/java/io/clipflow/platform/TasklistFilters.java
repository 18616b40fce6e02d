package io.clipflow.platform;

/**
 * The names of the shared Tasklist filters {@link IdentitySetup} creates, for a feature that lets more groups read
 * them (the audit feature, for the groups of its pools).
 */
public final class TasklistFilters {

    /** Every audit task assigned to the signed-in user. */
    public static final String MY_AUDITS = "My audits";
    /** The open audit tasks of the {@code auditors} group, assigned or not. */
    public static final String AUDIT_POOL = "Audit pool";

    private TasklistFilters() {
    }
}
