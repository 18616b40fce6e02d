package io.clipflow.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys' times, under {@code clipflow.orders.*} where they have always been set (the order API issued the first
 * keys; renaming them would silently drop a deployment's settings).
 *
 * @param tokenTtl        how long an issued, unused idempotency token stays valid
 * @param responseTtl     how long the stored response of a used token is kept for replays (at least 24 h)
 * @param inFlightLease   after this long a request still "in flight" is presumed dead (its node crashed), and
 *                        the same key may run again; the order's unique source still prevents a second order
 */
@ConfigurationProperties("clipflow.orders")
record IdempotencyProperties(
        @DefaultValue("PT30M") Duration tokenTtl,
        @DefaultValue("PT24H") Duration responseTtl,
        @DefaultValue("PT30S") Duration inFlightLease) {
}
