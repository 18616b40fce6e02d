package io.clipflow.scaleout;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser's cookie jar in front of several nodes, as behind a round-robin balancer: every request may go to any
 * node and carries every cookie any node set. Camunda's webapps want their CSRF token (the {@code XSRF-TOKEN}
 * cookie) back in a header, and an Origin of the node asked, on every changing request.
 */
final class Browser {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    HttpResponse<String> get(AppNode node, String path) {
        return send(node, request(node, path).GET());
    }

    HttpResponse<String> post(AppNode node, String path, String contentType, String body) {
        HttpRequest.Builder request = request(node, path).header("Content-Type", contentType)
                .header("Origin", node.base()).POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookies.containsKey("XSRF-TOKEN")) {
            request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        return send(node, request);
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    private HttpRequest.Builder request(AppNode node, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json, text/html");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> send(AppNode node, HttpRequest.Builder request) {
        HttpResponse<String> response = node.send(request.build());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            }
            else {
                cookies.put(name, value);
            }
        }
        return response;
    }
}
