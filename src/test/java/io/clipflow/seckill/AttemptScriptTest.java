package io.clipflow.seckill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.clipflow.seckill.Attempts.Decision;
import io.clipflow.seckill.Attempts.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The accept script (attempt.lua), taking a unit without a token (take.lua) and the release script (fail.lua) on a real redis-server. */
class AttemptScriptTest {

    static SeckillRedisFixture fixture;
    static Attempts attempts;

    @BeforeAll
    static void startRedis() {
        fixture = new SeckillRedisFixture();
        attempts = fixture.attempts;
    }

    @AfterAll
    static void stopRedis() {
        fixture.close();
    }

    @Test
    void acceptedAttemptTakesOneUnitRecordsItAndQueuesIt() {
        long event = fixture.openEvent(5);

        Decision decision = attempt(event, "ann", fixture.token("ann", event));

        assertThat(decision.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(decision.attemptId()).startsWith(event + "-");
        assertThat(fixture.remaining(event)).isEqualTo(4);
        assertThat(attempts.find(decision.attemptId())).get()
                .satisfies(a -> assertThat(a.status()).isEqualTo(Attempts.Status.PENDING))
                .satisfies(a -> assertThat(a.buyer()).isEqualTo("ann"))
                .satisfies(a -> assertThat(a.itemId()).isEqualTo(7));
        assertThat(fixture.redis.opsForSet().isMember(SeckillKeys.held(event), decision.attemptId())).isTrue();
        assertThat(fixture.redis.opsForStream().range(SeckillKeys.attempts(event),
                org.springframework.data.domain.Range.unbounded()))
                .anySatisfy(entry -> assertThat(entry.getValue()).containsEntry("attemptId", decision.attemptId()));
    }

    @Test
    void attemptsOutsideTheWindowAreRefusedAndTakeNothing() {
        long early = fixture.event(5, Instant.now().plusSeconds(60), Instant.now().plusSeconds(600));
        long late = fixture.event(5, Instant.now().minusSeconds(600), Instant.now().minusSeconds(1));

        assertThat(attempt(early, "ann", fixture.token("ann", early)).outcome()).isEqualTo(Outcome.NOT_OPEN);
        assertThat(attempt(late, "ann", fixture.token("ann", late)).outcome()).isEqualTo(Outcome.CLOSED);
        assertThat(fixture.remaining(early)).isEqualTo(5);
        assertThat(fixture.remaining(late)).isEqualTo(5);
    }

    @Test
    void aBuyerGetsOneUnitWhateverNewTokensItBrings() {
        long event = fixture.openEvent(5);
        attempt(event, "bob", fixture.token("bob", event));

        assertThat(attempt(event, "bob", fixture.token("bob", event)).outcome())
                .isEqualTo(Outcome.ALREADY_PURCHASED);
        assertThat(fixture.remaining(event)).isEqualTo(4);
    }

    @Test
    void theLastUnitGoesToOneBuyerAndTheNextIsToldSoldOut() {
        long event = fixture.openEvent(1);

        assertThat(attempt(event, "cat", fixture.token("cat", event)).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(attempt(event, "dan", fixture.token("dan", event)).outcome()).isEqualTo(Outcome.SOLD_OUT);
        assertThat(fixture.remaining(event)).isZero();
    }

    @Test
    void theSameTokenAgainReplaysTheFirstAnswerAndTakesNothingMore() {
        long event = fixture.openEvent(5);
        String token = fixture.token("eve", event);
        Decision first = attempt(event, "eve", token);

        Decision again = attempt(event, "eve", token);

        assertThat(again).isEqualTo(new Decision(Outcome.ACCEPTED, first.attemptId(), true));
        assertThat(fixture.remaining(event)).isEqualTo(4);
    }

    @Test
    void aTokenSpentAsTokensAlwaysWereReplaysItsAnswer() {
        long event = fixture.openEvent(5);
        String token = fixture.token("ian", event);
        fixture.redis.opsForHash().putAll(SeckillKeys.token(token), Map.of("state", "DONE",
                "fingerprint", "seckill:" + event, "claimedAt", "1", "seckillOutcome", "SOLD_OUT", "attemptId", ""));

        assertThat(attempt(event, "ian", token)).isEqualTo(new Decision(Outcome.SOLD_OUT, null, true));
        String spent = fixture.token("jo", event);
        Decision accepted = attempt(event, "jo", spent);
        assertThat(fixture.redis.<String, String>opsForHash().entries(SeckillKeys.token(spent)))
                .containsEntry("state", "DONE").containsEntry("fingerprint", "seckill:" + event)
                .containsEntry("seckillOutcome", "ACCEPTED").containsEntry("attemptId", accepted.attemptId())
                .containsKeys("owner", "expiresAt", "claimedAt");
        assertThat(fixture.remaining(event)).isEqualTo(4);
    }

    @Test
    void aTokenOfSomeoneElseUnknownOrUsedForAnotherRequestIsRefused() {
        long event = fixture.openEvent(5);
        long other = fixture.openEvent(5);
        String token = fixture.token("fay", event);
        attempt(event, "fay", token);

        assertThat(attempt(event, "gus", fixture.token("fay", event)).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(attempt(event, "gus", SeckillKeys.slotTag(event) + ".no-such-token").outcome())
                .isEqualTo(Outcome.INVALID);
        // a token issued for another event lives in another slot: the API claims it on its own (SeckillApiTest)
        assertThatIllegalArgumentException().isThrownBy(() -> attempts.attempt(other, "fay", token));
        assertThatIllegalArgumentException().isThrownBy(() -> attempts.attempt(event, "fay", "an-untagged-token"));
        String orderKey = fixture.token("fay", event);
        fixture.redis.opsForHash().putAll(SeckillKeys.token(orderKey),
                Map.of("state", "DONE", "fingerprint", "an order's fingerprint"));
        assertThat(attempt(event, "fay", orderKey).outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(fixture.remaining(other)).isEqualTo(5);
    }

    @Test
    void takingAUnitWithoutATokenFollowsTheSameRules() {
        long event = fixture.openEvent(1);

        Decision taken = attempts.take(event, "kim");

        assertThat(taken.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(attempts.find(taken.attemptId()).orElseThrow().buyer()).isEqualTo("kim");
        assertThat(attempts.take(event, "kim")).isEqualTo(new Decision(Outcome.ALREADY_PURCHASED, null, false));
        assertThat(attempts.take(event, "lou").outcome()).isEqualTo(Outcome.SOLD_OUT);
        assertThat(attempts.take(fixture.openEvent(1) + 1000, "lou").outcome()).isEqualTo(Outcome.UNKNOWN_EVENT);
        assertThat(fixture.remaining(event)).isZero();
        assertThat(fixture.redis.opsForStream().size(SeckillKeys.attempts(event))).isEqualTo(1);
    }

    /** Redis Cluster runs a script only if all its keys hash to one slot: every script's keys, by construction. */
    @Test
    void everyKeyOfAnEventItsAttemptsAndTheTokensIssuedForItShareOneSlot() {
        for (long event : new long[] { 1, 42, 9_999_999_999L }) {
            String attemptId = SeckillKeys.newAttemptId(event);
            List<String> keys = new ArrayList<>(SeckillKeys.unitKeys(event, attemptId));
            keys.add(SeckillKeys.token(fixture.token("ann", event)));

            assertThat(keys).extracting(io.lettuce.core.cluster.SlotHash::getSlot).containsOnly(
                    io.lettuce.core.cluster.SlotHash.getSlot(SeckillKeys.event(event)));
            assertThat(SeckillKeys.eventKeys(event)).isSubsetOf(keys);
        }
    }

    @Test
    void aFailedAttemptGivesItsUnitAndBuyerSlotBackOnce() {
        long event = fixture.openEvent(1);
        Decision taken = attempt(event, "hal", fixture.token("hal", event));

        assertThat(attempts.markFailed(taken.attemptId(), "OUT_OF_STOCK")).isTrue();
        assertThat(attempts.markFailed(taken.attemptId(), "again")).isFalse();
        assertThat(attempts.markSucceeded(taken.attemptId(), "O1")).isFalse();

        assertThat(fixture.remaining(event)).isEqualTo(1);
        assertThat(attempts.find(taken.attemptId()).orElseThrow().reason()).isEqualTo("OUT_OF_STOCK");
        assertThat(attempt(event, "hal", fixture.token("hal", event)).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void underConcurrencyExactlyTheStockIsSoldOnePerBuyerAndRemainingNeverGoesBelowZero() throws Exception {
        int stock = 50;
        long event = fixture.openEvent(stock);
        int threads = 16;
        int attemptsEach = 60;
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Integer> unitsPerBuyer = new ConcurrentHashMap<>();
        AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        Future<?> watcher = pool.submit(() -> {
            while (running.get()) {
                lowest.accumulateAndGet(fixture.remaining(event), Math::min);
            }
        });
        List<Future<?>> buyers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            buyers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < attemptsEach; i++) {
                    String buyer = "b" + ((thread * attemptsEach + i) % 300);
                    if (attempt(event, buyer, fixture.token(buyer, event)).outcome() == Outcome.ACCEPTED) {
                        unitsPerBuyer.merge(buyer, 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> buyer : buyers) {
            buyer.get(30, TimeUnit.SECONDS);
        }
        running.set(false);
        watcher.get(5, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(unitsPerBuyer.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(stock);
        assertThat(unitsPerBuyer.values()).allMatch(units -> units == 1);
        assertThat(fixture.remaining(event)).isZero();
        assertThat(lowest.get()).isZero();
        assertThat(fixture.redis.opsForSet().size(SeckillKeys.held(event))).isEqualTo(stock);
    }

    private static Decision attempt(long eventId, String buyer, String token) {
        return attempts.attempt(eventId, buyer, token).join();
    }
}
