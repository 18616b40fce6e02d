package io.clipflow.crash;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * HTTP against one incarnation of the app on 127.0.0.1, HTTP Basic with password = user id (the demo users and
 * the harness's buyers). A fresh client per incarnation: pooled connections of a killed app are dead.
 *
 * <p>A call either has an {@link Answer} or throws {@link NoAnswer}, which says whether the request may have
 * reached the app ({@code cutOff}: the connection broke or timed out after sending) or ended on a refused
 * connection. The latter is not proof that nothing arrived: the JDK client resends a request, POST included,
 * whose pooled connection closed before any answer, and the resend is what was refused; the load tells the two
 * apart by whether the app was killed before the request left.
 */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer: status, body (JSON when it parses) and when it arrived. */
    record Answer(int status, String body, JsonNode json, HttpResponse<String> response, Instant at) {

        boolean is2xx() {
            return status >= 200 && status < 300;
        }

        String text(String field) {
            JsonNode node = json.path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** The problem detail's code, or the status alone. */
        String outcome() {
            String code = text("code");
            return code == null ? String.valueOf(status) : status + " " + code;
        }

        /** A problem detail as its status, code and detail; anything else as status and (the start of) body. */
        @Override
        public String toString() {
            if (text("code") != null) {
                return status + " " + text("code") + (text("detail") == null ? "" : " \"" + text("detail") + "\"");
            }
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** No answer came. {@code cutOff}: the request may have reached the app; otherwise the last try was refused. */
    static final class NoAnswer extends Exception {

        final boolean cutOff;

        NoAnswer(boolean cutOff, String message, Throwable cause) {
            super(message, cause);
            this.cutOff = cutOff;
        }
    }

    private final HttpClient http;
    private final String base;
    private final Duration timeout;

    ApiClient(int port, Duration timeout) {
        this.base = "http://127.0.0.1:" + port;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
    }

    Answer get(String user, String path) throws NoAnswer {
        return send("GET", user, path, null, null);
    }

    Answer post(String user, String path, Object body, String idempotencyKey) throws NoAnswer {
        return send("POST", user, path, body, idempotencyKey);
    }

    Answer put(String user, String path, Object body) throws NoAnswer {
        return send("PUT", user, path, body, null);
    }

    /** For set-up and checks, where no answer is the harness's failure, not a finding. */
    Answer call(String method, String user, String path, Object body) {
        return call(method, user, path, body, null);
    }

    Answer call(String method, String user, String path, Object body, String idempotencyKey) {
        try {
            return send(method, user, path, body, idempotencyKey);
        }
        catch (NoAnswer ex) {
            throw new IllegalStateException(method + " " + path + " got no answer: " + ex.getMessage(), ex);
        }
    }

    Answer send(String method, String user, String path, Object body, String idempotencyKey) throws NoAnswer {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), parse(response.body()), response, Instant.now());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new NoAnswer(true, "interrupted", ex);
        }
        catch (IOException ex) {
            throw new NoAnswer(!refused(ex), method + " " + path + ": " + ex, ex);
        }
    }

    static String write(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        }
        catch (JsonProcessingException ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        }
        catch (JsonProcessingException ex) {
            return MissingNode.getInstance();
        }
    }

    /** The (last) connection was never made. */
    private static boolean refused(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
