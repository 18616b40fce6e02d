package io.clipflow.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clipflow.orders.*} (the idempotency keys' times under the same prefix belong to the idempotency module).
 *
 * @param paymentTimeout  ISO-8601 duration an order waits for its payment before it is cancelled
 * @param maxPageSize     the largest page {@code GET /api/orders} serves
 */
@ConfigurationProperties("clipflow.orders")
record OrderProperties(
        @DefaultValue("PT15M") Duration paymentTimeout,
        @DefaultValue("100") int maxPageSize) {
}
