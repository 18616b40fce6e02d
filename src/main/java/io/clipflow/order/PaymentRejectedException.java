package io.clipflow.order;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A payment that must not be applied: the wrong amount, an order already paid by another payment or cancelled,
 * or a payment id already used for another order. Thrown inside the correlation, it rolls the correlation back,
 * so the order process keeps waiting (or stays ended) exactly as before. A {@link BadUserRequestException}, so
 * that a correlation through {@code POST /engine-rest/message} answers 400 with this message, not 500.
 */
class PaymentRejectedException extends BadUserRequestException {

    static final String WRONG_AMOUNT = "WRONG_AMOUNT";
    static final String ORDER_CANCELLED = "ORDER_CANCELLED";
    static final String ALREADY_PAID = "ALREADY_PAID";
    static final String PAYMENT_ID_REUSED = "PAYMENT_ID_REUSED";

    private final String code;

    PaymentRejectedException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
