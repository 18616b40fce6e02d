package io.clipflow.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}), which answers whatever failed outside a controller: a filter's
 * exception, a status the container set. Spring Boot's page answers its own JSON (or HTML); this answers the same
 * problem detail as {@code /api} does, on every path, with the code of the status and never the cause.
 */
@RestController
class ErrorProblems implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorProblems.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        ProblemDetail body;
        if (cause instanceof RequestRejectedException) {
            body = Problems.detail(HttpStatus.BAD_REQUEST, RejectedRequests.CODE, RejectedRequests.DETAIL);
        }
        else {
            if (status >= 500) {
                log.error("Unexpected error outside the API's controllers at {}",
                        request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), (Throwable) cause);
            }
            body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail(status));
            FrameworkProblems.complete(body, null);
        }
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    static String detail(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            return "The request failed";
        }
        return switch (known) {
            case NOT_FOUND -> "There is nothing at this path";
            case BAD_REQUEST -> "The request could not be read";
            case INTERNAL_SERVER_ERROR -> "An unexpected error occurred; it has been logged";
            default -> known.getReasonPhrase();
        };
    }
}
