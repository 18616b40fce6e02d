package io.clipflow.seckill;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.clipflow.platform.ApiErrors;
import io.clipflow.platform.ProblemCode;
import io.clipflow.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/seckill}: ops create events (and reconcile them); buyers list events and read their attempts.
 * Taking part in a sale is {@link AttemptController}'s.
 */
@Tag(name = "seckill", description = "Flash sales: events, tokens, attempts and reconciliation")
@RestController
@RequestMapping("/api/seckill")
class SeckillController {

    @Schema(example = "{\"itemId\": 1, \"stock\": 100, \"startsAt\": \"2030-01-01T10:00:00Z\", "
            + "\"endsAt\": \"2030-01-01T10:10:00Z\"}")
    record NewEvent(@NotNull @Positive Long itemId, @NotNull @Positive Integer stock,
            @NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt) {
    }

    /** {@code sold} counts the units taken in Redis, orders still being created included. */
    @Schema(example = "{\"id\": 7, \"itemId\": 1, \"stock\": 100, \"remaining\": 58, \"sold\": 42, "
            + "\"startsAt\": \"2030-01-01T10:00:00Z\", \"endsAt\": \"2030-01-01T10:10:00Z\"}")
    record EventView(long id, long itemId, int stock, long remaining, long sold, OffsetDateTime startsAt,
            OffsetDateTime endsAt) {
    }

    @Schema(example = "{\"attemptId\": \"seckill-7.a1b2c3d4\", \"eventId\": 7, \"status\": \"SUCCEEDED\", "
            + "\"orderNo\": \"O20300101K7M2Q9XA\"}")
    record AttemptView(String attemptId, long eventId, Attempts.Status status, String orderNo, String reason) {
    }

    private final SeckillEvents events;
    private final Attempts attempts;
    private final Reconciliation reconciliation;

    SeckillController(SeckillEvents events, Attempts attempts, Reconciliation reconciliation) {
        this.events = events;
        this.attempts = attempts;
        this.reconciliation = reconciliation;
    }

    @Operation(operationId = "createSale", summary = "Create a sale",
            description = "Ops create a flash sale of an item's units between two "
            + "times; its stock is loaded into Redis.")
    @ApiResponse(responseCode = "201", description = "The sale", headers = @Header(name = "Location",
            description = "/api/seckill/events/{id}", schema = @Schema(type = "string")))
    @ApiErrors({ ProblemCode.FORBIDDEN, ProblemCode.BAD_REQUEST, ProblemCode.UNKNOWN_ITEM,
            ProblemCode.NOT_ENOUGH_STOCK })
    @PostMapping("/events")
    ResponseEntity<EventView> create(@Valid @RequestBody NewEvent request, Authentication caller) {
        SeckillEvent event = events.create(request.itemId(), request.stock(), request.startsAt(), request.endsAt(),
                caller.getName());
        return ResponseEntity.created(URI.create("/api/seckill/events/" + event.id())).body(view(event));
    }

    @Operation(operationId = "getSale", summary = "Read a sale",
            description = "A sale with its units remaining and sold.")
    @ApiErrors(ProblemCode.NOT_FOUND)
    @GetMapping("/events/{id}")
    EventView find(@PathVariable long id) {
        return view(events.find(id).orElseThrow(() -> Problems.notFound("Seckill event " + id)));
    }

    /** Events not over yet, soonest first: what a buyer can still take part in. */
    @Operation(operationId = "listCurrentSales", summary = "Current sales",
            description = "Sales not over yet, soonest first (at most 50).")
    @ApiErrors({})
    @GetMapping("/events")
    List<EventView> current() {
        return events.endingAfter(OffsetDateTime.now(ZoneOffset.UTC), 50).stream().map(this::view).toList();
    }

    /** The attempt, to the buyer who made it; to anyone else it does not exist. Redis only. */
    @Operation(operationId = "getAttempt", summary = "Read an attempt",
            description = "The caller's attempt: PENDING, SUCCEEDED with its order "
            + "number or FAILED with a reason.")
    @ApiErrors(ProblemCode.NOT_FOUND)
    @GetMapping("/attempts/{attemptId}")
    AttemptView attempt(@PathVariable String attemptId, Authentication caller) {
        return attempts.find(attemptId).filter(a -> a.buyer().equals(caller.getName()))
                .map(a -> new AttemptView(a.attemptId(), a.eventId(), a.status(), a.orderNo(), a.reason()))
                .orElseThrow(() -> Problems.notFound("Seckill attempt " + attemptId));
    }

    /** Compares the event's units in Redis with its orders now, repairs Redis and says what it found. */
    @Operation(operationId = "reconcileSale", summary = "Reconcile a sale",
            description = "Ops compare the sale's units in Redis with its orders, "
            + "repair Redis and get what was found.")
    @ApiErrors({ ProblemCode.FORBIDDEN, ProblemCode.NOT_FOUND })
    @PostMapping("/events/{id}/reconcile")
    Reconciliation.Report reconcile(@PathVariable long id) {
        return reconciliation.reconcile(events.find(id).orElseThrow(() -> Problems.notFound("Seckill event " + id)));
    }

    private EventView view(SeckillEvent event) {
        long remaining = events.remaining(event.id());
        return new EventView(event.id(), event.itemId(), event.stock(), remaining,
                remaining < 0 ? 0 : event.stock() - remaining, event.startsAt(), event.endsAt());
    }
}
