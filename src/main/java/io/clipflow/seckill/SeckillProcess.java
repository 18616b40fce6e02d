package io.clipflow.seckill;

/** Names shared by {@code bpmn/seckill.bpmn}, the drainer that starts it and its delegate. */
final class SeckillProcess {

    static final String PROCESS_KEY = "seckill";
    static final String ATTEMPT_ACCEPTED = "SeckillAttemptAccepted";
    static final String PLACE_ORDER_ACTIVITY = "placeSeckillOrder";
    /** Process variables. */
    static final String ATTEMPT_ID = "attemptId";
    static final String EVENT_ID = "eventId";
    static final String ITEM_ID = "itemId";
    static final String BUYER = "buyer";
    static final String RETRY_CYCLE = "retryCycle";
    static final String ORDER_NO = "orderNo";

    private SeckillProcess() {
    }
}
