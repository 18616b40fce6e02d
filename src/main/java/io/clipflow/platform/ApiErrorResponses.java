package io.clipflow.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * Writes an operation's error answers into the API document from its {@link ApiErrors} and what every operation
 * may answer: one response per status, {@code application/problem+json}, whose {@code code} is one of the codes
 * listed for that status, with an example of each. An {@code /api} handler without {@link ApiErrors} gets none
 * of them, which the document's tests refuse.
 */
@Component
class ApiErrorResponses implements OperationCustomizer {

    static final String PROBLEM = "application/problem+json";

    private static final List<ProblemCode> ANY_OPERATION = List.of(ProblemCode.UNAUTHORIZED,
            ProblemCode.REJECTED_REQUEST, ProblemCode.VALIDATION, ProblemCode.UNAVAILABLE);

    private static final List<ProblemCode> WITH_BODY = List.of(ProblemCode.MALFORMED_JSON, ProblemCode.INVALID_BODY,
            ProblemCode.MISSING_BODY, ProblemCode.INVALID_FIELD, ProblemCode.UNSUPPORTED_MEDIA_TYPE);

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiErrors declared = handler.getMethodAnnotation(ApiErrors.class);
        if (declared == null) {
            return operation;
        }
        List<ProblemCode> codes = new ArrayList<>(ANY_OPERATION);
        if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
            codes.addAll(WITH_BODY);
        }
        codes.addAll(Arrays.asList(declared.value()));
        Map<Integer, List<ProblemCode>> byStatus = codes.stream().distinct()
                .collect(Collectors.groupingBy(c -> c.status().value(), TreeMap::new, Collectors.toList()));
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        byStatus.forEach((status, sameStatus) ->
                operation.getResponses().addApiResponse(String.valueOf(status), response(sameStatus)));
        return operation;
    }

    private static ApiResponse response(List<ProblemCode> codes) {
        MediaType problem = new MediaType().schema(schema(codes));
        Map<String, Example> examples = new LinkedHashMap<>();
        codes.forEach(code -> examples.put(code.name(), new Example().summary(code.meaning()).value(example(code))));
        problem.setExamples(examples);
        ApiResponse response = new ApiResponse()
                .description(codes.get(0).status().getReasonPhrase() + ": " + codes.stream()
                        .map(c -> "`" + c.name() + "` " + c.meaning().toLowerCase(Locale.ROOT).charAt(0)
                                + c.meaning().substring(1))
                        .collect(Collectors.joining("; ")))
                .content(new Content().addMediaType(PROBLEM, problem));
        if (codes.contains(ProblemCode.UNAUTHORIZED)) {
            response.addHeaderObject("WWW-Authenticate", new Header().description("Basic realm=\"clipflow\"")
                    .schema(new StringSchema()));
        }
        return response;
    }

    /** The shared problem shape with {@code code} narrowed to the codes of this answer. */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static Schema<?> schema(List<ProblemCode> codes) {
        StringSchema code = new StringSchema();
        codes.forEach(c -> code.addEnumItem(c.name()));
        // the rest of the body is the Problem schema's: this part says nothing of it
        Schema narrowed = new ObjectSchema().addProperty("code", code).additionalProperties(true);
        return new Schema<>().allOf(List.of(new Schema<>().$ref(ProblemSchema.REF), narrowed));
    }

    private static Map<String, Object> example(ProblemCode code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:clipflow:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", code.status().getReasonPhrase());
        body.put("status", code.status().value());
        body.put("detail", code.meaning());
        body.put("code", code.name());
        return body;
    }
}
