package io.clipflow.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clipflow.orders.*}.
 *
 * @param tokenTtl        how long an issued, unused idempotency token stays valid
 * @param responseTtl     how long the stored response of a used token is kept for replays (at least 24 h)
 * @param inFlightLease   after this long a request still "in flight" is presumed dead (its node crashed), and
 *                        the same key may run again; the order's unique source still prevents a second order
 * @param paymentTimeout  ISO-8601 duration an order waits for its payment before it is cancelled
 * @param maxPageSize     the largest page {@code GET /api/orders} serves
 */
@ConfigurationProperties("clipflow.orders")
record OrderProperties(
        @DefaultValue("PT30M") Duration tokenTtl,
        @DefaultValue("PT24H") Duration responseTtl,
        @DefaultValue("PT30S") Duration inFlightLease,
        @DefaultValue("PT15M") Duration paymentTimeout,
        @DefaultValue("100") int maxPageSize) {
}
