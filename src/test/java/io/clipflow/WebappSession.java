package io.clipflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A signed-in session of one of Camunda's webapps over plain HTTP, as the browser has it: the session cookie, and
 * the CSRF token the webapps hand out as a cookie and want back in a header on every change. Calls go to the
 * webapps' own REST application ({@code /camunda/api/engine/engine/default/...}), the one Tasklist and Cockpit use.
 */
public final class WebappSession {

    private final String base;
    /** Kept by hand: the JDK's cookie manager does not send cookies set by "localhost". */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private WebappSession(String base) {
        this.base = base;
    }

    /** Signs {@code user} (password = user id) into {@code app} ("tasklist", "cockpit", "admin"). */
    public static WebappSession signIn(int port, String app, String user) {
        WebappSession session = new WebappSession("http://localhost:" + port);
        session.send(HttpRequest.newBuilder(session.uri("/camunda/app/" + app + "/default/")).GET());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> login = session.send(session.changing("/camunda/api/admin/auth/user/default/login/" + app)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (login.statusCode() != 200) {
            throw new IllegalStateException(user + " could not sign into " + app + ": " + login.statusCode());
        }
        // signing in starts a new session, whose CSRF token comes with its first page
        session.send(HttpRequest.newBuilder(session.uri("/camunda/app/" + app + "/default/")).GET());
        return session;
    }

    /** POSTs JSON to the webapps' engine REST, {@code path} after {@code /camunda/api/engine/engine/default}. */
    public HttpResponse<String> postJson(String path, String json) {
        return send(changing("/camunda/api/engine/engine/default" + path).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder changing(String path) {
        return HttpRequest.newBuilder(uri(path)).header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String[] pair = set.split(";", 2)[0].split("=", 2);
                cookies.put(pair[0].strip(), pair.length > 1 ? pair[1] : "");
            }
            return response;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
