package io.clipflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clipflow.ClipflowIntegrationTest;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API document tells the whole truth: every {@code /api} handler declares its errors and says what it does,
 * and every operation of {@code /v3/api-docs} documents a success and its 4xx answers as problem details with
 * their codes, with examples, under a declared tag. {@code docs/openapi.json} is the document as served (the
 * generated client is built from it): this test rewrites it when it differs, and fails so that the change is
 * committed with the code that made it.
 */
@ClipflowIntegrationTest
class ApiDocumentTest {

    static final Path COMMITTED = Path.of("docs/openapi.json");

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers;

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void everyApiHandlerDeclaresItsErrorsAndWhatItDoes() {
        List<String> undeclared = new ArrayList<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            boolean api = mapping.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"))
                    && !method.getBeanType().isAnnotationPresent(Hidden.class);
            Operation operation = method.getMethodAnnotation(Operation.class);
            if (api && (method.getMethodAnnotation(ApiErrors.class) == null || operation == null
                    || operation.summary().isBlank() || operation.description().isBlank())) {
                undeclared.add(mapping + " " + method);
            }
        });
        assertThat(undeclared).as("/api handlers without @ApiErrors or @Operation(summary, description)").isEmpty();
    }

    @Test
    void everyOperationDocumentsItsAnswersErrorsIncluded() throws Exception {
        JsonNode document = document();
        Set<String> tags = new HashSet<>();
        document.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        List<String> faults = new ArrayList<>();
        int operations = 0;
        for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) document.path("paths")::fields) {
            for (var op : (Iterable<java.util.Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                operations++;
                faults.addAll(faultsOf(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue(), tags,
                        document));
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(24);
        assertThat(faults).isEmpty();
    }

    private static List<String> faultsOf(String name, JsonNode operation, Set<String> tags, JsonNode document) {
        List<String> faults = new ArrayList<>();
        if (operation.path("description").asText().isBlank() || operation.path("summary").asText().isBlank()) {
            faults.add(name + ": no summary or description");
        }
        if (operation.path("tags").isEmpty()) {
            faults.add(name + ": no tag");
        }
        operation.path("tags").forEach(t -> {
            if (!tags.contains(t.asText())) {
                faults.add(name + ": tag " + t.asText() + " not declared");
            }
        });
        JsonNode responses = operation.path("responses");
        boolean success = false;
        for (var answer : (Iterable<java.util.Map.Entry<String, JsonNode>>) responses::fields) {
            String status = answer.getKey();
            success |= status.startsWith("2");
            JsonNode problem = answer.getValue().path("content").path("application/problem+json");
            if (status.startsWith("4") && (problem.isMissingNode() || problem.path("examples").isEmpty()
                    || problem.path("schema").path("allOf").get(1).path("properties").path("code").path("enum")
                            .isEmpty())) {
                faults.add(name + ": " + status + " is not a problem detail with its codes and examples");
            }
            JsonNode body = answer.getValue().path("content").path("application/json");
            if (!body.isMissingNode() && !hasExample(body, document)) {
                faults.add(name + ": " + status + " has no example");
            }
        }
        JsonNode request = operation.path("requestBody").path("content").path("application/json");
        if (!request.isMissingNode() && !hasExample(request, document)) {
            faults.add(name + ": its request body has no example");
        }
        if (!success || !responses.has("401") || !responses.has("400")) {
            faults.add(name + ": needs a 2xx, a 400 and a 401 answer");
        }
        return faults;
    }

    /** An example of the body itself, or of the schema it names (or of the schema of its items). */
    private static boolean hasExample(JsonNode media, JsonNode document) {
        JsonNode schema = media.path("schema").has("items") ? media.path("schema").path("items") : media.path("schema");
        if (schema.has("$ref")) {
            schema = document.at(schema.get("$ref").asText().substring(1));
        }
        return media.has("example") || media.has("examples") || schema.has("example");
    }

    private JsonNode document() throws Exception {
        String served = mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(served);
    }

    @Test
    void theCommittedDocumentIsTheServedOne() throws Exception {
        String served = json.writeValueAsString(json.treeToValue(document(), Object.class)) + "\n";
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        if (!served.equals(committed)) {
            Files.writeString(COMMITTED, served);
        }
        assertThat(committed).as("docs/openapi.json was out of date and has been rewritten: commit it")
                .isEqualTo(served);
    }
}
