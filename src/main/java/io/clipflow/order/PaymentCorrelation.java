package io.clipflow.order;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Delivers a payment to its waiting order process exactly once, however often and however concurrently the
 * provider delivers it.
 *
 * <p>The {@code payment} row (keyed by payment id, written by the PAID step in the correlating transaction)
 * is the record of truth: a delivery that finds it answers with it and correlates nothing. A delivery that
 * loses a race (optimistic locking on the process instance, the payment's primary key, or no waiting
 * subscription because the twin just consumed it, or the order row committed a moment before its process
 * instance) looks again after a short pause, and then finds the payment, the cancelled order, or correlates.
 */
@Service
class PaymentCorrelation {

    private static final Logger log = LoggerFactory.getLogger(PaymentCorrelation.class);
    private static final int ATTEMPTS = 20;

    private final RuntimeService runtime;
    private final OrderPayments payments;
    private final OrderRows orders;

    PaymentCorrelation(RuntimeService runtime, OrderPayments payments, OrderRows orders) {
        this.runtime = runtime;
        this.payments = payments;
        this.orders = orders;
    }

    /**
     * @return the payment now recorded for {@code paymentId}
     * @throws PaymentRejectedException wrong amount, cancelled or otherwise paid order, payment id reused
     * @throws IllegalStateException the payment could not be delivered after several tries (try again later)
     */
    Payment deliver(Order order, String paymentId, long amountCents) {
        RuntimeException lastRace = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Payment> recorded = payments.findPayment(paymentId);
            if (recorded.isPresent()) {
                if (!recorded.get().orderNo().equals(order.orderNo())) {
                    throw new PaymentRejectedException(PaymentRejectedException.PAYMENT_ID_REUSED,
                            "payment " + paymentId + " was applied to another order");
                }
                return recorded.get();
            }
            Order current = orders.find(order.orderNo()).orElseThrow();
            payments.check(current, amountCents);
            try {
                runtime.createMessageCorrelation(OrderProcess.PAYMENT_RECEIVED)
                        .processInstanceBusinessKey(order.orderNo())
                        .setVariables(Map.of(OrderProcess.PAYMENT_ID, paymentId, OrderProcess.AMOUNT, amountCents))
                        .correlateWithResult();
            }
            catch (OptimisticLockingException | MismatchingMessageCorrelationException
                    | DuplicateKeyException race) {
                log.debug("Payment {} for {} lost a race (attempt {}): {}", paymentId, order.orderNo(), attempt,
                        race.getMessage());
                lastRace = race;
                pause(attempt);
            }
        }
        throw new IllegalStateException("Payment " + paymentId + " could not be delivered", lastRace);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(200, 10L * attempt));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while delivering a payment", ex);
        }
    }
}
