package io.clipflow.order;

/** Where an order is in its life: awaiting payment, paid, or cancelled because the payment never came. */
public enum OrderStatus {
    CREATED, PAID, CANCELLED
}
