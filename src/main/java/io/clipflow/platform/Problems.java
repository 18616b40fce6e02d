package io.clipflow.platform;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The one way clipflow code refuses a request: an RFC 9457 problem detail with a stable machine-readable
 * {@code code} (also the last part of its {@code type}) that clients may switch on, e.g. {@code SOLD_OUT}.
 */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException problem(HttpStatus status, String code, String detail) {
        return new ErrorResponseException(status, detail(status, code, detail), null);
    }

    /**
     * The body alone, for a hot path that answers a refusal instead of throwing it: an exception's stack trace
     * through the whole filter chain costs more than building the answer.
     */
    public static ProblemDetail detail(HttpStatus status, String code, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("urn:clipflow:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        body.setTitle(status.getReasonPhrase());
        body.setProperty("code", code);
        return body;
    }

    public static ErrorResponseException badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "BAD_REQUEST", detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", detail);
    }

    public static ErrorResponseException notFound(String what) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    public static ErrorResponseException conflict(String code, String detail) {
        return problem(HttpStatus.CONFLICT, code, detail);
    }

    public static ErrorResponseException unprocessable(String code, String detail) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, code, detail);
    }

    public static ErrorResponseException unavailable(String detail) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", detail);
    }
}
