package io.clipflow.platform;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/** The RFC 9457 problem detail every {@code /api} error is, as the API document's {@code Problem} schema. */
final class ProblemSchema {

    static final String NAME = "Problem";
    static final String REF = "#/components/schemas/" + NAME;

    private ProblemSchema() {
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    static Schema<?> schema() {
        StringSchema code = new StringSchema();
        code.description("Stable and machine-readable: switch on this, not on the text");
        Arrays.stream(ProblemCode.values()).forEach(c -> code.addEnumItem(c.name()));
        Schema fieldError = new ObjectSchema().addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        Schema importLine = new ObjectSchema().addProperty("number", new IntegerSchema().format("int32"))
                .addProperty("reason", new StringSchema()).addProperty("text", new StringSchema());
        Schema problem = new ObjectSchema()
                .description("An RFC 9457 problem detail with clipflow's stable code")
                .addProperty("type", new StringSchema().format("uri").description("urn:clipflow:problem:<code>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema().description("For people; never echoes the value sent"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("code", code)
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("With VALIDATION: each field and what is wrong with it"))
                // RFC 9457's extension members, the import's report of what was wrong
                .addProperty("rejected", new IntegerSchema().format("int32")
                        .description("With IMPORT_REJECTED: how many lines are no library word"))
                .addProperty("rejectedLines", new ArraySchema().items(importLine)
                        .description("With IMPORT_REJECTED: the first of those lines, each with why"))
                .addProperty("duplicates", new IntegerSchema().format("int32")
                        .description("With IMPORT_REJECTED: how many lines repeat a word"));
        problem.setRequired(List.of("status", "code"));
        return problem;
    }
}
