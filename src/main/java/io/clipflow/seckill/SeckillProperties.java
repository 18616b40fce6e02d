package io.clipflow.seckill;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clipflow.seckill.*}.
 *
 * @param retryCycle       how the order step is retried before the attempt fails (Camunda retry time cycle)
 * @param drainInterval    how often each node drains accepted attempts into order processes
 * @param drainBatch       at most this many attempts per drain
 * @param redeliverAfter   an attempt taken by a node but not started this long is taken over by another node
 * @param reconcileInterval how often the reconciliation job compares Redis with the orders
 * @param reconcileAfterStart how soon after start the first comparison runs (a node that died may have left
 *                         Redis behind the database)
 * @param reconcileWindow  events that ended less than this long ago are still reconciled on schedule
 * @param replayTtl        how long a spent token answers replays of its attempt
 * @param attemptTtl       how long an attempt's status stays readable
 */
@ConfigurationProperties("clipflow.seckill")
record SeckillProperties(
        @DefaultValue("R3/PT1S") String retryCycle,
        @DefaultValue("PT0.1S") Duration drainInterval,
        @DefaultValue("100") int drainBatch,
        @DefaultValue("PT15S") Duration redeliverAfter,
        @DefaultValue("PT1M") Duration reconcileInterval,
        @DefaultValue("PT5S") Duration reconcileAfterStart,
        @DefaultValue("PT1H") Duration reconcileWindow,
        @DefaultValue("PT24H") Duration replayTtl,
        @DefaultValue("P7D") Duration attemptTtl) {
}
