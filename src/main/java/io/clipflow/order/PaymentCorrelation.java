package io.clipflow.order;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.clipflow.order.OrderPayments.Payment;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Delivers a payment to its waiting order process exactly once, however often and however concurrently the
 * provider delivers it.
 *
 * <p>The {@code payment} row (keyed by payment id, written by the PAID step in the correlating transaction)
 * is the record of truth: a delivery that finds it answers with it and correlates nothing. Concurrent
 * deliveries of one payment id first meet at a short Redis gate (SET NX), so normally one correlates and
 * the others wait for its row. Without Redis, or past the gate, a delivery that loses a race (optimistic
 * locking, the payment's primary key or a lock wait on it, no subscription because a twin consumed it or
 * because the order row committed a moment before its process instance) looks again after a short pause.
 */
@Service
class PaymentCorrelation {

    private static final Logger log = LoggerFactory.getLogger(PaymentCorrelation.class);
    private static final int ATTEMPTS = 20;
    private static final Duration GATE = Duration.ofSeconds(10);

    private final RuntimeService runtime;
    private final OrderPayments payments;
    private final OrderRows orders;
    private final StringRedisTemplate redis;

    PaymentCorrelation(RuntimeService runtime, OrderPayments payments, OrderRows orders, StringRedisTemplate redis) {
        this.runtime = runtime;
        this.payments = payments;
        this.orders = orders;
        this.redis = redis;
    }

    /**
     * @return the payment now recorded for {@code paymentId}
     * @throws PaymentRejectedException wrong amount, cancelled or otherwise paid order, payment id reused
     * @throws IllegalStateException the payment could not be delivered after several tries (try again later)
     */
    Payment deliver(Order order, String paymentId, long amountCents) {
        String gate = "clipflow:payment-gate:" + paymentId;
        boolean passed = enterGate(gate);
        try {
            if (!passed) {
                Optional<Payment> twins = awaitTwin(paymentId, gate);
                if (twins.isPresent()) {
                    return recorded(twins.get(), order);
                }
            }
            return correlate(order, paymentId, amountCents);
        }
        finally {
            if (passed) {
                leaveGate(gate);
            }
        }
    }

    private Payment correlate(Order order, String paymentId, long amountCents) {
        RuntimeException lastRace = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Payment> recorded = payments.findPayment(paymentId);
            if (recorded.isPresent()) {
                return recorded(recorded.get(), order);
            }
            payments.check(orders.find(order.orderNo()).orElseThrow(), amountCents);
            try {
                runtime.createMessageCorrelation(OrderProcess.PAYMENT_RECEIVED)
                        .processInstanceBusinessKey(order.orderNo())
                        .setVariables(Map.of(OrderProcess.PAYMENT_ID, paymentId, OrderProcess.AMOUNT, amountCents))
                        .correlateWithResult();
            }
            catch (OptimisticLockingException | MismatchingMessageCorrelationException | DuplicateKeyException
                    | TransientDataAccessException race) {
                log.debug("Payment {} for {} lost a race (attempt {}): {}", paymentId, order.orderNo(), attempt,
                        race.getMessage());
                lastRace = race;
                pause(Math.min(200, 10L * attempt));
            }
        }
        throw new IllegalStateException("Payment " + paymentId + " could not be delivered", lastRace);
    }

    private static Payment recorded(Payment payment, Order order) {
        if (!payment.orderNo().equals(order.orderNo())) {
            throw new PaymentRejectedException(PaymentRejectedException.PAYMENT_ID_REUSED,
                    "payment " + payment.paymentId() + " was applied to another order");
        }
        return payment;
    }

    /** Waits for the delivery holding the gate; empty if it left without a payment (refused) or is slow. */
    private Optional<Payment> awaitTwin(String paymentId, String gate) {
        for (int i = 0; i < 200; i++) {
            Optional<Payment> recorded = payments.findPayment(paymentId);
            if (recorded.isPresent() || !gateHeld(gate)) {
                return recorded.or(() -> payments.findPayment(paymentId));
            }
            pause(25);
        }
        return Optional.empty();
    }

    private boolean gateHeld(String gate) {
        try {
            return Boolean.TRUE.equals(redis.hasKey(gate));
        }
        catch (DataAccessException redisAway) {
            return false;
        }
    }

    /** True if this delivery may go first; also true when Redis is away (the database still decides). */
    private boolean enterGate(String gate) {
        try {
            return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(gate, "1", GATE));
        }
        catch (DataAccessException redisAway) {
            return true;
        }
    }

    private void leaveGate(String gate) {
        try {
            redis.delete(gate);
        }
        catch (DataAccessException redisAway) {
            // it expires on its own
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while delivering a payment", ex);
        }
    }
}
