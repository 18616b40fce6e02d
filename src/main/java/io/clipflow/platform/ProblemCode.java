package io.clipflow.platform;

import org.springframework.http.HttpStatus;

/**
 * Every {@code code} an {@code /api} problem detail may carry, with the status it comes with and what it means:
 * the API document's error answers are written from this ({@link ApiErrors}), so a client learns each code
 * from the document. A code a feature raises belongs here before an operation can declare it.
 */
public enum ProblemCode {

    // any operation
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "No HTTP Basic login, or a wrong user or password"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "The caller's groups (or the task's assignee) do not allow this call"),
    REJECTED_REQUEST(HttpStatus.BAD_REQUEST, "A path or parameter the firewall refuses (dot segments, encoded "
            + "slashes, control characters)"),
    VALIDATION(HttpStatus.BAD_REQUEST, "A parameter or field outside its limits, or a required field missing"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "A backing service (Redis) is unavailable; nothing was changed"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Nothing with this id, or nothing the caller may see"),

    // operations with a JSON body
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "The body is not well-formed JSON, has a duplicated key or more after it"),
    INVALID_BODY(HttpStatus.BAD_REQUEST, "The body is not a JSON object"),
    MISSING_BODY(HttpStatus.BAD_REQUEST, "The body is empty or null"),
    INVALID_FIELD(HttpStatus.BAD_REQUEST, "A field of the wrong type or past its type's range (named in detail)"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is not application/json"),

    // features
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "The request contradicts itself (e.g. a sale ending before it starts)"),
    WORD_EXISTS(HttpStatus.CONFLICT, "The word is in the library already"),
    IMPORT_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "An import of more words than one import takes"),
    IMPORT_REJECTED(HttpStatus.UNPROCESSABLE_ENTITY, "Lines of an import that are no library word; nothing imported"),
    IMPORT_CONFLICT(HttpStatus.CONFLICT, "A word of the import was added meanwhile; nothing imported"),
    ALREADY_DECIDED(HttpStatus.CONFLICT, "The video's audit was decided already"),
    NOT_AWAITING_AUDIT(HttpStatus.CONFLICT, "The video has no open audit task"),
    NO_DECISION(HttpStatus.BAD_REQUEST, "'approved' is missing"),
    REASON_REQUIRED(HttpStatus.BAD_REQUEST, "A rejection without a reason"),
    SAME_AUDITOR(HttpStatus.FORBIDDEN, "The auditor who gave a four-eyes video's first review may not give the second"),
    UNKNOWN_CATEGORY(HttpStatus.BAD_REQUEST, "No category with this key (GET /api/categories lists them)"),
    GROUP_NOT_FOR_AUDIT(HttpStatus.BAD_REQUEST, "The group's members may not audit videos (creators, buyers)"),
    CONCURRENT_CHANGE(HttpStatus.CONFLICT, "The same thing was created at the same moment; retry"),
    IDEMPOTENCY_KEY_MISSING(HttpStatus.BAD_REQUEST, "No Idempotency-Key header"),
    IDEMPOTENCY_KEY_INVALID(HttpStatus.UNPROCESSABLE_ENTITY, "The Idempotency-Key is unknown, expired or "
            + "another user's"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "The Idempotency-Key was used for a different request"),
    IDEMPOTENCY_KEY_IN_FLIGHT(HttpStatus.CONFLICT, "The first request with this Idempotency-Key is still running"),
    UNKNOWN_ITEM(HttpStatus.UNPROCESSABLE_ENTITY, "No item with this id"),
    OUT_OF_STOCK(HttpStatus.CONFLICT, "The item has fewer units than ordered"),
    NOT_ENOUGH_STOCK(HttpStatus.UNPROCESSABLE_ENTITY, "The item has fewer units than the sale offers"),
    WRONG_AMOUNT(HttpStatus.UNPROCESSABLE_ENTITY, "The payment's amount is not the order's"),
    PAYMENT_ID_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "The payment id paid another order"),
    ORDER_CANCELLED(HttpStatus.CONFLICT, "The order was cancelled (unpaid in time)"),
    ALREADY_PAID(HttpStatus.CONFLICT, "The order was paid by another payment"),
    SOLD_OUT(HttpStatus.CONFLICT, "Every unit of the sale is taken"),
    ALREADY_PURCHASED(HttpStatus.CONFLICT, "The buyer has a unit of this sale already"),
    NOT_OPEN(HttpStatus.CONFLICT, "The sale has not started"),
    CLOSED(HttpStatus.CONFLICT, "The sale is over");

    private final HttpStatus status;
    private final String meaning;

    ProblemCode(HttpStatus status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    public HttpStatus status() {
        return status;
    }

    public String meaning() {
        return meaning;
    }
}
