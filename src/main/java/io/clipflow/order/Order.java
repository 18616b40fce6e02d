package io.clipflow.order;

import java.time.OffsetDateTime;

/**
 * An order as stored in {@code orders}.
 *
 * @param orderNo     the business key of its {@code order} process, e.g. {@code O20261123K7QF2M9XWA}
 * @param buyer       the user id that placed it
 * @param amountCents item price at the time of placing × quantity; a payment must match it exactly
 * @param source      what asked for it ({@code key:<idempotency key>}, {@code seckill:<attempt id>}); unique,
 *                    so one source never yields two orders
 * @param paymentId   the payment that paid it, once {@link OrderStatus#PAID}
 */
public record Order(String orderNo, String buyer, long itemId, int quantity, long amountCents, OrderStatus status,
        String source, String paymentId, OffsetDateTime createdAt, OffsetDateTime paidAt,
        OffsetDateTime cancelledAt) {
}
