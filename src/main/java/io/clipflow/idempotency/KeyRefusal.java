package io.clipflow.idempotency;

import io.clipflow.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What every API that takes an {@code Idempotency-Key} answers about the key itself, in the same words: the order
 * API ({@link IdempotentRequests}) and the seckill accept path, which spends its key inside its own script
 * ({@link KeySpendingScripts}).
 */
public enum KeyRefusal {

    /** 400: no key was sent. */
    MISSING(HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_MISSING",
            "Send an Idempotency-Key header (POST /api/orders/tokens issues one)"),
    /** 422: unknown, expired or someone else's key (the three look alike on purpose). */
    INVALID(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_INVALID",
            "This Idempotency-Key is unknown, expired or not yours; ask POST /api/orders/tokens for a new one"),
    /** 422: the key was used for a different request. */
    REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
            "This Idempotency-Key was used for a different request"),
    /** 409: the first request with this key is still running. */
    IN_FLIGHT(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_FLIGHT",
            "A request with this Idempotency-Key is still being processed; retry shortly");

    /** Longer than any key this module issues: refused without asking Redis. */
    static final int MAX_LENGTH = 100;

    private final HttpStatus status;
    private final String code;
    private final String message;

    KeyRefusal(HttpStatus status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    /** {@link #MISSING} or {@link #INVALID} for a header no key could match; null if the key is worth looking up. */
    public static KeyRefusal beforeLookup(String key) {
        if (key == null || key.isBlank()) {
            return MISSING;
        }
        return key.length() > MAX_LENGTH ? INVALID : null;
    }

    /** The refusal to throw. */
    public ErrorResponseException exception() {
        return Problems.problem(status, code, message);
    }

    /** The refusal's body alone, for a hot path that answers instead of throwing. */
    public ProblemDetail detail() {
        return Problems.detail(status, code, message);
    }
}
