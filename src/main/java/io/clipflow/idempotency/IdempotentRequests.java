package io.clipflow.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipflow.idempotency.IdempotencyKeys.Claim;
import io.clipflow.idempotency.IdempotencyKeys.StoredResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Runs a POST at most once per {@code Idempotency-Key} (IETF httpapi-idempotency-key draft, Stripe's rules):
 * <ul>
 * <li>first use: the key is claimed atomically with the request's fingerprint, the action runs, its response
 * (success or a 4xx problem) is stored and returned;</li>
 * <li>same key, same request: the stored response again, byte for byte with the same status (so a replayed
 * creation is still 201), marked {@code Idempotent-Replayed: true};</li>
 * <li>same key, other request → 422 {@code IDEMPOTENCY_KEY_REUSED}; still in flight → 409
 * {@code IDEMPOTENCY_KEY_IN_FLIGHT}; unknown, expired or someone else's key → 422 {@code IDEMPOTENCY_KEY_INVALID};
 * no key → 400 {@code IDEMPOTENCY_KEY_MISSING} ({@link KeyRefusal}).</li>
 * </ul>
 * A business refusal (4xx) spends the key like a success: it is the answer to that request, and a retry gets
 * it again. A failure of the server (5xx, database or Redis down) gives the key back unspent, nothing having
 * been written, so the client may retry with it. Requests that fail validation never reach the key at all.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    /** Marks an answer given before to the same key and request. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

    private final IdempotencyKeys keys;
    private final ObjectMapper json;

    IdempotentRequests(IdempotencyKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /**
     * @param request the validated request; its JSON form is the fingerprint, so field order and whitespace of
     *                the body the client sent do not matter
     */
    public ResponseEntity<String> execute(String key, String caller, Object request,
            Supplier<ResponseEntity<?>> action) {
        KeyRefusal unusable = KeyRefusal.beforeLookup(key);
        if (unusable != null) {
            throw unusable.exception();
        }
        String fingerprint = fingerprint(request);
        Claim claim = keys.claim(key, caller, fingerprint);
        return switch (claim.outcome()) {
            case REPLAY -> toResponse(claim.stored(), true);
            case IN_FLIGHT -> throw KeyRefusal.IN_FLIGHT.exception();
            case MISMATCH -> throw KeyRefusal.REUSED.exception();
            case INVALID -> throw KeyRefusal.INVALID.exception();
            case CLAIMED -> runOnce(key, fingerprint, action);
        };
    }

    private ResponseEntity<String> runOnce(String key, String fingerprint, Supplier<ResponseEntity<?>> action) {
        StoredResponse response;
        try {
            response = store(action.get());
        }
        catch (ErrorResponseException refusal) {
            if (!refusal.getStatusCode().is4xxClientError()) {
                keys.release(key, fingerprint);
                throw refusal;
            }
            refusal.getBody().setInstance(currentRequestPath());
            response = new StoredResponse(refusal.getStatusCode().value(),
                    MediaType.APPLICATION_PROBLEM_JSON_VALUE, null, write(refusal.getBody()));
        }
        catch (RuntimeException failure) {
            try {
                keys.release(key, fingerprint);
            }
            catch (RuntimeException releaseFailed) {
                failure.addSuppressed(releaseFailed);
            }
            throw failure;
        }
        try {
            keys.complete(key, fingerprint, response);
        }
        catch (RuntimeException storeFailed) {
            // done is done: answer it. A retry reclaims the key after its lease; the action must be idempotent
            // on the key itself (an order's unique source), so the retry finds the same result
            log.warn("The response for an idempotency key could not be stored: {}", storeFailed.getMessage());
        }
        return toResponse(response, false);
    }

    private StoredResponse store(ResponseEntity<?> response) {
        URI location = response.getHeaders().getLocation();
        return new StoredResponse(response.getStatusCode().value(), MediaType.APPLICATION_JSON_VALUE,
                location == null ? null : location.toString(), write(response.getBody()));
    }

    private static ResponseEntity<String> toResponse(StoredResponse stored, boolean replayed) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.status())
                .contentType(MediaType.parseMediaType(stored.contentType()));
        if (stored.location() != null) {
            builder.location(URI.create(stored.location()));
        }
        if (replayed) {
            builder.header(REPLAYED, "true");
        }
        return builder.body(stored.body());
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        }
        catch (JsonProcessingException ex) {
            throw new IllegalStateException("Could not write " + value.getClass().getSimpleName(), ex);
        }
    }

    private static URI currentRequestPath() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? URI.create(request.getRequest().getRequestURI()) : null;
    }
}
