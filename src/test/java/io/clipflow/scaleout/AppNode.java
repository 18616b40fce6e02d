package io.clipflow.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.clipflow.ClipflowApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One clipflow node: the whole app in a Spring context of its own on a free port (test profile: in-memory engine
 * and shard databases unless the properties say otherwise), spoken to over real HTTP.
 *
 * <p>Camunda keeps its engines in a static registry by name, and every node's is called "default": engine REST and
 * the webapps use whichever registered last. A test that starts nodes calls {@link #restoreEngineRegistry} when it
 * has closed them, so the suite's shared context finds its own engine again.
 */
final class AppNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private AppNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The engine registered before any node of a test started (null if none), for {@link #restoreEngineRegistry}. */
    static ProcessEngine registeredEngine() {
        return ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
    }

    static void restoreEngineRegistry(ProcessEngine before) {
        if (before != null) {
            ProcessEngines.registerProcessEngine(before);
        }
    }

    /** {@code properties} as command-line arguments: they win over every file, as on a real node. */
    static AppNode start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("server.port", "0");
        all.put("spring.profiles.active", "test");
        String[] arguments = all.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new AppNode(new SpringApplicationBuilder(ClipflowApplication.class).run(arguments));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String base() {
        return base;
    }

    /** A request to this node with HTTP Basic as {@code user} (password = user id), JSON body if any. */
    HttpResponse<String> call(String method, String path, String user, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
