package io.clipflow.audit;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long an audit may wait before it is handed to another auditor ({@code clipflow.audit.overdue-after},
 * default PT24H). The BPMN timer reads {@code ${auditOverdue.cycle}}: a repeating cycle, so a task that is
 * overdue again with its next auditor moves on again. Read when the timer is created: a changed setting applies
 * to audit tasks created after it. Public because the expression language reads properties of public classes only.
 */
@Component("auditOverdue")
public class AuditOverdue {

    private final Duration after;

    public AuditOverdue(@Value("${clipflow.audit.overdue-after:PT24H}") Duration after) {
        if (after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("clipflow.audit.overdue-after must be positive, was " + after);
        }
        this.after = after;
    }

    public String getCycle() {
        return "R/" + after;
    }

    public Duration getAfter() {
        return after;
    }
}
