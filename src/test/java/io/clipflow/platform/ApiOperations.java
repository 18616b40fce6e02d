package io.clipflow.platform;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations of {@code /api} as the OpenAPI document ({@code /v3/api-docs}) describes them: method, path,
 * parameters and the request body's fields with their types and limits. The hostile corpus is generated from
 * this, so an operation added to the API is covered without anyone listing it.
 */
record ApiOperations(List<Operation> all) {

    record Schema(String type, String format, Integer maxLength, Long maximum, List<String> enumValues,
            String pattern) {

        static Schema of(JsonNode node) {
            List<String> values = new ArrayList<>();
            node.path("enum").forEach(v -> values.add(v.asText()));
            return new Schema(node.path("type").asText("string"), node.path("format").asText(null),
                    node.has("maxLength") ? node.get("maxLength").asInt() : null,
                    node.has("maximum") ? node.get("maximum").asLong() : null, values,
                    node.path("pattern").asText(null));
        }

        boolean isInteger() {
            return "integer".equals(type);
        }

        boolean isInt32() {
            return isInteger() && !"int64".equals(format);
        }

        boolean isText() {
            return "string".equals(type) && enumValues.isEmpty() && !"date-time".equals(format);
        }

        /** A value the document says is right: the corpus changes one thing at a time from values like these. */
        JsonNode sample(ObjectMapper json, String name) {
            if (!enumValues.isEmpty()) {
                return json.getNodeFactory().textNode(enumValues.get(0));
            }
            return switch (type) {
                case "integer" -> json.getNodeFactory().numberNode(1);
                case "number" -> json.getNodeFactory().numberNode(1.0);
                case "boolean" -> json.getNodeFactory().booleanNode(true);
                default -> json.getNodeFactory().textNode(text(name));
            };
        }

        private String text(String name) {
            if ("date-time".equals(format)) {
                return OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.SECONDS).toString();
            }
            if (pattern == null) {
                return "hostile-" + name;
            }
            if (pattern.startsWith("https?://")) {
                return "https://videos.example/hostile.mp4";
            }
            // a key or an id: the field's name, as the pattern spells one
            return Stream.of("hostile-" + name, "hostile" + name.substring(0, 1).toUpperCase() + name.substring(1))
                    .filter(sample -> sample.matches(pattern)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No sample for pattern " + pattern + " of " + name));
        }
    }

    record Parameter(String name, String in, boolean required, Schema schema) {
    }

    record Field(String name, boolean required, Schema schema) {
    }

    record Operation(String method, String path, List<Parameter> parameters, List<Field> body) {

        boolean hasBody() {
            return body != null;
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        /** The path with every path parameter given a sample value. */
        String samplePath() {
            String concrete = path;
            for (Parameter p : in("path")) {
                concrete = concrete.replace("{" + p.name() + "}", p.schema().isInteger() ? "1" : "hostile");
            }
            return concrete;
        }

        ObjectNode sampleBody(ObjectMapper json) {
            ObjectNode node = json.createObjectNode();
            body.forEach(f -> node.set(f.name(), f.schema().sample(json, f.name())));
            return node;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static ApiOperations from(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                List<Parameter> parameters = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> parameters.add(new Parameter(p.get("name").asText(),
                        p.get("in").asText(), p.path("required").asBoolean(false), Schema.of(p.path("schema")))));
                JsonNode bodySchema = op.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), parameters,
                        bodySchema.isMissingNode() ? null : fields(document, bodySchema)));
            }
        }
        return new ApiOperations(List.copyOf(operations));
    }

    private static List<Field> fields(JsonNode document, JsonNode schema) {
        JsonNode resolved = schema;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            resolved = document.path("components").path("schemas").path(name);
        }
        List<String> required = new ArrayList<>();
        resolved.path("required").forEach(r -> required.add(r.asText()));
        List<Field> fields = new ArrayList<>();
        resolved.path("properties").fields().forEachRemaining(
                p -> fields.add(new Field(p.getKey(), required.contains(p.getKey()), Schema.of(p.getValue()))));
        return fields;
    }
}
