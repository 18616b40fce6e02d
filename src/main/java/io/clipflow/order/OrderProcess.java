package io.clipflow.order;

/**
 * Names shared by {@code bpmn/order.bpmn}, its delegates and whoever correlates a payment (clients of
 * {@code POST /engine-rest/message} use the same names).
 */
public final class OrderProcess {

    public static final String PROCESS_KEY = "order";
    public static final String PAYMENT_RECEIVED = "PaymentReceived";
    /** Process variables. */
    public static final String ORDER_NO = "orderNo";
    public static final String PAYMENT_TIMEOUT = "paymentTimeout";
    public static final String PAYMENT_ID = "paymentId";
    public static final String AMOUNT = "amount";

    private OrderProcess() {
    }
}
