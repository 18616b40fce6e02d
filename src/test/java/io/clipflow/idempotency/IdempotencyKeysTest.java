package io.clipflow.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.clipflow.ClipflowIntegrationTest;
import io.clipflow.idempotency.IdempotencyKeys.Outcome;
import io.clipflow.idempotency.IdempotencyKeys.StoredResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The key's life in Redis: claim, complete, release, and a lease that frees the key of a dead request. */
@ClipflowIntegrationTest
class IdempotencyKeysTest {

    @Autowired StringRedisTemplate redis;

    IdempotencyKeys keysWithLease(Duration lease) {
        return new IdempotencyKeys(redis,
                new IdempotencyProperties(Duration.ofMinutes(30), Duration.ofHours(24), lease));
    }

    @Test
    void completedKeyReplaysItsResponseAndLivesForTheResponseTtl() {
        IdempotencyKeys keys = keysWithLease(Duration.ofSeconds(30));
        String token = keys.issue("buyer1").token();

        assertThat(keys.claim(token, "buyer1", "f1").outcome()).isEqualTo(Outcome.CLAIMED);
        keys.complete(token, "f1", new StoredResponse(201, "application/json", "/api/orders/O1", "{\"a\":1}"));

        IdempotencyKeys.Claim again = keys.claim(token, "buyer1", "f1");
        assertThat(again.outcome()).isEqualTo(Outcome.REPLAY);
        assertThat(again.stored()).isEqualTo(
                new StoredResponse(201, "application/json", "/api/orders/O1", "{\"a\":1}"));
        assertThat(redis.getExpire(IdempotencyKeys.KEY_PREFIX + token)).isGreaterThan(Duration.ofHours(23).toSeconds());
        assertThat(keys.claim(token, "buyer1", "f2").outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(keys.claim(token, "buyer2", "f1").outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void releasedKeyMayBeUsedAgainEvenForAnotherRequest() {
        IdempotencyKeys keys = keysWithLease(Duration.ofSeconds(30));
        String token = keys.issue("buyer1").token();
        keys.claim(token, "buyer1", "f1");

        assertThat(keys.release(token, "f1")).isTrue();

        assertThat(keys.claim(token, "buyer1", "f2").outcome()).isEqualTo(Outcome.CLAIMED);
    }

    @Test
    void expiredKeyIsInvalid() {
        IdempotencyKeys keys = keysWithLease(Duration.ofSeconds(30));
        String token = keys.issue("buyer1", Duration.ofMillis(200)).token();

        await().atMost(Duration.ofSeconds(10)).until(() -> !redis.hasKey(IdempotencyKeys.KEY_PREFIX + token));

        assertThat(keys.claim(token, "buyer1", "f1").outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void keyOfARequestThatOutlivedItsLeaseMayRunAgain() {
        IdempotencyKeys keys = keysWithLease(Duration.ofMillis(200));
        String token = keys.issue("buyer1").token();
        keys.claim(token, "buyer1", "f1");
        assertThat(keys.claim(token, "buyer1", "f1").outcome()).isEqualTo(Outcome.IN_FLIGHT);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> keys.claim(token, "buyer1", "f1").outcome() == Outcome.CLAIMED);
        assertThat(keys.claim(token, "buyer1", "f1").outcome()).isEqualTo(Outcome.IN_FLIGHT);
    }
}
