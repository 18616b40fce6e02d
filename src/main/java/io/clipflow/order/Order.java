package io.clipflow.order;

import java.time.OffsetDateTime;

/**
 * An order as stored. {@code source} is what asked for it (an idempotency key, a seckill attempt id): one order
 * per source, ever.
 */
public record Order(String orderNo, String buyer, long itemId, int quantity, long amountCents, OrderStatus status,
        String source, String paymentId, OffsetDateTime createdAt, OffsetDateTime paidAt,
        OffsetDateTime cancelledAt) {
}
