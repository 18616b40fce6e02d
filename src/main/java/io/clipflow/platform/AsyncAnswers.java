package io.clipflow.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Answers a request when a {@link CompletionStage} (a Redis reply) completes, written by the thread that completes
 * it, while the request thread goes back to Tomcat at once. Spring MVC's own asynchronous results
 * ({@code CompletableFuture}, {@code DeferredResult}) dispatch the request a second time through the filter chain
 * and the dispatcher to write the answer, much of a request's own work again; the seckill accept path's figures are
 * in docs/benchmarks.md, § 3. The answer is written as MVC writes a {@link ResponseEntity}: its status and headers,
 * the body by the app's JSON converter, a problem detail as {@code application/problem+json} with its
 * {@code instance}. A failed stage is answered as {@link ApiExceptionHandler} answers the same exception.
 *
 * <p>The API's security headers are written before the handler runs ({@code SecurityConfig}), so nothing on the
 * request thread touches the response once the handler has returned.
 */
@Component
public class AsyncAnswers {

    /**
     * Request attribute: a {@code CompletableFuture<Void>} done once the answer is written, for a caller in the same
     * JVM (MockMvc) that has no connection to wait on.
     */
    public static final String WRITTEN = AsyncAnswers.class.getName() + ".WRITTEN";

    private static final Logger log = LoggerFactory.getLogger(AsyncAnswers.class);

    private final HttpMessageConverters converters;

    AsyncAnswers(HttpMessageConverters converters) {
        this.converters = converters;
    }

    /**
     * Answers the request with {@code answer} once it completes. Returns {@code null}, for the handler to return:
     * a {@code null} {@link ResponseEntity} tells MVC that the handler has answered.
     */
    public <T> ResponseEntity<T> answer(HttpServletRequest request, HttpServletResponse response,
            CompletionStage<? extends ResponseEntity<?>> answer) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        request.setAttribute(WRITTEN, written);
        AsyncContext async = request.startAsync(request, response);
        answer.whenComplete((entity, failure) -> {
            try {
                write(request, response, failure == null ? entity : failed(failure));
            }
            catch (IOException | RuntimeException ex) {
                log.debug("The answer to {} was not written: {}", request.getRequestURI(), ex.toString());
            }
            finally {
                try {
                    async.complete();
                }
                finally {
                    written.complete(null);
                }
            }
        });
        return null;
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ResponseEntity<?> entity)
            throws IOException {
        response.setStatus(entity.getStatusCode().value());
        entity.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        Object body = entity.getBody();
        if (body == null) {
            return;
        }
        MediaType type = entity.getHeaders().getContentType();
        if (body instanceof ProblemDetail problem) {
            if (problem.getInstance() == null) {
                problem.setInstance(URI.create(request.getRequestURI()));
            }
            type = type != null ? type : MediaType.APPLICATION_PROBLEM_JSON;
        }
        // rendered whole first: with its length known, the answer leaves in one write when the request completes
        Rendered rendered = render(body, type != null ? type : MediaType.APPLICATION_JSON);
        response.setContentType(String.valueOf(rendered.getHeaders().getContentType()));
        response.setContentLength(rendered.body.size());
        rendered.body.writeTo(response.getOutputStream());
    }

    @SuppressWarnings("unchecked")
    private Rendered render(Object body, MediaType type) throws IOException {
        for (HttpMessageConverter<?> converter : converters.getConverters()) {
            if (converter.canWrite(body.getClass(), type)) {
                Rendered rendered = new Rendered();
                ((HttpMessageConverter<Object>) converter).write(body, type, rendered);
                return rendered;
            }
        }
        throw new IllegalStateException("No converter writes " + body.getClass() + " as " + type);
    }

    private static final class Rendered implements HttpOutputMessage {

        private final HttpHeaders headers = new HttpHeaders();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);

        @Override
        public OutputStream getBody() {
            return body;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }

    private static ResponseEntity<ProblemDetail> failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        ProblemDetail body = ApiExceptionHandler.problemFor(cause);
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
