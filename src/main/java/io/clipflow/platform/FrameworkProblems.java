package io.clipflow.platform;

import java.net.URI;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Stable codes for the problems the framework raises (the features' own refusals name theirs through
 * {@link Problems}), and readable answers for a body that cannot be read: which field, what it must be, and never
 * the value sent (it may be megabytes, or a control character).
 */
final class FrameworkProblems {

    private FrameworkProblems() {
    }

    /** Gives a problem a {@code code} if it has none, and a {@code type} that names the code. */
    static void complete(ProblemDetail problem, Exception cause) {
        Object known = problem.getProperties() == null ? null : problem.getProperties().get("code");
        String code = known instanceof String given ? given : codeOf(cause, problem.getStatus());
        problem.setProperty("code", code);
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            problem.setType(URI.create("urn:clipflow:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        }
    }

    static String codeOf(Exception cause, int status) {
        if (cause instanceof NoResourceFoundException) {
            return "NOT_FOUND";
        }
        if (cause instanceof HttpMediaTypeNotSupportedException) {
            return "UNSUPPORTED_MEDIA_TYPE";
        }
        if (cause instanceof HttpMediaTypeNotAcceptableException) {
            return "NOT_ACCEPTABLE";
        }
        if (cause instanceof HttpRequestMethodNotSupportedException) {
            return "METHOD_NOT_ALLOWED";
        }
        if (cause instanceof MissingRequestHeaderException) {
            return "MISSING_HEADER";
        }
        if (cause instanceof MissingServletRequestParameterException) {
            return "MISSING_PARAMETER";
        }
        return byStatus(status);
    }

    /** The code of a status alone: its name, e.g. {@code NOT_FOUND}, {@code PAYLOAD_TOO_LARGE}. */
    static String byStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? (HttpStatusCode.valueOf(status).is4xxClientError() ? "BAD_REQUEST" : "INTERNAL")
                : known.name();
    }

    static ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        InputCoercionException outOfRange = outOfRange(cause);
        if (outOfRange != null) {
            String field = cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    ? path(mapping) : null;
            return Problems.detail(HttpStatus.BAD_REQUEST, "INVALID_FIELD", (field == null ? "A number"
                    : "Field '" + field + "'") + " is out of range for " + outOfRange.getTargetType().getSimpleName());
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return Problems.detail(HttpStatus.BAD_REQUEST, "INVALID_FIELD",
                    "Field '" + path(mismatch) + "' " + expectation(mismatch.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getMessage().startsWith("No content")) {
            return Problems.detail(HttpStatus.BAD_REQUEST, "MISSING_BODY", "The request needs a JSON body");
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getMessage().startsWith("Trailing token")) {
            return Problems.detail(HttpStatus.BAD_REQUEST, "MALFORMED_JSON",
                    "The body has more after its JSON value");
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return Problems.detail(HttpStatus.BAD_REQUEST, "INVALID_BODY", "The body must be a JSON object");
        }
        if (cause instanceof JsonProcessingException json) {
            return Problems.detail(HttpStatus.BAD_REQUEST, "MALFORMED_JSON",
                    "The body is not well-formed JSON: " + json.getOriginalMessage().lines().findFirst().orElse(""));
        }
        return Problems.detail(HttpStatus.BAD_REQUEST, "MISSING_BODY", "The request needs a JSON body");
    }

    private static InputCoercionException outOfRange(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof InputCoercionException coercion) {
                return coercion;
            }
        }
        return null;
    }

    private static String path(JsonMappingException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has a value of the wrong type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text without control characters";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date-time with an offset, e.g. 2030-01-01T10:00:00Z";
        }
        return "must be a " + type.getSimpleName();
    }
}
