package io.clipflow.order;

/**
 * The order cannot be placed for a business reason the buyer can see ({@link #UNKNOWN_ITEM},
 * {@link #OUT_OF_STOCK}); nothing was written. Callers such as the seckill process decide what it means for them.
 */
public class OrderRefusedException extends RuntimeException {

    public static final String UNKNOWN_ITEM = "UNKNOWN_ITEM";
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";

    private final String code;

    OrderRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** {@link #UNKNOWN_ITEM} or {@link #OUT_OF_STOCK}. */
    public String code() {
        return code;
    }
}
