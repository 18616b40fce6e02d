package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.platform.ApiOperations.Operation;
import io.clipflow.platform.HostileCases.Case;
import io.clipflow.platform.HostileCases.Category;
import jakarta.validation.Validator;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile input over every {@code /api} operation of the OpenAPI document ({@link HostileCases}), sent over real
 * HTTP to the running app: each request must get its 4xx as an RFC 9457 problem detail with a stable code, no stack
 * trace, and must leave every clipflow table, the engine's instances, users and variables, and Redis's keys as they
 * were ({@link StoredState}).
 */
@ClipflowIntegrationTest
class HostileInputCorpusTest {

    /** In creators, buyers and ops: past the group checks of every operation but the auditors'. */
    static final String CALLER = "hostileinput";

    @LocalServerPort
    int port;

    @Autowired
    ShardDatabases shards;

    @Autowired
    @Qualifier("camundaBpmDataSource")
    DataSource engine;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    IdentityService identity;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Autowired
    RequestMappingHandlerAdapter adapter;

    @Autowired
    Validator validator;

    @Autowired
    ObjectMapper json;

    StoredState.Camera camera;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesHostileInputAndStoresNothing() throws Exception {
        ApiOperations api = ApiOperations.from(json.readTree(send("GET", "/v3/api-docs", null, List.of(), null)
                .body()));
        assertThat(api.all()).as("operations in the OpenAPI document").hasSizeGreaterThanOrEqualTo(20);
        api.all().stream().filter(Operation::hasBody).forEach(this::sampleBodyBindsAndValidates);
        List<Case> cases = HostileCases.of(api, json);
        assertThat(cases.stream().map(Case::operation).distinct()).as("every operation has cases")
                .hasSameSizeAs(api.all());
        assertThat(cases.stream().map(Case::category).collect(Collectors.toSet()))
                .containsAll(EnumSet.allOf(Category.class));
        createCaller();
        camera = new StoredState.Camera(shards, engine, redis);
        awaitQuiet();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> refused(c)));
    }

    private void refused(Case c) throws Exception {
        StoredState before = camera.take();
        HttpResponse<String> response = send(c.operation().method(), c.path(), c.body(),
                c.headers().entrySet().stream().flatMap(h -> Stream.of(h.getKey(), h.getValue())).toList(),
                caller(c.operation()));
        StoredState after = camera.take();

        String answer = c.name() + " -> " + response.statusCode() + " " + response.body();
        assertThat(c.statuses()).as(answer).contains(response.statusCode());
        assertThat(response.headers().firstValue("Content-Type")).as(answer).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).as(answer).isEqualTo(response.statusCode());
        assertThat(problem.path("title").asText()).as(answer).isNotBlank();
        assertThat(problem.path("code").asText()).as(answer).matches("[A-Z][A-Z_]+");
        if (!c.codes().isEmpty()) {
            assertThat(c.codes()).as(answer).contains(problem.path("code").asText());
        }
        assertThat(response.body()).as("no internals").doesNotContain("Exception", "at io.clipflow", "at org.");
        assertThat(before.changesTo(after)).as("nothing stored by " + c.name()).isEmpty();
    }

    /**
     * The corpus changes one thing at a time from the document's sample body, so the sample itself must pass the
     * handler's binding and validation, or every case would be refused for the wrong reason.
     */
    private void sampleBodyBindsAndValidates(Operation op) {
        HandlerMethod handler = handlers.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getKey().getMethodsCondition().getMethods().stream()
                        .anyMatch(m -> m.name().equals(op.method())))
                .filter(e -> e.getKey().getPatternValues().contains(op.path()))
                .map(java.util.Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError(op + " has no handler"));
        MethodParameter body = Arrays.stream(handler.getMethodParameters())
                .filter(p -> p.hasParameterAnnotation(RequestBody.class)).findFirst().orElseThrow();
        ObjectMapper strict = adapter.getMessageConverters().stream()
                .filter(MappingJackson2HttpMessageConverter.class::isInstance)
                .map(c -> ((MappingJackson2HttpMessageConverter) c).getObjectMapper()).findFirst().orElseThrow();
        try {
            Object request = strict.readValue(op.sampleBody(json).toString(), body.getParameterType());
            assertThat(validator.validate(request)).as("violations of the sample body of " + op).isEmpty();
        }
        catch (IOException ex) {
            throw new AssertionError("the sample body of " + op + " does not bind", ex);
        }
    }

    private String caller(Operation op) {
        return op.path().startsWith("/api/audits") ? "auditor1" : CALLER;
    }

    private void createCaller() {
        TestUsers.member(identity, CALLER, ClipflowGroups.CREATORS, ClipflowGroups.BUYERS, ClipflowGroups.OPS);
    }

    /** Work other tests left running (attempts to drain, redo rows to clean up) settles before counting. */
    private void awaitQuiet() {
        StoredState[] last = { camera.take() };
        Awaitility.await("stored state settles").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    StoredState now = camera.take();
                    boolean same = last[0].changesTo(now).isEmpty() && now.changesTo(last[0]).isEmpty();
                    last[0] = now;
                    return same;
                });
    }

    private HttpResponse<String> send(String method, String path, byte[] body, List<String> headers, String user)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (!headers.isEmpty()) {
            request.headers(headers.toArray(String[]::new));
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
