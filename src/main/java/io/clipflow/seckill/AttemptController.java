package io.clipflow.seckill;

import java.net.URI;

import io.clipflow.idempotency.IdempotencyKeys;
import io.clipflow.idempotency.IdempotentRequests;
import io.clipflow.idempotency.KeyRefusal;
import io.clipflow.platform.ApiErrors;
import io.clipflow.platform.AsyncAnswers;
import io.clipflow.platform.ProblemCode;
import io.clipflow.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/seckill/events/{id}/attempts}: the hot path of a flash sale. It touches Redis only: the caller
 * is authenticated from the platform's short credential cache, and with a token issued for the event
 * ({@code POST /api/seckill/events/{id}/tokens}) {@link Attempts#attempt} spends the token, checks and takes the
 * unit and queues the attempt in one Lua script, one round trip. Any other token (one from
 * {@code POST /api/orders/tokens}) lives in another Redis Cluster slot: it is claimed, the unit taken and the answer
 * stored in three steps, as the order API does ({@link IdempotentRequests}). The order is created later by the
 * {@code seckill} process; the buyer polls {@code GET /api/seckill/attempts/{attemptId}}.
 *
 * <p>Either way the token follows the order API's rules, with the idempotency module's answers ({@link KeyRefusal}):
 * the same token again gets the same answer (marked {@code Idempotent-Replayed}); a token of another user, unknown
 * or expired → 422; used for something else → 422.
 */
@Tag(name = "seckill", description = "Flash sales: events, tokens, attempts and reconciliation")
@RestController
class AttemptController {

    @Schema(example = "{\"attemptId\": \"seckill-7.a1b2c3d4\", \"status\": \"PENDING\"}")
    record Accepted(String attemptId, Attempts.Status status) {
    }

    /** What a token claimed on its own is claimed for: its fingerprint. */
    record AttemptRequest(long eventId) {
    }

    private final Attempts attempts;
    private final SeckillEvents events;
    private final IdempotencyKeys keys;
    private final IdempotentRequests idempotent;
    private final AsyncAnswers answers;

    AttemptController(Attempts attempts, SeckillEvents events, IdempotencyKeys keys, IdempotentRequests idempotent,
            AsyncAnswers answers) {
        this.attempts = attempts;
        this.events = events;
        this.keys = keys;
        this.idempotent = idempotent;
        this.answers = answers;
    }

    /** A one-time token for one attempt at this event, living in the event's Redis slot. */
    @Operation(operationId = "issueSaleToken", summary = "Issue a sale token",
            description = "A one-time Idempotency-Key for one attempt at this sale, "
            + "spent in the accept step itself.")
    @ApiResponse(responseCode = "201", description = "The token and when it expires")
    @ApiErrors({ ProblemCode.FORBIDDEN, ProblemCode.NOT_FOUND })
    @PostMapping("/api/seckill/events/{id}/tokens")
    ResponseEntity<IdempotencyKeys.IssuedKey> token(@PathVariable long id, Authentication caller) {
        if (!events.exists(id)) {
            throw Problems.notFound("Seckill event " + id);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(keys.issue(caller.getName(), SeckillKeys.slotTag(id)));
    }

    @Operation(operationId = "attemptPurchase", summary = "Try to buy",
            description = "Takes a unit of the sale at once or refuses; the order is "
            + "created afterwards, poll the attempt. The same token again replays the answer.")
    @ApiResponse(responseCode = "202", description = "Accepted: a unit is taken, the order follows",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Accepted.class)),
            headers = @Header(name = "Location", description = "/api/seckill/attempts/{attemptId}",
                    schema = @Schema(type = "string")))
    @ApiErrors({ ProblemCode.FORBIDDEN, ProblemCode.NOT_FOUND, ProblemCode.SOLD_OUT, ProblemCode.ALREADY_PURCHASED,
            ProblemCode.NOT_OPEN, ProblemCode.CLOSED, ProblemCode.IDEMPOTENCY_KEY_MISSING,
            ProblemCode.IDEMPOTENCY_KEY_INVALID, ProblemCode.IDEMPOTENCY_KEY_REUSED,
            ProblemCode.IDEMPOTENCY_KEY_IN_FLIGHT })
    @PostMapping("/api/seckill/events/{id}/attempts")
    ResponseEntity<?> attempt(@PathVariable long id,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String token, Authentication caller,
            HttpServletRequest request, HttpServletResponse response) {
        KeyRefusal unusable = KeyRefusal.beforeLookup(token);
        if (unusable == KeyRefusal.MISSING) {
            throw unusable.exception();
        }
        if (unusable == null && !SeckillKeys.spendableAt(token, id)) {
            return idempotent.execute(token, caller.getName(), new AttemptRequest(id), () -> {
                Attempts.Decision decision = attempts.take(id, caller.getName());
                if (decision.outcome() != Attempts.Outcome.ACCEPTED) {
                    ProblemDetail refused = refusal(decision.outcome(), id);
                    throw new ErrorResponseException(HttpStatusCode.valueOf(refused.getStatus()), refused, null);
                }
                return accepted(decision).body(new Accepted(decision.attemptId(), Attempts.Status.PENDING));
            });
        }
        if (unusable == KeyRefusal.INVALID) {
            return answer(new Attempts.Decision(Attempts.Outcome.INVALID, null, false), id);
        }
        // answered from Redis's reply: the request thread does not wait for it (AsyncAnswers)
        return answers.answer(request, response,
                attempts.attempt(id, caller.getName(), token).thenApply(decision -> answer(decision, id)));
    }

    private static ResponseEntity<?> answer(Attempts.Decision decision, long eventId) {
        if (decision.outcome() != Attempts.Outcome.ACCEPTED) {
            // answered, not thrown: most answers of a sale are refusals, and an exception (its stack trace, the
            // resolvers) costs more than the whole Redis step; the problem detail is the same
            ProblemDetail refusal = refusal(decision.outcome(), eventId);
            return replayed(ResponseEntity.status(refusal.getStatus())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON), decision).body(refusal);
        }
        return replayed(accepted(decision), decision).body(new Accepted(decision.attemptId(), Attempts.Status.PENDING));
    }

    private static ResponseEntity.BodyBuilder accepted(Attempts.Decision decision) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/seckill/attempts/" + decision.attemptId()));
    }

    private static ResponseEntity.BodyBuilder replayed(ResponseEntity.BodyBuilder response,
            Attempts.Decision decision) {
        return decision.replayed() ? response.header(IdempotentRequests.REPLAYED, "true") : response;
    }

    private static ProblemDetail refusal(Attempts.Outcome outcome, long eventId) {
        return switch (outcome) {
            case SOLD_OUT -> Problems.detail(HttpStatus.CONFLICT, "SOLD_OUT", "Every unit of this sale is taken");
            case ALREADY_PURCHASED -> Problems.detail(HttpStatus.CONFLICT, "ALREADY_PURCHASED",
                    "You already have a unit of this sale");
            case NOT_OPEN -> Problems.detail(HttpStatus.CONFLICT, "NOT_OPEN", "This sale has not started yet");
            case CLOSED -> Problems.detail(HttpStatus.CONFLICT, "CLOSED", "This sale is over");
            case UNKNOWN_EVENT -> Problems.detail(HttpStatus.NOT_FOUND, "NOT_FOUND",
                    "Seckill event " + eventId + " not found");
            case MISMATCH -> KeyRefusal.REUSED.detail();
            case INVALID, ACCEPTED -> KeyRefusal.INVALID.detail();
        };
    }
}
