package io.clipflow.seckill;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * The engine's own "failed job" incident handler, plus: when the job of the seckill order step has used its
 * last retry, the attempt is marked FAILED and its unit released. The engine calls this exactly when the retries
 * run out, so no retry counting is needed anywhere; the incident is still created as usual and shows in
 * Cockpit (with the exception message) until an operator resolves it. Retrying it there ends the process
 * without an order, because the unit is gone.
 */
class FailedAttemptIncidentHandler extends DefaultIncidentHandler {

    private final Supplier<SeckillOrders> orders;

    /** {@code orders} is looked up when needed: the engine is built before the beans that place orders. */
    FailedAttemptIncidentHandler(Supplier<SeckillOrders> orders) {
        super(Incident.FAILED_JOB_HANDLER_TYPE);
        this.orders = orders;
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
        Incident incident = super.handleIncident(context, message);
        if (SeckillProcess.PLACE_ORDER_ACTIVITY.equals(context.getActivityId()) && context.getExecutionId() != null) {
            ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
                    .findExecutionById(context.getExecutionId());
            if (execution != null && SeckillProcess.PROCESS_KEY.equals(processKey(execution))) {
                orders.get().giveUp(execution.getProcessBusinessKey(), message);
            }
        }
        return incident;
    }

    private static String processKey(ExecutionEntity execution) {
        return execution.getProcessDefinition() == null ? null : execution.getProcessDefinition().getKey();
    }
}
