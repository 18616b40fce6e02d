package io.clipflow.seckill;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule of the seckill process's steps, without the engine: place the order of an accepted attempt, or give
 * its unit back when that finally fails.
 */
class SeckillOrders {

    /** Places one unit's order for a source, idempotently (the order book in the app). */
    @FunctionalInterface
    interface OrderPlacer {
        /** @return the order number, the same one for the same source however often it is asked */
        String place(String buyer, long itemId, int quantity, String source);
    }

    private static final Logger log = LoggerFactory.getLogger(SeckillOrders.class);

    private final Attempts attempts;
    private final OrderPlacer orders;

    SeckillOrders(Attempts attempts, OrderPlacer orders) {
        this.attempts = attempts;
        this.orders = orders;
    }

    /**
     * Places the attempt's order (with the guarded database stock decrement), unless the attempt failed already
     * and gave its unit back: then nothing may be sold for it (an operator retrying the step in Cockpit after the
     * failure ends the process here). The attempt is marked SUCCEEDED only after the order committed
     * ({@code afterCommit}), so a buyer never sees an order number that a rollback took back.
     *
     * @return the order number, or null if nothing was placed
     */
    String place(String attemptId, String buyer, long itemId, Consumer<Runnable> afterCommit) {
        Attempts.Status status = attempts.find(attemptId).map(Attempts.Attempt::status).orElse(null);
        if (status == Attempts.Status.FAILED) {
            log.info("Seckill attempt {} failed before and released its unit; no order placed", attemptId);
            return null;
        }
        String orderNo = orders.place(buyer, itemId, 1, SeckillKeys.orderSource(attemptId));
        afterCommit.accept(() -> attempts.markSucceeded(attemptId, orderNo));
        return orderNo;
    }

    /** The last retry failed: the attempt is FAILED with the reason and its unit is on sale again. */
    void giveUp(String attemptId, String reason) {
        String shortReason = reason == null || reason.isBlank() ? "The order could not be created" : reason;
        if (shortReason.length() > 300) {
            shortReason = shortReason.substring(0, 300);
        }
        if (attempts.markFailed(attemptId, shortReason)) {
            log.warn("Seckill attempt {} FAILED after its retries, unit released: {}", attemptId, shortReason);
        }
    }
}
