package io.clipflow.seckill;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.clipflow.platform.Problems;
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
@RestController
@RequestMapping("/api/seckill")
class SeckillController {

    record NewEvent(@NotNull @Positive Long itemId, @NotNull @Positive Integer stock,
            @NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt) {
    }

    /** {@code sold} counts the units taken in Redis, orders still being created included. */
    record EventView(long id, long itemId, int stock, long remaining, long sold, OffsetDateTime startsAt,
            OffsetDateTime endsAt) {
    }

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

    @PostMapping("/events")
    ResponseEntity<EventView> create(@Valid @RequestBody NewEvent request, Authentication caller) {
        SeckillEvent event = events.create(request.itemId(), request.stock(), request.startsAt(), request.endsAt(),
                caller.getName());
        return ResponseEntity.created(URI.create("/api/seckill/events/" + event.id())).body(view(event));
    }

    @GetMapping("/events/{id}")
    EventView find(@PathVariable long id) {
        return view(events.find(id).orElseThrow(() -> Problems.notFound("Seckill event " + id)));
    }

    /** Events not over yet, soonest first: what a buyer can still take part in. */
    @GetMapping("/events")
    List<EventView> current() {
        return events.endingAfter(OffsetDateTime.now(ZoneOffset.UTC), 50).stream().map(this::view).toList();
    }

    /** The attempt, to the buyer who made it; to anyone else it does not exist. Redis only. */
    @GetMapping("/attempts/{attemptId}")
    AttemptView attempt(@PathVariable String attemptId, Authentication caller) {
        return attempts.find(attemptId).filter(a -> a.buyer().equals(caller.getName()))
                .map(a -> new AttemptView(a.attemptId(), a.eventId(), a.status(), a.orderNo(), a.reason()))
                .orElseThrow(() -> Problems.notFound("Seckill attempt " + attemptId));
    }

    /** Compares the event's units in Redis with its orders now, repairs Redis and says what it found. */
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
