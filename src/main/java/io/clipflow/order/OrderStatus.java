package io.clipflow.order;

/**
 * Where an order is in its life. It moves only forward, CREATED → PAID or CREATED → CANCELLED, each step
 * guarded by the status it leaves, so a repeated step changes nothing.
 */
public enum OrderStatus {

    /** placed, stock reserved, the order process waiting for {@code PaymentReceived}. */
    CREATED,

    /** the payment was applied (exactly one {@code payment} row names this order). */
    PAID,

    /** the payment did not come in time; the reserved stock went back to the item. */
    CANCELLED
}
