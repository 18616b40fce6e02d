package io.clipflow.platform;

import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of clipflow's API as an RFC 9457 problem detail with a stable {@code code}. Spring's base class
 * covers the framework's own exceptions (unknown path, wrong method or content type, missing header), which get
 * their code from {@link FrameworkProblems}; this adds unreadable bodies, field errors, type mismatches, an
 * unreachable Redis (503) and a last resort that logs the cause and shows no stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            FrameworkProblems.complete(problem, ex);
        }
        else if (body == null && ex instanceof ErrorResponse response) {
            FrameworkProblems.complete(response.getBody(), ex);
        }
        return super.handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = FrameworkProblems.unreadable(ex);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        ProblemDetail body = ex.getBody();
        body.setDetail("Invalid request content: " + errors.stream()
                .map(e -> e.get("field") + " " + e.get("message")).toList());
        body.setProperty("code", "VALIDATION");
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getAllErrors().stream()
                .map(e -> String.valueOf(e.getDefaultMessage())).toList().toString());
        body.setProperty("code", "VALIDATION");
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        body.setProperty("code", "VALIDATION");
        return body;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '" + ex.getName() + "' has an invalid value");
        body.setProperty("code", "VALIDATION");
        return body;
    }

    // a stopped Redis shows up as a connection failure or, mid-command, as a command time-out
    @ExceptionHandler({ RedisConnectionFailureException.class, DataAccessResourceFailureException.class,
            QueryTimeoutException.class })
    ProblemDetail unavailable(Exception ex) {
        log.warn("A backing service is unavailable: {}", ex.getMessage());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "A backing service is temporarily unavailable; nothing was changed, please retry");
        body.setProperty("code", "UNAVAILABLE");
        return body;
    }

    /** The answer to an exception raised after the handler returned ({@link AsyncAnswers}). */
    static ProblemDetail problemFor(Throwable ex) {
        ApiExceptionHandler handler = new ApiExceptionHandler();
        return ex instanceof RedisConnectionFailureException || ex instanceof DataAccessResourceFailureException
                || ex instanceof QueryTimeoutException ? handler.unavailable((Exception) ex)
                : handler.unexpected(ex instanceof Exception e ? e : new IllegalStateException(ex));
    }

    /** The firewall checks parameters when they are read, so its refusal of one surfaces here. */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException ex) {
        return Problems.detail(HttpStatus.BAD_REQUEST, RejectedRequests.CODE, RejectedRequests.DETAIL);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You may not do this");
        body.setProperty("code", "FORBIDDEN");
        return body;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error in the API", ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged");
        body.setProperty("code", "INTERNAL");
        return body;
    }
}
