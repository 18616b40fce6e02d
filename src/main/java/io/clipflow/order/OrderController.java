package io.clipflow.order;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.clipflow.idempotency.IdempotencyKeys;
import io.clipflow.idempotency.IdempotencyKeys.IssuedKey;
import io.clipflow.idempotency.IdempotentRequests;
import io.clipflow.platform.ApiErrors;
import io.clipflow.platform.CallerGroups;
import io.clipflow.platform.ClipflowGroups;
import io.clipflow.platform.ProblemCode;
import io.clipflow.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/orders}: a buyer asks for a one-time token, submits the order with it as {@code Idempotency-Key}
 * (see {@link IdempotentRequests} for every answer), and reads its orders. An order is shown to its buyer and
 * to ops; to anyone else it does not exist (404).
 */
@Tag(name = "orders", description = "Idempotent orders and their payments")
@RestController
@RequestMapping("/api/orders")
class OrderController {

    @Schema(example = "{\"itemId\": 1, \"quantity\": 2}")
    record NewOrder(@NotNull @Positive Long itemId, @NotNull @Positive @Max(1000) Integer quantity) {
    }

    @Schema(example = "{\"token\": \"Zk3q0b8mQ1uR2y7sV4wX9A\", \"expiresAt\": \"2030-01-01T10:30:00Z\"}")
    record Token(String token, Instant expiresAt) {
    }

    @Schema(example = "{\"orderNo\": \"O20300101K7M2Q9XA\", \"buyer\": \"buyer1\", \"itemId\": 1, \"quantity\": 2, "
            + "\"amountCents\": 5198, \"status\": \"CREATED\", \"createdAt\": \"2030-01-01T10:00:00Z\"}")
    record OrderView(String orderNo, String buyer, long itemId, int quantity, long amountCents, OrderStatus status,
            String paymentId, OffsetDateTime createdAt, OffsetDateTime paidAt, OffsetDateTime cancelledAt) {

        static OrderView of(Order o) {
            return new OrderView(o.orderNo(), o.buyer(), o.itemId(), o.quantity(), o.amountCents(), o.status(),
                    o.paymentId(), o.createdAt(), o.paidAt(), o.cancelledAt());
        }
    }

    @Schema(example = "{\"content\": [{\"orderNo\": \"O20300101K7M2Q9XA\", \"buyer\": \"buyer1\", \"itemId\": 1, "
            + "\"quantity\": 2, \"amountCents\": 5198, \"status\": \"PAID\", \"paymentId\": \"pay-1\", "
            + "\"createdAt\": \"2030-01-01T10:00:00Z\", \"paidAt\": \"2030-01-01T10:01:00Z\"}], \"page\": 0, "
            + "\"size\": 20, \"totalElements\": 1}")
    record OrderPage(List<OrderView> content, int page, int size, long totalElements) {
    }

    private final IdempotencyKeys keys;
    private final IdempotentRequests idempotent;
    private final OrderBook book;
    private final OrderProperties properties;

    OrderController(IdempotencyKeys keys, IdempotentRequests idempotent, OrderBook book,
            OrderProperties properties) {
        this.keys = keys;
        this.idempotent = idempotent;
        this.book = book;
        this.properties = properties;
    }

    @Operation(operationId = "issueOrderToken", summary = "Issue an order token",
            description = "A one-time token to send as Idempotency-Key with one "
            + "order (or one seckill attempt); it expires unused after 30 minutes.")
    @ApiResponse(responseCode = "201", description = "The token and when it expires")
    @ApiErrors(ProblemCode.FORBIDDEN)
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Token issueToken(Authentication caller) {
        IssuedKey key = keys.issue(caller.getName());
        return new Token(key.token(), key.expiresAt());
    }

    /** 201 with the order; a replay of the same request answers the same 201 with the same order number. */
    @Operation(operationId = "placeOrder", summary = "Place an order",
            description = "Places an order once per Idempotency-Key: the same key and body "
            + "again get the same answer, marked Idempotent-Replayed.")
    @ApiResponse(responseCode = "201", description = "The order, CREATED and waiting for its payment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)),
            headers = @Header(name = "Location", description = "/api/orders/{orderNo}",
                    schema = @Schema(type = "string")))
    @ApiErrors({ ProblemCode.FORBIDDEN, ProblemCode.IDEMPOTENCY_KEY_MISSING, ProblemCode.IDEMPOTENCY_KEY_INVALID,
            ProblemCode.IDEMPOTENCY_KEY_REUSED, ProblemCode.IDEMPOTENCY_KEY_IN_FLIGHT, ProblemCode.UNKNOWN_ITEM,
            ProblemCode.OUT_OF_STOCK })
    @PostMapping
    ResponseEntity<String> submit(@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody NewOrder request, Authentication caller) {
        String buyer = caller.getName();
        return idempotent.execute(key, buyer, request, () -> {
            Order order;
            try {
                order = book.place(buyer, request.itemId(), request.quantity(), "key:" + key);
            }
            catch (OrderRefusedException refused) {
                throw OrderRefusedException.UNKNOWN_ITEM.equals(refused.code())
                        ? Problems.unprocessable(refused.code(), refused.getMessage())
                        : Problems.conflict(refused.code(), refused.getMessage());
            }
            return ResponseEntity.created(URI.create("/api/orders/" + order.orderNo())).body(OrderView.of(order));
        });
    }

    @Operation(operationId = "getOrder", summary = "Read an order",
            description = "An order, to its buyer and to ops; to anyone else it does "
            + "not exist (404).")
    @ApiErrors(ProblemCode.NOT_FOUND)
    @GetMapping("/{orderNo}")
    OrderView find(@PathVariable String orderNo, Authentication caller) {
        return OrderView.of(visibleOrder(book, orderNo, caller));
    }

    /** The caller's own orders, newest first. */
    @Operation(operationId = "listMyOrders", summary = "My orders",
            description = "The caller's own orders, newest first.")
    @ApiErrors({})
    @GetMapping
    OrderPage mine(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) int size, Authentication caller) {
        if (size > properties.maxPageSize()) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "VALIDATION",
                    "size must be at most " + properties.maxPageSize());
        }
        List<OrderView> content = book.pageOf(caller.getName(), page, size).stream().map(OrderView::of).toList();
        return new OrderPage(content, page, size, book.countOf(caller.getName()));
    }

    /** The order if the caller is its buyer or in ops; otherwise 404, so order numbers reveal nothing. */
    static Order visibleOrder(OrderBook book, String orderNo, Authentication caller) {
        return book.find(orderNo)
                .filter(order -> order.buyer().equals(caller.getName())
                        || CallerGroups.isInAny(caller, ClipflowGroups.OPS))
                .orElseThrow(() -> Problems.notFound("Order " + orderNo));
    }
}
