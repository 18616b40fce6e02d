package io.clipflow.order;

/**
 * Names shared by {@code bpmn/order.bpmn}, its delegates and whoever correlates a payment (clients of
 * {@code POST /engine-rest/message} use the same names).
 */
final class OrderProcess {

    static final String PROCESS_KEY = "order";
    static final String PAYMENT_RECEIVED = "PaymentReceived";
    /** Process variables. */
    static final String ORDER_NO = "orderNo";
    static final String PAYMENT_TIMEOUT = "paymentTimeout";
    static final String PAYMENT_ID = "paymentId";
    static final String AMOUNT = "amount";

    private OrderProcess() {
    }
}
