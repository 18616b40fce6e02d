package io.clipflow.seckill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * {@code ${placeSeckillOrder}}: the process's one service task, an asynchronous job with retries, so the order is
 * written by the job executor of any node, never by the request thread. A thin adapter over
 * {@link SeckillOrders}.
 */
@Component("placeSeckillOrder")
class PlaceSeckillOrderDelegate implements JavaDelegate {

    private final SeckillOrders orders;

    PlaceSeckillOrderDelegate(SeckillOrders orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderNo = orders.place(execution.getProcessBusinessKey(),
                (String) execution.getVariable(SeckillProcess.BUYER),
                ((Number) execution.getVariable(SeckillProcess.ITEM_ID)).longValue(),
                action -> Context.getCommandContext().getTransactionContext()
                        .addTransactionListener(TransactionState.COMMITTED, context -> action.run()));
        if (orderNo != null) {
            execution.setVariable(SeckillProcess.ORDER_NO, orderNo);
        }
    }
}
