package io.clipflow.idempotency;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * The API document's word on {@code Idempotency-Key}: on every operation that takes it, the header's rules and
 * the {@code Idempotent-Replayed} header of an answer given before (a success or a business refusal; a request
 * refused before the key is looked at is never replayed). Runs after the error answers are written.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class IdempotencyKeyDocumentation implements OperationCustomizer {

    private static final Set<String> REPLAYABLE = Set.of("200", "201", "202", "404", "409", "422");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getParameters() == null) {
            return operation;
        }
        for (Parameter parameter : operation.getParameters()) {
            if ("header".equals(parameter.getIn()) && IdempotentRequests.HEADER.equals(parameter.getName())) {
                parameter.description("A one-time token (POST /api/orders/tokens, or for a sale "
                        + "POST /api/seckill/events/{id}/tokens), the caller's own and unexpired. Sent again with "
                        + "the same request it gets the first answer again; with another request 422 "
                        + "IDEMPOTENCY_KEY_REUSED; missing 400 IDEMPOTENCY_KEY_MISSING.");
                parameter.example("9f1c2a7e-1b8d-4a8e-9a53-2f6d0c1e7b42");
                markReplays(operation);
            }
        }
        return operation;
    }

    private static void markReplays(Operation operation) {
        operation.getResponses().forEach((status, response) -> {
            if (REPLAYABLE.contains(status)) {
                response.addHeaderObject(IdempotentRequests.REPLAYED, new Header()
                        .description("true when this is the answer given before to the same key and request")
                        .schema(new StringSchema()._enum(List.of("true"))));
            }
        });
    }
}
