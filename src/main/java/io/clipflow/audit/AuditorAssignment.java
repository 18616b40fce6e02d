package io.clipflow.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Chooses who audits and keeps the shared load right. The choice and its count are one Lua step in Redis;
 * releases and moves happen only once the engine's transaction has committed (a rolled-back step changes
 * nothing, and a rolled-back choice gives its count back). If Redis cannot be reached, the choice falls back to
 * the engine's counts so publishing goes on; Redis is then skipped for a short while, and since updates were
 * missed, its load is dropped and rebuilt from the engine at the next contact.
 */
@Service
class AuditorAssignment {

    private static final Logger log = LoggerFactory.getLogger(AuditorAssignment.class);
    private static final Duration SKIP_REDIS_AFTER_FAILURE = Duration.ofSeconds(5);

    private final AuditorPool pool;
    private final RedisAuditorLoad redis;
    private final EngineAuditorLoad engine;
    private final Clock clock;
    private final AtomicLong fallbackTurn = new AtomicLong();
    private final AtomicBoolean missedUpdates = new AtomicBoolean();
    private volatile Instant skipRedisUntil = Instant.MIN;

    @Autowired
    AuditorAssignment(AuditorPool pool, RedisAuditorLoad redis, EngineAuditorLoad engine) {
        this(pool, redis, engine, Clock.systemUTC());
    }

    AuditorAssignment(AuditorPool pool, RedisAuditorLoad redis, EngineAuditorLoad engine, Clock clock) {
        this.pool = pool;
        this.redis = redis;
        this.engine = engine;
        this.clock = clock;
    }

    /** Who a task was given to, and the group of the pool it was taken from. */
    record Assigned(String auditor, String group) {
    }

    /**
     * The auditor a new (or overdue) audit task of {@code group}'s pool goes to, already counted: the one with the
     * fewest open audit tasks of every pool, among those {@link AuditorPool#eligible} names; null when nobody is.
     */
    Assigned assign(String group, Collection<String> excluded, boolean mayLeavePool) {
        AuditorPool.Eligible found = pool.eligible(group, excluded, mayLeavePool);
        List<String> eligible = found.auditors();
        if (eligible.isEmpty()) {
            log.warn("No eligible auditor in {}: the audit task stays unassigned in its pool", found.group());
            return null;
        }
        String chosen = redisAvailable() ? takeInRedis(eligible) : null;
        if (chosen == null) {
            chosen = FairAuditorChoice.choose(eligible, engine.openTasks(eligible), null,
                    fallbackTurn.getAndIncrement()).orElse(null);
        }
        else if (chosen.isEmpty()) {
            return null;
        }
        else {
            String counted = chosen;
            onRollback(() -> moveInRedis(counted, null));
        }
        return chosen == null ? null : new Assigned(chosen, found.group());
    }

    /** After commit: the task went from one auditor to another (either may be null). */
    void moved(String from, String to) {
        onCommit(() -> moveInRedis(from, to));
    }

    private String takeInRedis(List<String> eligible) {
        try {
            if (missedUpdates.compareAndSet(true, false)) {
                redis.forget();
            }
            String chosen = redis.takeFewest(eligible, null);
            if (chosen == null) {
                // every pool's auditors: a later choice in another pool must find its members counted too
                redis.rebuild(engine.openTasks(pool.everyAuditor()));
                chosen = redis.takeFewest(eligible, null);
            }
            return chosen;
        }
        catch (RuntimeException ex) {
            redisFailed(ex);
            return null;
        }
    }

    private void moveInRedis(String from, String to) {
        if (!redisAvailable()) {
            missedUpdates.set(true);
            return;
        }
        try {
            redis.move(from, to);
        }
        catch (RuntimeException ex) {
            redisFailed(ex);
        }
    }

    private boolean redisAvailable() {
        return clock.instant().isAfter(skipRedisUntil);
    }

    private void redisFailed(RuntimeException ex) {
        missedUpdates.set(true);
        skipRedisUntil = clock.instant().plus(SKIP_REDIS_AFTER_FAILURE);
        log.warn("Redis unreachable for the auditor load, choosing from the engine's counts: {}", ex.getMessage());
    }

    private static void onCommit(Runnable action) {
        whenTransaction(TransactionState.COMMITTED, action);
    }

    private static void onRollback(Runnable action) {
        whenTransaction(TransactionState.ROLLED_BACK, action);
    }

    private static void whenTransaction(TransactionState state, Runnable action) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            if (state == TransactionState.COMMITTED) {
                action.run();
            }
            return;
        }
        command.getTransactionContext().addTransactionListener(state, ctx -> action.run());
    }
}
