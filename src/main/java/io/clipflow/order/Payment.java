package io.clipflow.order;

import java.time.OffsetDateTime;

/** A payment applied to an order, recorded once per payment provider id. */
public record Payment(String paymentId, String orderNo, long amountCents, OffsetDateTime receivedAt) {
}
